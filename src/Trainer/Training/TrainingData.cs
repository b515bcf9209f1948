using Pipeline.Training;

namespace Pipeline.Trainer.Training;

/// <summary>
/// The corpora of a run, read and checked up front: the CoNLL-U training and dev sentences and, for
/// <c>ner</c>, IOB2 training and dev sentences when given (else the entities in the CoNLL-U MISC column).
/// </summary>
internal sealed class TrainingData
{
    private TrainingData(
        List<ConlluSentence> train, List<ConlluSentence> dev, List<NerSentence>? nerTrain, List<NerSentence>? nerDev)
    {
        Train = train;
        Dev = dev;
        NerTrain = nerTrain;
        NerDev = nerDev;
    }

    public List<ConlluSentence> Train { get; }

    public List<ConlluSentence> Dev { get; }

    public List<NerSentence>? NerTrain { get; }

    public List<NerSentence>? NerDev { get; }

    /// <summary>Whether the CoNLL-U training corpus carries entities (<c>NER=</c> in MISC).</summary>
    public bool TrainHasEntities => Train.Exists(s => ConlluNer.Tags(s) is not null);

    /// <summary>Reads the corpora (E062 missing, E060/E061 bad line, E100 empty, E101/E102 NER mismatches).</summary>
    public static TrainingData Load(TrainingOptions options, bool hasNer, int? maxSentences, Action<string> info)
    {
        if (!hasNer && options.NerTrainPath is not null)
        {
            throw Errors.NerOptionWithoutNer("--ner-train");
        }

        if (!hasNer && options.NerDevPath is not null)
        {
            throw Errors.NerOptionWithoutNer("--ner-dev");
        }

        var limit = maxSentences ?? int.MaxValue;
        var train = NotEmpty(ConlluReader.Read(options.TrainPath).Take(limit).ToList(), options.TrainPath, maxSentences);
        var dev = NotEmpty(ConlluReader.Read(options.DevPath).ToList(), options.DevPath, null);
        info($"Read {train.Count} training sentences ({train.Sum(s => s.Words.Count)} words) from {options.TrainPath} " +
            $"and {dev.Count} dev sentences from {options.DevPath}.");

        List<NerSentence>? nerTrain = null, nerDev = null;
        if (options.NerTrainPath is not null)
        {
            var reader = new Iob2Reader();
            nerTrain = NotEmpty(reader.Read(options.NerTrainPath).Take(limit).ToList(), options.NerTrainPath, maxSentences);
            info($"Read {nerTrain.Count} NER training sentences from {options.NerTrainPath}" + Repaired(reader) + ".");
        }

        if (options.NerDevPath is not null)
        {
            var reader = new Iob2Reader();
            nerDev = NotEmpty(reader.Read(options.NerDevPath).ToList(), options.NerDevPath, null);
            info($"Read {nerDev.Count} NER dev sentences from {options.NerDevPath}" + Repaired(reader) + ".");
        }

        var data = new TrainingData(train, dev, nerTrain, nerDev);
        if (hasNer && nerTrain is null && !data.TrainHasEntities)
        {
            throw Errors.NerCorpusRequired(options.TrainPath);
        }

        if (hasNer && nerDev is null && !dev.Exists(s => ConlluNer.Tags(s) is not null))
        {
            info("No entities to score ner on: pass --ner-dev to get NER scores per epoch.");
        }

        return data;
    }

    private static List<T> NotEmpty<T>(List<T> sentences, string path, int? limit)
    {
        if (sentences.Count == 0)
        {
            throw Errors.EmptyCorpus(path, limit is null ? string.Empty : $" within the first {limit} (--n-sents)");
        }

        return sentences;
    }

    private static string Repaired(Iob2Reader reader) =>
        reader.RepairedTags == 0 ? string.Empty : $" ({reader.RepairedTags} I- tags without a B- read as B-)";
}
