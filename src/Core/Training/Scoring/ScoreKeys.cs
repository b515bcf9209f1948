namespace Pipeline.Training.Scoring;

/// <summary>The keys of scores in <c>meta.json</c>'s <c>accuracy</c>, <c>accuracy.json</c> and score weights.</summary>
public static class ScoreKeys
{
    /// <summary>Word segmentation F1 of raw-text processing.</summary>
    public const string TokenF1 = "token_f1";

    /// <summary>Sentence segmentation F1 of raw-text processing.</summary>
    public const string SentenceF1 = "sentence_f1";

    /// <summary>Universal part-of-speech tags.</summary>
    public const string Upos = "upos";

    /// <summary>Language-specific part-of-speech tags.</summary>
    public const string Xpos = "xpos";

    /// <summary>Universal morphological features, compared as a set.</summary>
    public const string UFeats = "ufeats";

    /// <summary>Lemmas.</summary>
    public const string Lemma = "lemma";

    /// <summary>Unlabelled attachment score.</summary>
    public const string Uas = "uas";

    /// <summary>Labelled attachment score (universal part of the relation).</summary>
    public const string Las = "las";

    /// <summary>Entity precision.</summary>
    public const string EntsP = "ents_p";

    /// <summary>Entity recall.</summary>
    public const string EntsR = "ents_r";

    /// <summary>Entity F1.</summary>
    public const string EntsF = "ents_f";

    /// <summary>Words processed per second.</summary>
    public const string WordsPerSecond = "words_per_second";

    /// <summary>
    /// Every key <see cref="Scores.ToAccuracy"/> can fill, in its order: the scores a checkpoint is ranked by, so
    /// the only names score weights may use.
    /// </summary>
    public static readonly IReadOnlyList<string> Accuracy =
        [TokenF1, SentenceF1, Upos, Xpos, UFeats, Lemma, Uas, Las, EntsP, EntsR, EntsF];
}
