using Pipeline.Benchmarks;

// Prints speed and size figures; asserts nothing. Usage: Pipeline.Benchmarks [name ...] (default: all).
if (args is [PackageBenchmark.ColdLoadArgument, var model])
{
    return PackageBenchmark.ColdLoad(model);
}

var benchmarks = new Dictionary<string, Action>(StringComparer.OrdinalIgnoreCase)
{
    ["tokenizer"] = TokenizerBenchmark.Run,
    ["rules"] = RuleComponentsBenchmark.Run,
    ["docbin"] = DocBinBenchmark.Run,
    ["tagger"] = TaggerBenchmark.Run,
    ["pipe"] = PipeBenchmark.Run,
    ["lemmatizer"] = LemmatizerBenchmark.Run,
    ["ner"] = NerBenchmark.Run,
    ["package"] = PackageBenchmark.Run,
    ["coldstart"] = ColdStartBenchmark.Run,
    ["learned-tokenizer"] = LearnedTokenizerBenchmark.Run,
    ["parser"] = ParserBenchmark.Run,
    ["training"] = TrainingBenchmark.Run,
    ["transformer"] = TransformerBenchmark.Run,
    ["trf-heads"] = TransformerHeadsBenchmark.Run,
    ["trf_parser"] = TrfParserBenchmark.Run,
    ["trf_ner"] = TrfNerBenchmark.Run,
};

var selected = args.Length == 0 ? benchmarks.Keys.ToArray() : args;
foreach (var name in selected)
{
    if (!benchmarks.TryGetValue(name, out var run))
    {
        Console.Error.WriteLine($"Unknown benchmark '{name}'. Known: {string.Join(", ", benchmarks.Keys)}");
        return 2;
    }

    Console.WriteLine($"== {name}");
    run();
}

return 0;
