using System.Collections.Frozen;
using System.Globalization;
using MessagePack;
using Pipeline.Serialization;

namespace Pipeline.Tokenization;

/// <summary>
/// The binary form of <see cref="TokenizerRules"/>: a MessagePack map with a format version, the affix lists and
/// patterns, the match patterns and the special cases with their piece attributes. Readers skip unknown keys, so
/// later versions can add fields; reading validates everything and fails only with PipelineFormatException.
/// </summary>
internal static class TokenizerRulesFormat
{
    /// <summary>The source named in errors about tokenizer bytes.</summary>
    public const string Source = "tokenizer";

    private const int FormatVersion = 1;

    private static readonly FrozenDictionary<string, UnicodeCategory> CategoryNames =
        Enum.GetValues<UnicodeCategory>().ToFrozenDictionary(c => c.ToString(), StringComparer.Ordinal);

    public static byte[] Write(TokenizerRules rules) => MsgPack.Write((ref MessagePackWriter w) =>
    {
        w.WriteMapHeader(11);
        w.Write("format");
        w.Write(FormatVersion);
        WriteList(ref w, "prefixes", rules.Prefixes);
        WriteList(ref w, "prefix_patterns", rules.PrefixPatterns);
        WriteList(ref w, "prefix_categories", rules.PrefixCategories.Select(c => c.ToString()).ToList());
        WriteList(ref w, "suffixes", rules.Suffixes);
        WriteList(ref w, "suffix_patterns", rules.SuffixPatterns);
        WriteList(ref w, "suffix_categories", rules.SuffixCategories.Select(c => c.ToString()).ToList());
        WriteList(ref w, "infix_patterns", rules.InfixPatterns);
        w.Write("token_match");
        w.Write(rules.TokenMatch);
        w.Write("url_match");
        w.Write(rules.UrlMatch);
        w.Write("special_cases");
        w.WriteMapHeader(rules.SpecialCases.Count);
        foreach (var (text, pieces) in rules.SpecialCases.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            w.Write(text);
            w.WriteArrayHeader(pieces.Count);
            foreach (var piece in pieces)
            {
                w.WriteMapHeader(piece.Norm is null ? 1 : 2);
                w.Write("text");
                w.Write(piece.Text);
                if (piece.Norm is not null)
                {
                    w.Write("norm");
                    w.Write(piece.Norm);
                }
            }
        }
    });

    /// <summary>Reads and compiles rules; every problem surfaces as PipelineFormatException naming <paramref name="source"/>.</summary>
    public static TokenizerState Read(byte[] data, string source)
    {
        var rules = MsgPack.Read(data, source, (ref MessagePackReader r) => ReadRules(ref r, source));
        try
        {
            return new TokenizerState(rules);
        }
        catch (PipelineException e) when (e is not PipelineFormatException)
        {
            throw Errors.Corrupt(source, e.Message, e);
        }
    }

    private static TokenizerRules ReadRules(ref MessagePackReader r, string source)
    {
        var rules = new TokenizerRules();
        var sawFormat = false;
        var required = 0;
        var fields = r.ReadMapHeader();
        for (var i = 0; i < fields; i++)
        {
            var key = MsgPack.ReadString(ref r);
            switch (key)
            {
                case "format":
                    var version = MsgPack.ReadFormatVersion(ref r, source, FormatVersion);

                    if (version < 1)
                    {
                        throw new InvalidDataException($"format version {version} is not valid");
                    }

                    sawFormat = true;
                    break;
                case "prefixes":
                    required++;
                    rules = rules with { Prefixes = MsgPack.ReadStringArray(ref r) };
                    break;
                case "prefix_patterns":
                    rules = rules with { PrefixPatterns = MsgPack.ReadStringArray(ref r) };
                    break;
                case "prefix_categories":
                    rules = rules with { PrefixCategories = ReadCategories(ref r) };
                    break;
                case "suffixes":
                    required++;
                    rules = rules with { Suffixes = MsgPack.ReadStringArray(ref r) };
                    break;
                case "suffix_patterns":
                    rules = rules with { SuffixPatterns = MsgPack.ReadStringArray(ref r) };
                    break;
                case "suffix_categories":
                    rules = rules with { SuffixCategories = ReadCategories(ref r) };
                    break;
                case "infix_patterns":
                    required++;
                    rules = rules with { InfixPatterns = MsgPack.ReadStringArray(ref r) };
                    break;
                case "token_match":
                    rules = rules with { TokenMatch = r.TryReadNil() ? null : MsgPack.ReadString(ref r) };
                    break;
                case "url_match":
                    rules = rules with { UrlMatch = r.TryReadNil() ? null : MsgPack.ReadString(ref r) };
                    break;
                case "special_cases":
                    required++;
                    rules = rules with { SpecialCases = ReadSpecialCases(ref r) };
                    break;
                default:
                    r.Skip();
                    break;
            }
        }

        return !sawFormat ? throw new InvalidDataException("the 'format' field is missing")
            : required < 4 ? throw new InvalidDataException("not tokenizer rules: 'prefixes', 'suffixes', 'infix_patterns' or 'special_cases' is missing")
            : rules;
    }

    private static UnicodeCategory[] ReadCategories(ref MessagePackReader r)
    {
        var names = MsgPack.ReadStringArray(ref r);
        return Array.ConvertAll(names, n => CategoryNames.TryGetValue(n, out var c)
            ? c
            : throw new InvalidDataException($"'{n}' is not a Unicode category"));
    }

    private static Dictionary<string, IReadOnlyList<SpecialCasePiece>> ReadSpecialCases(ref MessagePackReader r)
    {
        var count = r.ReadMapHeader();
        var cases = new Dictionary<string, IReadOnlyList<SpecialCasePiece>>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var text = MsgPack.ReadString(ref r);
            var pieces = new SpecialCasePiece[r.ReadArrayHeader()];
            for (var p = 0; p < pieces.Length; p++)
            {
                pieces[p] = ReadPiece(ref r);
            }

            if (!cases.TryAdd(text, pieces))
            {
                throw new InvalidDataException($"special case '{text}' appears twice");
            }
        }

        return cases;
    }

    private static SpecialCasePiece ReadPiece(ref MessagePackReader r)
    {
        string? text = null;
        string? norm = null;
        var fields = r.ReadMapHeader();
        for (var f = 0; f < fields; f++)
        {
            switch (MsgPack.ReadString(ref r))
            {
                case "text":
                    text = MsgPack.ReadString(ref r);
                    break;
                case "norm":
                    norm = r.TryReadNil() ? null : MsgPack.ReadString(ref r);
                    break;
                default:
                    r.Skip();
                    break;
            }
        }

        return new SpecialCasePiece(text ?? throw new InvalidDataException("a special-case piece has no 'text'"), norm);
    }

    private static void WriteList(ref MessagePackWriter w, string key, IReadOnlyList<string> values)
    {
        w.Write(key);
        MsgPack.WriteStringArray(ref w, values.ToList());
    }
}
