using System.Globalization;
using System.Text;

namespace Pipeline.Transformers;

/// <summary>
/// BERT's WordPiece over words that are already tokenized (a doc's tokens): each word is cleaned, optionally
/// lowercased and stripped of accents, split at punctuation and CJK characters, and each part is matched
/// greedily against the vocabulary, longest piece first ("##" marks a piece that continues a word). A part with
/// no match, or longer than 100 characters, becomes [UNK].
/// </summary>
public sealed class WordPieceTokenizer
{
    private const int MaxCharsPerWord = 100;
    private const string ContinuationPrefix = "##";
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _starts;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _continuations;
    private readonly string[] _pieces;

    /// <summary>Creates a tokenizer over <paramref name="vocab"/> (piece i has id i), which must hold [CLS], [SEP], [PAD] and [UNK].</summary>
    public WordPieceTokenizer(IReadOnlyList<string> vocab, bool lowercase = true, bool stripAccents = true, string source = "vocabulary")
    {
        ArgumentNullException.ThrowIfNull(vocab);
        _pieces = [.. vocab];
        var starts = new Dictionary<string, int>(StringComparer.Ordinal);
        var continuations = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _pieces.Length; i++)
        {
            var piece = _pieces[i];
            if (piece.Length > ContinuationPrefix.Length && piece.StartsWith(ContinuationPrefix, StringComparison.Ordinal))
            {
                continuations.TryAdd(piece[ContinuationPrefix.Length..], i);
            }
            else if (piece.Length > 0)
            {
                starts.TryAdd(piece, i);
            }
        }

        _starts = starts.GetAlternateLookup<ReadOnlySpan<char>>();
        _continuations = continuations.GetAlternateLookup<ReadOnlySpan<char>>();
        ClsId = Special(starts, "[CLS]", source);
        SepId = Special(starts, "[SEP]", source);
        PadId = Special(starts, "[PAD]", source);
        UnkId = Special(starts, "[UNK]", source);
        Lowercase = lowercase;
        StripAccents = stripAccents;
    }

    /// <summary>The id of [CLS], which opens every window.</summary>
    public int ClsId { get; }

    /// <summary>The id of [SEP], which closes every window.</summary>
    public int SepId { get; }

    /// <summary>The id of [PAD], which fills short windows of a batch.</summary>
    public int PadId { get; }

    /// <summary>The id of [UNK], given to a word part the vocabulary cannot spell.</summary>
    public int UnkId { get; }

    /// <summary>Whether words are lowercased first (uncased models).</summary>
    public bool Lowercase { get; }

    /// <summary>Whether accents are removed first (NFD, then combining marks dropped).</summary>
    public bool StripAccents { get; }

    /// <summary>The number of pieces in the vocabulary.</summary>
    public int VocabSize => _pieces.Length;

    /// <summary>Reads a vocab.txt (one piece per line, UTF-8) from <paramref name="stream"/>.</summary>
    public static WordPieceTokenizer FromStream(Stream stream, string source, bool lowercase = true, bool stripAccents = true)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var lines = new List<string>();
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true));
        try
        {
            while (reader.ReadLine() is { } line)
            {
                lines.Add(line.TrimEnd('\r'));
            }
        }
        catch (DecoderFallbackException e)
        {
            throw TransformerErrors.BadVocab(source, $"it is not UTF-8 text ({e.Message})");
        }

        return new WordPieceTokenizer(lines, lowercase, stripAccents, source);
    }

    /// <summary>The piece with id <paramref name="id"/>.</summary>
    public string Piece(int id) => _pieces[id];

    /// <summary>The pieces of one word, as strings (continuations keep their "##").</summary>
    public IReadOnlyList<string> Split(string word)
    {
        var ids = new List<int>();
        Tokenize(word, ids);
        return ids.ConvertAll(Piece);
    }

    /// <summary>Appends the piece ids of one word to <paramref name="ids"/> and returns how many it added (at least 1).</summary>
    public int Tokenize(string word, List<int> ids)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(ids);
        var before = ids.Count;
        var text = Normalize(word);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var breaks = char.IsWhiteSpace(c) || IsPunctuation(c) || IsCjk(c);
            if (!breaks)
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start >= 0)
            {
                AddPieces(text.AsSpan(start, i - start), ids);
                start = -1;
            }

            if (i < text.Length && !char.IsWhiteSpace(c))
            {
                AddPieces(text.AsSpan(i, 1), ids);
            }
        }

        if (ids.Count == before)
        {
            ids.Add(UnkId); // Nothing left after cleaning (control characters only): the token still needs a piece.
        }

        return ids.Count - before;
    }

    private void AddPieces(ReadOnlySpan<char> part, List<int> ids)
    {
        if (part.Length > MaxCharsPerWord)
        {
            ids.Add(UnkId);
            return;
        }

        var mark = ids.Count;
        var start = 0;
        while (start < part.Length)
        {
            var found = -1;
            var end = part.Length;
            for (; end > start; end--)
            {
                var lookup = start == 0 ? _starts : _continuations;
                if (lookup.TryGetValue(part[start..end], out found))
                {
                    break;
                }
            }

            if (end == start)
            {
                ids.RemoveRange(mark, ids.Count - mark);
                ids.Add(UnkId);
                return;
            }

            ids.Add(found);
            start = end;
        }
    }

    private string Normalize(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (c == 0 || c == '\uFFFD' || (char.IsControl(c) && !char.IsWhiteSpace(c)))
            {
                continue;
            }

            builder.Append(char.IsWhiteSpace(c) ? ' ' : c);
        }

        var text = builder.ToString();
        if (Lowercase)
        {
            text = text.ToLowerInvariant();
        }

        if (StripAccents)
        {
            var decomposed = text.Normalize(NormalizationForm.FormD);
            builder.Clear();
            foreach (var c in decomposed)
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                {
                    builder.Append(c);
                }
            }

            text = builder.ToString();
        }

        return text;
    }

    private static bool IsPunctuation(char c) =>
        c is (>= '!' and <= '/') or (>= ':' and <= '@') or (>= '[' and <= '`') or (>= '{' and <= '~')
        || char.IsPunctuation(c);

    private static bool IsCjk(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');

    private static int Special(Dictionary<string, int> starts, string piece, string source) =>
        starts.TryGetValue(piece, out var id) ? id : throw TransformerErrors.BadVocab(source, $"it has no {piece} line");
}
