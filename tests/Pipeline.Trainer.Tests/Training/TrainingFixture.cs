namespace Pipeline.Trainer.Tests.Training;

/// <summary>Helpers for training tests: a toy treebank in a temp folder and options pointing at it.</summary>
public sealed class TrainingFixture : IDisposable
{
    private readonly TempDir _dir = new();

    public TrainingFixture()
    {
        TestFactories.EnsureRegistered();
        ToyTreebankFiles.Write(Corpus);
    }

    public string Corpus => _dir["corpus"];

    public string Train => Path.Combine(Corpus, "train.conllu");

    public string Dev => Path.Combine(Corpus, "dev.conllu");

    public string NerTrain => Path.Combine(Corpus, "train.iob2");

    public string NerDev => Path.Combine(Corpus, "dev.iob2");

    public string Out(string name) => _dir[name];

    public string File(string name, string text)
    {
        var path = _dir[name];
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public TrainingOptions Options(string output, params string[] pipeline) => new()
    {
        Lang = "en",
        Output = Out(output),
        TrainPath = Train,
        DevPath = Dev,
        Pipeline = pipeline.Length == 0 ? ["tagger"] : pipeline,
        Epochs = 3,
    };

    public void Dispose() => _dir.Dispose();
}

/// <summary>Records progress events; can throw after an epoch to simulate a killed process.</summary>
public sealed class RecordingProgress(int? killAfterEpoch = null) : ITrainingProgress
{
    public List<string> Messages { get; } = [];

    public List<EpochResult> Completed { get; } = [];

    public void Info(string message) => Messages.Add(message);

    public void EpochCompleted(EpochResult result)
    {
        Completed.Add(result);
        if (result.Epoch == killAfterEpoch)
        {
            throw new SimulatedKillException();
        }
    }
}

/// <summary>Stands for the process dying between two epochs.</summary>
public sealed class SimulatedKillException : Exception;
