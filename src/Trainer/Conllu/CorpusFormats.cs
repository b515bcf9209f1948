namespace Pipeline.Trainer.Conllu;

/// <summary>Tells a corpus file's format from an explicit name or its extension.</summary>
public static class CorpusFormats
{
    /// <summary>
    /// The format named by <paramref name="format"/> ("conllu" or "iob2"), else the one of the file's extension
    /// (<c>.conllu</c>/<c>.conll</c>, <c>.iob2</c>/<c>.iob</c>/<c>.bio</c>); E109 when neither tells.
    /// </summary>
    public static CorpusFormat Detect(string path, string? format = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = format?.Trim().ToLowerInvariant() ?? Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
        return name switch
        {
            "conllu" or "conll" => CorpusFormat.Conllu,
            "iob2" or "iob" or "bio" => CorpusFormat.Iob2,
            _ => throw TrainerErrors.UnknownCorpusFormat(path),
        };
    }
}
