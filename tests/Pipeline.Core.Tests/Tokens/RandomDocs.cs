using System.Text;

namespace Pipeline.Tests.Tokens;

/// <summary>Seeded random docs with every kind of annotation, cats and user data, for round-trip and fuzz tests.</summary>
internal static class RandomDocs
{
    public const string DocExt = "rnd_doc_ext";
    public const string SpanExt = "rnd_span_ext";
    public const string TokenExt = "rnd_token_ext";

    private static readonly string[] Words =
    [
        "the", "The", "cat", "sat", "on", "mat", ".", ",", "!", "Ada", "Lovelace", "naïve", "café", "Zürich",
        "東京", "中文", "😀", "👩‍💻", "ﬁ", "e\u0301", "Привет", "مرحبا", "x", "I", "don't", "n't", "'s", "New",
        "York", "$", "3.14", "-", " ", "\n", "\t", "a b", "🇫🇷", "ǅ", "İstanbul",
    ];

    private static readonly string[] Tags = ["NN", "NNS", "VB", "VBD", "DT", "IN", "JJ", ".", "NNP", "XX"];
    private static readonly string[] Pos = ["NOUN", "VERB", "DET", "ADP", "ADJ", "PUNCT", "PROPN", "X"];
    private static readonly string[] Deps = ["nsubj", "obj", "det", "root", "punct", "case", "nmod", "amod"];
    private static readonly string[] Morphs = ["Number=Sing", "Number=Plur", "Tense=Past|VerbForm=Fin", "Definite=Def|PronType=Art"];
    private static readonly string[] Labels = ["PERSON", "ORG", "GPE", "LOC", "DATE", "MISC"];

    static RandomDocs()
    {
        Doc.SetExtension(DocExt);
        Span.SetExtension(SpanExt);
        Token.SetExtension(TokenExt);
    }

    /// <summary>All attributes a doc can carry, in the encoding of <see cref="Doc.ToArray"/>.</summary>
    public static readonly Attr[] SettableAttrs =
    [
        Attr.Orth, Attr.Lemma, Attr.Pos, Attr.Tag, Attr.Morph, Attr.Dep, Attr.Head, Attr.EntIob, Attr.EntType,
        Attr.EntId, Attr.SentStart, Attr.Spacy,
    ];

    public static Doc Make(Random rng, Vocab vocab, int maxTokens = 30, bool userData = true)
    {
        var n = rng.Next(10) == 0 ? 0 : rng.Next(1, maxTokens + 1);
        var words = new string[n];
        var spaces = new bool[n];
        for (var i = 0; i < n; i++)
        {
            words[i] = rng.Next(4) == 0 ? RandomText(rng) : Words[rng.Next(Words.Length)];
            spaces[i] = rng.Next(3) > 0;
        }

        var doc = new Doc(vocab, words, spaces);
        var hasLemma = rng.Next(4) > 0;
        var hasTag = rng.Next(4) > 0;
        var hasPos = rng.Next(4) > 0;
        var hasMorph = rng.Next(3) > 0;
        var hasDep = rng.Next(4) > 0;
        var hasHead = rng.Next(4) > 0;
        var hasEntId = rng.Next(3) == 0;
        var hasSent = rng.Next(3) > 0;
        for (var i = 0; i < n; i++)
        {
            var token = doc[i];
            if (hasLemma)
            {
                token.Lemma = rng.Next(5) switch { 0 => string.Empty, 1 => RandomText(rng), 2 => words[i].ToLowerInvariant(), _ => words[i] };
            }

            if (hasTag)
            {
                token.Tag = Pick(rng, Tags);
            }

            if (hasPos)
            {
                token.Pos = Pick(rng, Pos);
            }

            if (hasMorph)
            {
                token.Morph = Pick(rng, Morphs);
            }

            if (hasDep)
            {
                token.Dep = Pick(rng, Deps);
            }

            if (hasHead)
            {
                token.HeadIndex = rng.Next(n);
            }

            if (hasEntId && rng.Next(2) == 0)
            {
                token.EntId = $"Q{rng.Next(1000)}";
            }

            if (hasSent)
            {
                token.IsSentStart = rng.Next(3) switch { 0 => true, 1 => false, _ => null };
            }
        }

        AddEntities(rng, doc);
        AddCats(rng, doc);
        if (userData)
        {
            AddUserData(rng, doc);
        }

        return doc;
    }

