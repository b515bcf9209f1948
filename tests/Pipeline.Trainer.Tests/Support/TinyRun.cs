using Pipeline.Trainer.Training;

namespace Pipeline.Trainer.Tests.Support;

/// <summary>Options of an English training run into dir/out that trains and scores on one small corpus.</summary>
internal static class TinyRun
{
    public static TrainingOptions Options(TempDir dir, string corpus, string[] pipeline) => new()
    {
        Lang = "en",
        Output = dir["out"],
        TrainPath = corpus,
        DevPath = corpus,
        Pipeline = pipeline,
    };
}
