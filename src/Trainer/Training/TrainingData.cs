using Pipeline.Corpora;
using Pipeline.Trainer.Conllu;

namespace Pipeline.Trainer.Training;

/// <summary>
/// The corpora of a run, read and checked up front: the CoNLL-U training and dev sentences (none when the train or
/// dev corpus is IOB2, for a ner-only run) and, for <c>ner</c>, IOB2 training and dev sentences when given (else the
/// entities in the CoNLL-U MISC column).
/// </summary>
internal sealed class TrainingData
{
    private TrainingData(
        List<ConlluSentence> train, List<ConlluSentence>? dev, List<NerSentence>? nerTrain, List<NerSentence>? nerDev)
    {
        Train = train;
        Dev = dev;
        NerTrain = nerTrain;
        NerDev = nerDev;
    }

    public List<ConlluSentence> Train { get; }

    public List<ConlluSentence>? Dev { get; }

    public List<NerSentence>? NerTrain { get; }

    public List<NerSentence>? NerDev { get; }

    /// <summary>Whether the CoNLL-U training corpus carries entities (<c>NER=</c> in MISC).</summary>
    public bool TrainHasEntities => Train.Exists(s => ConlluNer.Tags(s) is not null);

    /// <summary>Whether the CoNLL-U dev corpus carries entities (<c>NER=</c> in MISC).</summary>
    public bool DevHasEntities => Dev?.Exists(s => ConlluNer.Tags(s) is not null) ?? false;

    /// <summary>
    /// Reads the corpora (E062 missing, E158 a DocBin or binary file, E157 not UTF-8, E060/E061 bad line, E100 empty, E101/E102 NER mismatches). The train and dev
    /// corpora may be IOB2 (told by <see cref="CorpusSniffer"/>) when only ner learns: they then stand for
    /// --ner-train/--ner-dev (E093 when those are given too, E094 when another component learns). Entity labels of
    /// the IOB2 training corpus that its IOB2 dev corpus never uses are read as O (they could only cost precision),
    /// with a count.
    /// </summary>
    public static TrainingData Load(TrainingOptions options, IReadOnlyList<string> learners, int? maxSentences, Action<string> info)
    {
        var hasNer = learners.Any(ScoreWeights.EntityRecognizers.Contains);
        foreach (var path in new[] { options.TrainPath, options.DevPath, options.NerTrainPath, options.NerDevPath })
        {
            if (path is not null)
            {
                TextInput.Require(path, "train", "CoNLL-U (.conllu, .conll) corpora, and IOB2 (.iob2) for ner, as UTF-8 text");
            }
        }

        var trainIob = CorpusSniffer.Detect(options.TrainPath) == CorpusFormat.Iob2;
        var devIob = CorpusSniffer.Detect(options.DevPath) == CorpusFormat.Iob2;
        var nerTrainPath = NerPath(trainIob, "train", options.TrainPath, "--ner-train", options.NerTrainPath, learners);
        var nerDevPath = NerPath(devIob, "dev", options.DevPath, "--ner-dev", options.NerDevPath, learners);
        if (!hasNer && nerTrainPath is not null)
        {
            throw TrainerErrors.NerOptionWithoutNer("--ner-train");
        }

        if (!hasNer && nerDevPath is not null)
        {
            throw TrainerErrors.NerOptionWithoutNer("--ner-dev");
        }

        var limit = maxSentences ?? int.MaxValue;
        var train = trainIob ? [] : NotEmpty(ConlluReader.Read(options.TrainPath).Take(limit).ToList(), options.TrainPath, maxSentences);
        var dev = devIob ? null : NotEmpty(ConlluReader.Read(options.DevPath).ToList(), options.DevPath, null);
        if (!trainIob)
        {
            info($"Read {train.Count} training sentences ({train.Sum(s => s.Words.Count)} words) from {options.TrainPath}.");
        }

        if (dev is not null)
        {
            info($"Read {dev.Count} dev sentences from {options.DevPath}.");
        }

        List<NerSentence>? nerTrain = null, nerDev = null;
        if (nerDevPath is not null)
        {
            var reader = new Iob2Reader();
            nerDev = NotEmpty(reader.Read(nerDevPath).ToList(), nerDevPath, null);
            info($"Read {nerDev.Count} NER dev sentences from {nerDevPath}" + Repaired(reader) + ".");
        }

        if (nerTrainPath is not null)
        {
            var reader = new Iob2Reader(nerDev is null ? null : LabelsOf(nerDev));
            nerTrain = NotEmpty(reader.Read(nerTrainPath).Take(limit).ToList(), nerTrainPath, maxSentences);
            info($"Read {nerTrain.Count} NER training sentences ({nerTrain.Sum(s => s.Words.Count)} words) from {nerTrainPath}" + Repaired(reader) + ".");
            var unscored = reader.MappedLabels.Where(m => m.Key != "O").Select(m => $"{m.Key} ({m.Value} tags)").ToList();
            if (unscored.Count > 0)
            {
                info($"Read as O because the NER dev corpus never uses them: {string.Join(", ", unscored)}.");
            }
        }

        var data = new TrainingData(train, dev, nerTrain, nerDev);
        if (hasNer && nerTrain is null && !data.TrainHasEntities)
        {
            throw TrainerErrors.NerCorpusRequired(options.TrainPath);
        }

        if (hasNer && nerDev is null && !data.DevHasEntities)
        {
            info("No entities to score ner on: pass --ner-dev to get NER scores per epoch.");
        }

        return data;
    }

    /// <summary>The IOB2 corpus ner uses in place of a CoNLL-U argument, checking the combination.</summary>
    private static string? NerPath(bool isIob, string argument, string path, string option, string? optionPath, IReadOnlyList<string> learners)
    {
        if (!isIob)
        {
            return optionPath;
        }

        if (optionPath is not null)
        {
            throw TrainerErrors.NerCorpusTwice(argument, option);
        }

        var others = learners.Where(l => !ScoreWeights.EntityRecognizers.Contains(l)).ToList();
        if (others.Count > 0 || learners.Count == 0)
        {
            throw TrainerErrors.ConlluCorpusRequired(argument, path, others);
        }

        return path;
    }

    private static HashSet<string> LabelsOf(List<NerSentence> sentences)
    {
        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            foreach (var tag in sentence.Tags)
            {
                if (tag.Length > 2)
                {
                    labels.Add(tag[2..]);
                }
            }
        }

        return labels;
    }

    private static List<T> NotEmpty<T>(List<T> sentences, string path, int? limit)
    {
        if (sentences.Count == 0)
        {
            throw TrainerErrors.EmptyCorpus(path, limit is null ? string.Empty : $" within the first {limit} (--n-sents); pass a larger --n-sents");
        }

        return sentences;
    }

    private static string Repaired(Iob2Reader reader) =>
        reader.RepairedTags == 0 ? string.Empty : $" ({reader.RepairedTags} I- tags without a B- read as B-)";
}