    public static object? RandomValue(Random rng, int depth = 0)
    {
        var kind = rng.Next(depth > 2 ? 10 : 13);
        return kind switch
        {
            0 => null,
            1 => rng.Next(2) == 0,
            2 => rng.Next(int.MinValue, int.MaxValue),
            3 => rng.NextInt64(long.MinValue, long.MaxValue),
            4 => (ulong)rng.NextInt64() * 2 + (ulong)rng.Next(2),
            5 => rng.Next(4) switch { 0 => float.NaN, 1 => -0f, 2 => float.PositiveInfinity, _ => (float)rng.NextDouble() },
            6 => rng.Next(4) switch { 0 => double.NaN, 1 => -0d, 2 => double.NegativeInfinity, _ => rng.NextDouble() * 1e10 },
            7 => rng.Next(5) == 0 ? string.Empty : RandomText(rng),
            8 => RandomBytes(rng),
            9 => Pick(rng, Words),
            10 => Enumerable.Range(0, rng.Next(4)).Select(_ => RandomValue(rng, depth + 1)).ToList(),
            11 => Enumerable.Range(0, rng.Next(4)).Select(_ => RandomValue(rng, depth + 1)).ToArray(),
            _ => Enumerable.Range(0, rng.Next(4)).ToDictionary(i => $"k{i}{RandomText(rng)}", _ => RandomValue(rng, depth + 1)),
        };
    }

    public static string RandomText(Random rng)
    {
        var builder = new StringBuilder();
        var length = rng.Next(1, 8);
        for (var i = 0; i < length; i++)
        {
            switch (rng.Next(6))
            {
                case 0:
                    builder.Append(char.ConvertFromUtf32(rng.Next(0x1F300, 0x1FAFF)));
                    break;
                case 1:
                    builder.Append((char)rng.Next(0x4E00, 0x9FFF));
                    break;
                case 2:
                    builder.Append((char)rng.Next(0xC0, 0x24F));
                    break;
                default:
                    builder.Append((char)rng.Next(0x21, 0x7F));
                    break;
            }
        }

        return builder.ToString();
    }

    private static byte[] RandomBytes(Random rng)
    {
        var bytes = new byte[rng.Next(0, 12)];
        rng.NextBytes(bytes);
        return bytes;
    }

    private static string Pick(Random rng, string[] values) => rng.Next(8) == 0 ? string.Empty : values[rng.Next(values.Length)];

    private static void AddEntities(Random rng, Doc doc)
    {
        switch (rng.Next(4))
        {
            case 0:
                return;
            case 1:
                // Raw codes, including I without B and labels on O tokens, must survive as they are.
                for (var i = 0; i < doc.Length; i++)
                {
                    doc.SetEntity(i, (byte)rng.Next(4), rng.Next(2) == 0 ? 0 : doc.Vocab.Strings.Add(Labels[rng.Next(Labels.Length)]));
                }

                return;
            default:
                var spans = new List<Span>();
                var at = 0;
                while (at < doc.Length)
                {
                    at += rng.Next(0, 4);
                    var length = rng.Next(1, 4);
                    if (at + length > doc.Length)
                    {
                        break;
                    }

                    spans.Add(new Span(doc, at, at + length, Labels[rng.Next(Labels.Length)]));
                    at += length;
                }

                doc.Ents = spans;
                return;
        }
    }

    private static void AddCats(Random rng, Doc doc)
    {
        if (rng.Next(2) == 0)
        {
            return;
        }

        foreach (var label in Labels.Take(rng.Next(1, Labels.Length)))
        {
            doc.Cats[label] = rng.Next(5) == 0 ? double.NaN : rng.NextDouble();
        }
    }

    private static void AddUserData(Random rng, Doc doc)
    {
        if (rng.Next(3) == 0)
        {
            return;
        }

        doc.Ext[DocExt] = RandomValue(rng);
        if (doc.Length > 0)
        {
            var start = rng.Next(doc.Length);
            doc[start..rng.Next(start, doc.Length + 1)].Ext[SpanExt] = RandomValue(rng);
            doc[rng.Next(doc.Length)].Ext[TokenExt] = RandomValue(rng);
        }

        for (var i = rng.Next(4); i > 0; i--)
        {
            var key = new UserDataKey(rng.Next(4) == 0 ? string.Empty : $"ns{rng.Next(3)}", RandomText(rng), rng.Next(-1, 50), rng.Next(-1, 50));
            doc.UserData[key] = RandomValue(rng);
        }
    }
}
