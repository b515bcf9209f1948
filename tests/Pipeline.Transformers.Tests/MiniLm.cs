namespace Pipeline.Transformers.Tests;

/// <summary>One shared MiniLM component for the tests (loading the 91 MB encoder takes a second or two).</summary>
internal static class MiniLm
{
    private static readonly Lazy<TransformerComponent> Shared = new(() => new TransformerComponent(new Dictionary<string, object?>()));

    public static TransformerComponent Component => Shared.Value;

    public static WordPieceTokenizer Tokenizer => Shared.Value.Tokenizer;

    public static float[] Row(Pipeline.Tokens.Doc doc, int i) => doc.TokenVector(i).ToArray();

    public static float MaxDifference(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        Assert.Equal(a.Length, b.Length);
        var max = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }

        return max;
    }
}
