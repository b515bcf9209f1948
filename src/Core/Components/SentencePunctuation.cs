using System.Globalization;
using System.Text;

namespace Pipeline.Components;

/// <summary>
/// An immutable set of sentence-final punctuation, with the lookups the <see cref="Sentencizer"/> needs per token:
/// whole-token matches by string hash (no string work for most tokens), and per-character membership for tokens
/// such as "?!" or "。」" that glue several marks together.
/// </summary>
internal sealed class SentencePunctuation
{
    /// <summary>The built-in set: Latin, fullwidth/CJK, Devanagari, Arabic/Urdu, Armenian, Ethiopic, Myanmar,
    /// Khmer, Mongolian, Syriac and Greek sentence terminators, plus ellipsis and interrobang forms.</summary>
    public static readonly string[] Defaults =
    [
        ".", "!", "?", "…", "‼", "‽", "⁇", "⁈", "⁉",
        "。", "｡", "．", "！", "？", "︒", "﹒", "﹖", "﹗",
        "।", "॥",
        "؟", "۔", "؞",
        "։", "՜", "՞",
        "\u037E",
        "።", "፧", "፨",
        "။", "។", "៕",
        "᠃", "᠉",
        "܁", "܂",
    ];

    private readonly HashSet<ulong> _hashes = [];
    private readonly HashSet<int> _runes = [];

    public SentencePunctuation(IEnumerable<string> strings)
    {
        var list = new List<string>();
        foreach (var s in strings)
        {
            if (_hashes.Add(StringStore.Hash(s)))
            {
                list.Add(s);
            }

            if (Rune.DecodeFromUtf16(s, out var rune, out var used) == System.Buffers.OperationStatus.Done && used == s.Length)
            {
                _runes.Add(rune.Value);
            }
        }

        Strings = list;
    }

    /// <summary>The punctuation strings, without duplicates, in the order given.</summary>
    public IReadOnlyList<string> Strings { get; }

    /// <summary>What a token is to sentence splitting.</summary>
    public enum Kind
    {
        /// <summary>An ordinary token: after a terminator it starts the next sentence.</summary>
        Other,

        /// <summary>Ends a sentence: a member of the set, or made only of members and closing marks.</summary>
        Terminal,

        /// <summary>A closing quote or bracket, or whitespace: stays with the sentence before it.</summary>
        Closing,
    }

    /// <summary>Classifies a token by its text and that text's hash.</summary>
    public Kind Classify(ulong orth, string text)
    {
        if (_hashes.Contains(orth))
        {
            return Kind.Terminal;
        }

        var terminal = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (_runes.Contains(rune.Value))
            {
                terminal = true;
            }
            else if (!IsClosing(rune))
            {
                return Kind.Other;
            }
        }

        return terminal ? Kind.Terminal : text.Length > 0 ? Kind.Closing : Kind.Other;
    }

    /// <summary>Closing brackets and quotes (Unicode Pe and Pf), straight quotes, and whitespace.</summary>
    private static bool IsClosing(Rune rune)
    {
        if (Rune.IsWhiteSpace(rune))
        {
            return true;
        }

        var category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.ClosePunctuation or UnicodeCategory.FinalQuotePunctuation
            || rune.Value is '"' or '\'' or '＂' or '＇';
    }
}
