namespace Pipeline.Tests.Api;

/// <summary><c>foreach (var token in doc)</c> and <c>foreach (var token in span)</c>, spaCy's most common idiom.</summary>
public class TokenEnumerationTests
{
    private static Doc Sample() => new(new Vocab("en"), ["The", "cat", "sat", "down", "."]);

    [Fact]
    public void ForeachOverADocVisitsEveryTokenInOrder()
    {
        var doc = Sample();
        var seen = new List<(int, string)>();
        foreach (var token in doc)
        {
            seen.Add((token.I, token.Text));
        }

        Assert.Equal([(0, "The"), (1, "cat"), (2, "sat"), (3, "down"), (4, ".")], seen);
        Assert.Equal(doc.Tokens.Select(t => (t.I, t.Text)), seen);
    }

    [Fact]
    public void ForeachOverASpanVisitsOnlyItsTokens()
    {
        var doc = Sample();
        var seen = new List<string>();
        foreach (var token in doc[1..4])
        {
            seen.Add(token.Text);
            Assert.Same(doc, token.Doc);
        }

        Assert.Equal(["cat", "sat", "down"], seen);
    }

    [Fact]
    public void EmptyDocsAndSpansAndTheDefaultSpanYieldNothing()
    {
        var count = 0;
        foreach (var _ in new Doc(new Vocab("en"), []))
        {
            count++;
        }

        foreach (var _ in Sample()[2..2])
        {
            count++;
        }

        foreach (var _ in default(Span))
        {
            count++;
        }

        Assert.Equal(0, count);
    }

    [Fact]
    public void TheEnumeratorIsAStructSoForeachAllocatesNoEnumerator()
    {
        Assert.True(typeof(TokenEnumerator).IsValueType);
        Assert.Equal(typeof(TokenEnumerator), typeof(Doc).GetMethod(nameof(Doc.GetEnumerator))!.ReturnType);
        Assert.Equal(typeof(TokenEnumerator), typeof(Span).GetMethod(nameof(Span.GetEnumerator))!.ReturnType);
    }

    [Fact]
    public void AnEnumeratorPastTheEndStaysThere()
    {
        var e = Sample()[3..5].GetEnumerator();
        Assert.True(e.MoveNext());
        Assert.Equal("down", e.Current.Text);
        Assert.True(e.MoveNext());
        Assert.Equal(".", e.Current.Text);
        Assert.False(e.MoveNext());
        Assert.False(e.MoveNext());
    }
}
