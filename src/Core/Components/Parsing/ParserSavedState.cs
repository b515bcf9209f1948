using Pipeline.Training;

namespace Pipeline.Components.Parsing;

/// <summary>What a parser saves: its labels, root label, labelled moves, word lexicon and model.</summary>
internal sealed record ParserSavedState(
    string[] Labels, string RootDep, Move[] Moves, int[] ActionLabels, Dictionary<ulong, ulong> Lexicon, AveragedPerceptron Model, bool Morphology);
