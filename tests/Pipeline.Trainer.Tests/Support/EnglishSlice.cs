namespace Pipeline.Trainer.Tests.Support;

/// <summary>Trains on a slice of the English UD treebank (the shared corpora must be present).</summary>
internal static class EnglishSlice
{
    /// <summary>Trains <paramref name="pipeline"/> on the first <paramref name="trainSentences"/> training sentences, with 200 dev sentences.</summary>
    public static TrainingResult Train(TempDir dir, int trainSentences, string[] pipeline, int epochs)
    {
        TestCorpora.Slice(TestCorpora.Find("ud/en_ewt/train.conllu")!, dir["train.conllu"], trainSentences);
        TestCorpora.Slice(TestCorpora.Find("ud/en_ewt/dev.conllu")!, dir["dev.conllu"], 200);
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
}
