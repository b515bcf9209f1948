using Pipeline.Tokens;
using Pipeline.Training;

namespace Pipeline.Docs.Examples;

/// <summary>Training a pipeline from C#, as shown in docs/training.md.</summary>
public static class TrainingExamples
{
    public static (List<string> Tags, Language Nlp) TrainPipeline()
    {
        #region TrainPipeline
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(nlp.CreatePipe("tagger"));

        // Gold docs: the words and their tags (a real corpus comes from a CoNLL-U file).
        (string Text, string[] Pos)[] corpus =
        [
            ("I like green eggs", ["PRON", "VERB", "ADJ", "NOUN"]),
            ("We eat red apples", ["PRON", "VERB", "ADJ", "NOUN"]),
            ("They like apples", ["PRON", "VERB", "NOUN"]),
            ("You eat green apples", ["PRON", "VERB", "ADJ", "NOUN"]),
        ];
        var golds = new List<Doc>();
        foreach (var (text, pos) in corpus)
        {
            var gold = nlp.MakeDoc(text);
            for (var i = 0; i < pos.Length; i++)
            {
                gold[i].Pos = pos[i];
            }

            golds.Add(gold);
        }

        PipelineTrainer trainer = nlp.BeginTraining(golds, seed: 0);
        trainer.Train(epochs: 10, (epoch, losses) => Console.WriteLine($"epoch {epoch}: {losses["tagger"]}"));

        var doc = nlp.Process("We like red eggs");
        List<string> tags = [.. doc.Tokens.Select(t => t.Pos)];   // ["PRON", "VERB", "ADJ", "NOUN"]
        #endregion
        return (tags, nlp);
    }

    public static TrainingLoss OwnLoop(Language nlp, IReadOnlyList<Doc> golds, CancellationToken cancellation)
    {
        #region OwnTrainingLoop
        var trainer = nlp.BeginTraining(golds, seed: 0);
        var losses = new Dictionary<string, TrainingLoss>();
        for (var epoch = 0; epoch < 5; epoch++)
        {
            foreach (var batch in golds.Chunk(2))
            {
                trainer.Update(batch, losses, cancellation);
            }
        }

        trainer.Finish();   // averages the weights: the model to save
        #endregion
        return losses["tagger"];
    }
}
