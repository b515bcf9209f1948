namespace Pipeline.Components.Parsing;

/// <summary>
/// The reusable buffers of one parsing thread: the configuration, the oracle, scores, features and per-doc heads
/// and labels. One instance per thread (<see cref="Current"/>), so parsing allocates nothing per token and
/// <see cref="Parser.Process"/> stays safe for concurrent use.
/// </summary>
internal sealed class ParserWorkspace
{
    [ThreadStatic]
    private static ParserWorkspace? _current;

    /// <summary>The calling thread's workspace.</summary>
    public static ParserWorkspace Current => _current ??= new ParserWorkspace();

    /// <summary>The transition system's configuration.</summary>
    public ParseState State { get; } = new();

    /// <summary>The dynamic oracle (training only).</summary>
    public DynamicOracle Oracle { get; } = new();

    /// <summary>The features of the current configuration.</summary>
    public ulong[] Features { get; } = new ulong[ParserFeatures.Count];

    /// <summary>Class scores (at least the model's class count).</summary>
    public float[] Scores { get; private set; } = new float[256];

    /// <summary>Predicted absolute heads of the doc (a root heads itself).</summary>
    public int[] Heads { get; private set; } = new int[256];

    /// <summary>Predicted label ids of the doc.</summary>
    public int[] Labels { get; private set; } = new int[256];

    /// <summary>Gold absolute heads (training only).</summary>
    public int[] GoldHeads { get; private set; } = new int[256];

    /// <summary>Gold label ids (training only).</summary>
    public int[] GoldLabels { get; private set; } = new int[256];

    /// <summary>Scratch space for lifting and deprojectivizing.</summary>
    public int[] Scratch { get; private set; } = new int[4 * (256 + 1)];

    /// <summary>Grows the buffers for a doc of <paramref name="length"/> tokens and a model of <paramref name="classes"/>.</summary>
    public void Ensure(int length, int classes)
    {
        if (Scores.Length < classes)
        {
            Scores = new float[classes];
        }

        if (Heads.Length < length)
        {
            var capacity = Math.Max(length, Heads.Length * 2);
            Heads = new int[capacity];
            Labels = new int[capacity];
            GoldHeads = new int[capacity];
            GoldLabels = new int[capacity];
            Scratch = new int[4 * (capacity + 1)];
        }
    }
}
