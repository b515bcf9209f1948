using Pipeline.Benchmarks;

// Runs the benchmarks named on the command line (all of them when none is named).
var benchmarks = new Dictionary<string, Action>(StringComparer.OrdinalIgnoreCase)
{
    ["docbin"] = DocBinBenchmark.Run,
};

var selected = args.Length == 0 ? benchmarks.Keys.ToList() : args.ToList();
foreach (var name in selected)
{
    if (!benchmarks.TryGetValue(name, out var run))
    {
        Console.Error.WriteLine($"Unknown benchmark '{name}'. Known: {string.Join(", ", benchmarks.Keys)}");
        return 1;
    }

    Console.WriteLine($"== {name}");
    run();
}

return 0;
