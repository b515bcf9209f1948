namespace Pipeline.Tests.Tokens;

/// <summary>Deep equality of docs (every stored attribute and its strings, ents, sents, cats, user data).</summary>
internal static class DocAssert
{
    public static void Equivalent(Doc expected, Doc actual, IReadOnlyCollection<Attr>? stored = null, bool userData = true)
    {
        var attrs = RandomDocs.SettableAttrs.Where(a => stored is null || stored.Contains(a)).ToArray();
        Assert.Equal(expected.Length, actual.Length);
        Assert.Equal(expected.Text, actual.Text);
        Assert.Equal(expected.MultiwordTokens, actual.MultiwordTokens);
        Assert.Equal(expected.ToArray(attrs), actual.ToArray(attrs));
        foreach (var attr in attrs.Where(IsString))
        {
            for (var i = 0; i < expected.Length; i++)
            {
                var hash = expected.GetAttr(i, attr);
                Assert.Equal(expected.Vocab.Strings[hash], actual.Vocab.Strings[hash]);
            }
        }

        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Idx, actual[i].Idx);
            Assert.Equal(expected[i].Text, actual[i].Text);
        }

        Assert.Equal(Presence(expected, attrs), Presence(actual, attrs));
        if (stored is null)
        {
            Assert.Equal(expected.HasSentenceBoundaries, actual.HasSentenceBoundaries);
            if (expected.HasSentenceBoundaries)
            {
                Assert.Equal(expected.Sents.Select(s => (s.Start, s.End)), actual.Sents.Select(s => (s.Start, s.End)));
            }

            Assert.Equal(expected.Ents.Select(e => (e.Start, e.End, e.Label)), actual.Ents.Select(e => (e.Start, e.End, e.Label)));
        }

        Assert.Equal(expected.Cats.Count, actual.Cats.Count);
        foreach (var (label, score) in expected.Cats)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(score), BitConverter.DoubleToInt64Bits(actual.Cats[label]));
        }

        var expectedData = userData && expected.HasUserData ? expected.UserData : [];
        Assert.Equal(expectedData.Count, actual.HasUserData ? actual.UserData.Count : 0);
        foreach (var (key, value) in expectedData)
        {
            Assert.True(actual.UserData.TryGetValue(key, out var found), $"user data key {key} is missing");
            ValueEqual(value, found);
        }
    }

    public static void ValueEqual(object? expected, object? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        Assert.Equal(expected.GetType(), actual.GetType());
        switch (expected)
        {
            case float f:
                Assert.Equal(BitConverter.SingleToInt32Bits(f), BitConverter.SingleToInt32Bits((float)actual));
                break;
            case double d:
                Assert.Equal(BitConverter.DoubleToInt64Bits(d), BitConverter.DoubleToInt64Bits((double)actual));
                break;
            case byte[] bytes:
                Assert.Equal(bytes, (byte[])actual);
                break;
            case Dictionary<string, object?> dict:
                var other = (Dictionary<string, object?>)actual;
                Assert.Equal(dict.Keys.Order(StringComparer.Ordinal), other.Keys.Order(StringComparer.Ordinal));
                foreach (var (k, v) in dict)
                {
                    ValueEqual(v, other[k]);
                }

                break;
            case System.Collections.IList list:
                var otherList = (System.Collections.IList)actual;
                Assert.Equal(list.Count, otherList.Count);
                for (var i = 0; i < list.Count; i++)
                {
                    ValueEqual(list[i], otherList[i]);
                }

                break;
            default:
                Assert.Equal(expected, actual);
                break;
        }
    }

    private static bool IsString(Attr attr) => attr is Attr.Orth or Attr.Lemma or Attr.Pos or Attr.Tag or Attr.Morph
        or Attr.Dep or Attr.EntType or Attr.EntId;

    private static string Presence(Doc doc, Attr[] attrs) => string.Concat(attrs.Select(a => a switch
    {
        Attr.Lemma => doc.LemmaColumn is null ? "-" : "L",
        Attr.Pos => doc.PosColumn is null ? "-" : "P",
        Attr.Tag => doc.TagColumn is null ? "-" : "T",
        Attr.Morph => doc.MorphColumn is null ? "-" : "M",
        Attr.Dep => doc.DepColumn is null ? "-" : "D",
        Attr.Head => doc.HeadColumn is null ? "-" : "H",
        Attr.EntIob => doc.IobColumn is null ? "-" : "I",
        Attr.EntType => doc.EntTypeColumn is null ? "-" : "E",
        Attr.EntId => doc.EntIdColumn is null ? "-" : "K",
        Attr.SentStart => doc.SentStartColumn is null ? "-" : "S",
        _ => "+",
    }));
}
