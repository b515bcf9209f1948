namespace Pipeline.Benchmarks;

/// <summary>Finds the shared corpora: PIPELINE_CORPORA, else shared/corpora beside the repository or an ancestor.</summary>
public static class CorpusLocator
{
    /// <summary>The corpora folder, or null when it cannot be found.</summary>
    public static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("PIPELINE_CORPORA");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return env;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "corpora");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>The corpora folder, or null after telling that <paramref name="benchmark"/> cannot run without it.</summary>
    public static string? FindFor(string benchmark)
    {
        var corpora = Find();
        if (corpora is null)
        {
            Console.WriteLine($"{benchmark}: shared/corpora not found; set PIPELINE_CORPORA");
        }

        return corpora;
    }

    /// <summary>The sentences of a UD treebank's split (e.g. en_ewt, dev) as documents of <paramref name="vocab"/>.</summary>
    public static List<Doc> TreebankDocs(string corpora, string treebank, string split, Vocab vocab) =>
        ConlluReader.Read(Path.Combine(corpora, "ud", treebank, split + ".conllu")).Select(s => s.ToDoc(vocab)).ToList();
}
