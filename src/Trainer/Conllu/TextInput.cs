using Pipeline.Corpora;
using Pipeline.IO;
using Pipeline.Tokens;

namespace Pipeline.Trainer.Conllu;

/// <summary>
/// Refuses, before reading, an input file that a command reading text cannot use: a DocBin (told by its
/// <c>.spacy</c>/<c>.docbin</c> extension or its first bytes) or other binary data (NUL bytes in its first 8 KiB, with
/// no UTF-16 or UTF-32 byte-order mark). Reading either as text would end in a confusing line error, or in garbage.
/// </summary>
public static class TextInput
{
    /// <summary>What <c>train</c>, <c>evaluate</c> and <c>convert</c> read.</summary>
    public const string Corpora = "CoNLL-U (.conllu, .conll) or IOB2 (.iob2) corpora, as UTF-8 text";

    private const int ProbeBytes = 8192;

    /// <summary>
    /// E062 when the corpus at <paramref name="path"/> is missing (or a folder), else as <see cref="Require"/>.
    /// </summary>
    public static void RequireCorpus(string path, string command, bool byExtension = true)
    {
        CorpusFile.RequireExists(path);
        Require(path, command, Corpora, byExtension);
    }

    /// <summary>
    /// E158 naming what the file looks like, <paramref name="command"/> and what it reads (<paramref name="accepts"/>)
    /// when the file at <paramref name="path"/> is a DocBin or binary; a missing file passes (its reader reports it).
    /// With <paramref name="byExtension"/> false, only the contents count (a format was named explicitly).
    /// </summary>
    public static void Require(string path, string command, string accepts, bool byExtension = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (NonText(path, byExtension) is { } looksLike)
        {
            throw TrainerErrors.InputKind(path, looksLike, command, accepts);
        }
    }

    /// <summary>What the file looks like when it is not text (a DocBin, binary data); null for text or a missing file.</summary>
    public static string? NonText(string path, bool byExtension = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (byExtension && extension is ".spacy" or ".docbin")
        {
            return $"a DocBin by its extension {extension} (binary docs, as pipeline convert and DocBin.ToDisk write them)";
        }

        if (!File.Exists(path))
        {
            return null;
        }

        InputFiles.RequireRegular(path);
        var start = new byte[ProbeBytes];
        int length;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1))
        {
            length = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        }

        var bytes = start.AsSpan(0, length);
        if (DocBin.HasSignature(bytes))
        {
            return "a DocBin (binary docs, as pipeline convert and DocBin.ToDisk write them)";
        }

        var wide = bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ||
            bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]);
        return !wide && bytes.Contains((byte)0) ? $"binary data (a NUL byte at byte offset {bytes.IndexOf((byte)0)})" : null;
    }
}
