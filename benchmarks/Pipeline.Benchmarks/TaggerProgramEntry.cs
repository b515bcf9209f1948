namespace Pipeline.Benchmarks;

/// <summary>
/// Entry point until the benchmarks get a Program.cs that dispatches between benchmarks; it then replaces this
/// file, calling <see cref="TaggerBenchmark.Run"/> for "tagger".
/// </summary>
public static class TaggerProgramEntry
{
    /// <summary>Runs the tagger benchmark.</summary>
    public static void Main()
    {
        TaggerBenchmark.Run();
    }
}
