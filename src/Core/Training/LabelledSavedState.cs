namespace Pipeline.Training;

/// <summary>What a component that predicts one label per token saves: the labels, the model and, for some, a word table.</summary>
internal sealed record LabelledSavedState(string[] Labels, AveragedPerceptron Model, Dictionary<ulong, ulong>? Lexicon = null);
