namespace Pipeline.Benchmarks;

/// <summary>Runs the benchmark named on the command line, e.g. <c>dotnet run -c Release -- tokenizer</c>.</summary>
public static class Program
{
    private static readonly Dictionary<string, Action> Benchmarks = new(StringComparer.OrdinalIgnoreCase)
    {
        ["tokenizer"] = TokenizerBenchmark.Run,
    };

    public static int Main(string[] args)
    {
        if (args.Length == 0 || !Benchmarks.TryGetValue(args[0], out var run))
        {
            Console.Error.WriteLine($"usage: Pipeline.Benchmarks <{string.Join("|", Benchmarks.Keys)}>");
            return 2;
        }

        run();
        return 0;
    }
}
