using Pipeline.Trainer.Training;

namespace Pipeline.Trainer.Tests.Support;

/// <summary>
/// Finds the shared corpora: $PIPELINE_CORPORA if set, else ../shared/corpora (or shared/corpora) next to the
/// repository root (the directory holding Pipeline.sln above the test binaries).
/// </summary>
internal static class TestCorpora
{
    /// <summary>The full path of a file below the corpora folder, or null when it is absent.</summary>
    public static string? Find(string relative)
    {
        var roots = new List<string>();
        if (Environment.GetEnvironmentVariable("PIPELINE_CORPORA") is { Length: > 0 } env)
        {
            roots.Add(env);
        }

        if (RepoRoot() is { } root)
        {
            roots.Add(Path.Combine(root, "..", "shared", "corpora"));
            roots.Add(Path.Combine(root, "shared", "corpora"));
        }

        return roots.Select(r => Path.GetFullPath(Path.Combine(r, relative))).FirstOrDefault(File.Exists);
    }

    /// <summary>Writes the first <paramref name="sentences"/> sentences of a CoNLL-U file to <paramref name="target"/>.</summary>
    public static void Slice(string source, string target, int sentences)
    {
        using var reader = new StreamReader(source);
        using var writer = new StreamWriter(target);
        var count = 0;
        string? line;
        while (count < sentences && (line = reader.ReadLine()) is not null)
        {
            writer.WriteLine(line);
            if (line.Length == 0)
            {
                count++;
            }
        }
    }

    /// <summary>
    /// Trains <paramref name="pipeline"/> on the first <paramref name="trainSentences"/> sentences of en_ewt train,
    /// scored on the first 200 of dev, into <c>dir["out"]</c>.
    /// </summary>
    public static TrainingResult TrainEnglishSlice(TempDir dir, int trainSentences, string[] pipeline, int epochs)
    {
        Slice(Find("ud/en_ewt/train.conllu")!, dir["train.conllu"], trainSentences);
        Slice(Find("ud/en_ewt/dev.conllu")!, dir["dev.conllu"], 200);
        return new TrainingRunner(new TrainingOptions
        {
            Lang = "en",
            Output = dir["out"],
            TrainPath = dir["train.conllu"],
            DevPath = dir["dev.conllu"],
            Pipeline = pipeline,
            Epochs = epochs,
        }).Run();
    }

    private static string? RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
