using Pipeline.Training;

namespace Pipeline.Components.Tagging;

/// <summary>What a tagger saves: its labels, tag dictionary, ambiguity classes and the two passes' models.</summary>
internal sealed record TaggerSavedState(
    string[] Pos,
    string[] Tags,
    Dictionary<ulong, (int Pos, int Tag)> TagDictionary,
    Dictionary<ulong, ulong> Ambiguity,
    AveragedPerceptron Model,
    AveragedPerceptron? Second,
    float SecondMargin);
