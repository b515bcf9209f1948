namespace Pipeline.Benchmarks;

/// <summary>
/// Entry point until the benchmarks get a Program.cs that dispatches between benchmarks; it then replaces this
/// file. Runs the tagger benchmark, or the one named by the first argument ("tagger", "lemmatizer").
/// </summary>
public static class TaggerProgramEntry
{
    /// <summary>Runs the named benchmark (default "tagger").</summary>
    public static void Main(string[] args)
    {
        var name = args.Length > 0 ? args[0] : "tagger";
        if (name == "lemmatizer")
        {
            LemmatizerBenchmark.Run();
        }
        else
        {
            TaggerBenchmark.Run();
        }
    }
}
