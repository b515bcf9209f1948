namespace Pipeline.Components.Matching;

/// <summary>A match of pattern number <paramref name="Pattern"/> over tokens [<paramref name="Start"/>, <paramref name="End"/>).</summary>
internal readonly record struct RuleMatch(int Start, int End, int Pattern)
{
    public int Length => End - Start;
}
