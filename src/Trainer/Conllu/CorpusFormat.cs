namespace Pipeline.Trainer.Conllu;

/// <summary>The corpus formats the commands read.</summary>
public enum CorpusFormat
{
    /// <summary>Universal Dependencies CoNLL-U (<c>.conllu</c>).</summary>
    Conllu,

    /// <summary>Tab-separated IOB2 named entities (<c>.iob2</c>).</summary>
    Iob2,
}
