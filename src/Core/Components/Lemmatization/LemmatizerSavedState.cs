using Pipeline.Training;

namespace Pipeline.Components.Lemmatization;

/// <summary>What a lemmatizer saves: its lookup table, its edit scripts and the model that picks among them.</summary>
internal sealed record LemmatizerSavedState(Dictionary<(ulong Form, ulong Pos), string> Lookup, EditScript[] Scripts, AveragedPerceptron Model);
