using Pipeline.Corpora;
using Pipeline.IO;

namespace Pipeline.Trainer.Conllu;

/// <summary>
/// Tells whether a training or dev corpus is CoNLL-U or IOB2: from its extension when that names a format, else from
/// its first token line (ten tab-separated columns is CoNLL-U; a third column that is <c>O</c> or starts with
/// <c>B-</c>/<c>I-</c> is IOB2). So <c>pipeline train</c> takes either without a format option.
/// </summary>
public static class CorpusSniffer
{
    private const int CoNllUColumns = 10;
    private const int MaxLines = 1000;

    /// <summary>
    /// The format of the corpus at <paramref name="path"/> (E062 when missing, E092 when neither the extension nor
    /// the first token lines tell).
    /// </summary>
    public static CorpusFormat Detect(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
        if (extension is "conllu" or "conll")
        {
            return CorpusFormat.Conllu;
        }

        if (extension is "iob2" or "iob" or "bio")
        {
            return CorpusFormat.Iob2;
        }

        CorpusFile.RequireExists(path);
        return Sniff(path) ?? throw TrainerErrors.CorpusFormatUnknown(path);
    }

    /// <summary>
    /// The format the first token line of the existing file at <paramref name="path"/> shows (lines starting with
    /// <c>#</c> are skipped), or null when it shows neither; E157 when the lines read are not valid UTF-8.
    /// </summary>
    public static CorpusFormat? Sniff(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = TextFiles.Open(path);
        for (var n = 0; n < MaxLines && TextFiles.ReadLine(reader, path, isFile: true, n + 1) is { } line; n++)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length == CoNllUColumns)
            {
                return CorpusFormat.Conllu;
            }

            if (columns.Length >= 3 && (columns[2] == "O" || columns[2].StartsWith("B-", StringComparison.Ordinal) || columns[2].StartsWith("I-", StringComparison.Ordinal)))
            {
                return CorpusFormat.Iob2;
            }

            break;
        }

        return null;
    }
}
