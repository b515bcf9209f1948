using System.Numerics.Tensors;
using Pipeline.Transformers.Neural;

namespace Pipeline.Transformers.Heads;

/// <summary>
/// A token classifier over the encoder's vectors and hashed lexical features: each token's [vector; embeddings] is
/// projected (GELU), the projections of the token and its <see cref="NetworkShape.Radius"/> neighbours on each side
/// are concatenated (zeros past the doc's ends), and a GELU hidden layer scores the classes. The window gives
/// every token its neighbours' casing and affixes, which the uncased encoder's context lacks.
/// </summary>
internal sealed class TokenWindowNetwork
{
    /// <summary>Creates a network with weights drawn from <paramref name="seed"/>.</summary>
    public TokenWindowNetwork(NetworkShape shape, int seed)
    {
        Shape = shape;
        var random = new Random(seed);
        Embedding = new HashedEmbedding(shape.EmbeddingRows, shape.EmbeddingWidth, Heads.LexicalFeatures.Count, random);
        Project = new Linear(shape.VectorWidth + Embedding.Outputs, shape.Projection, random);
        Hidden = new Linear(shape.Window * shape.Projection, shape.Hidden, random);
        Output = new Linear(shape.Hidden, shape.Classes, random);
    }

    /// <summary>The sizes.</summary>
    public NetworkShape Shape { get; }

    /// <summary>The lexical feature table.</summary>
    public HashedEmbedding Embedding { get; }

    /// <summary>The per-token projection.</summary>
    public Linear Project { get; }

    /// <summary>The hidden layer over the window.</summary>
    public Linear Hidden { get; }

    /// <summary>The class scores.</summary>
    public Linear Output { get; }

    /// <summary>Every trainable array, in file order.</summary>
    public IReadOnlyList<Parameter> Parameters => [Embedding.Table, .. Project.Parameters, .. Hidden.Parameters, .. Output.Parameters];

    /// <summary>
    /// Scores <paramref name="tokens"/> tokens from their vectors ([tokens, VectorWidth]) and lexical ids
    /// ([tokens, LexicalFeatures.Count]). With <paramref name="dropout"/>, each input value is zeroed with
    /// probability <paramref name="rate"/> (and the rest scaled up), for training.
    /// </summary>
    public Activations Forward(ReadOnlySpan<float> vectors, ulong[] ids, int tokens, Random? dropout = null, float rate = 0)
    {
        var x = HeadInputs.Join(vectors, Shape.VectorWidth, Embedding.Forward(ids), Embedding.Outputs, tokens);
        var mask = HeadInputs.Dropout(x, dropout, rate);
        var a1 = Project.Forward(x);
        var p = new float[a1.Length];
        Gelu.Forward(a1, p);
        var w = Window(p, tokens);
        var a2 = Hidden.Forward(w);
        var h = new float[a2.Length];
        Gelu.Forward(a2, h);
        return new Activations(tokens, ids, x, mask, a1, p, w, a2, h, Output.Forward(h));
    }

    /// <summary>Adds every parameter's gradient, given the loss's gradient with respect to the scores.</summary>
    public void Backward(Activations a, ReadOnlySpan<float> dLogits)
    {
        var dh = Output.Backward(a.H, dLogits);
        var da2 = new float[dh.Length];
        Gelu.Backward(a.A2, dh, da2);
        var dw = Hidden.Backward(a.W, da2);
        var dp = Unwindow(dw, a.Tokens);
        var da1 = new float[dp.Length];
        Gelu.Backward(a.A1, dp, da1);
        var dx = Project.Backward(a.X, da1);
        if (a.Mask is not null)
        {
            TensorPrimitives.Multiply(dx, a.Mask, dx);
        }

        var dEmbedded = HeadInputs.EmbeddingGradient(dx, Shape.VectorWidth, Embedding.Outputs, a.Tokens);
        Embedding.Backward(a.Ids, dEmbedded);
    }

    // Row i: the projections of tokens i - Radius .. i + Radius, zeros outside the doc.
    private float[] Window(float[] p, int tokens)
    {
        var (size, radius) = (Shape.Projection, Shape.Radius);
        var w = new float[tokens * Shape.Window * size];
        for (var i = 0; i < tokens; i++)
        {
            for (var k = 0; k < Shape.Window; k++)
            {
                var j = i + k - radius;
                if (j >= 0 && j < tokens)
                {
                    p.AsSpan(j * size, size).CopyTo(w.AsSpan(((i * Shape.Window) + k) * size));
                }
            }
        }

        return w;
    }

    private float[] Unwindow(float[] dw, int tokens)
    {
        var (size, radius) = (Shape.Projection, Shape.Radius);
        var dp = new float[tokens * size];
        for (var i = 0; i < tokens; i++)
        {
            for (var k = 0; k < Shape.Window; k++)
            {
                var j = i + k - radius;
                if (j >= 0 && j < tokens)
                {
                    var target = dp.AsSpan(j * size, size);
                    TensorPrimitives.Add(target, dw.AsSpan(((i * Shape.Window) + k) * size, size), target);
                }
            }
        }

        return dp;
    }

    /// <summary>What <see cref="Forward"/> computed, kept for <see cref="Backward"/>; <see cref="Logits"/> are the scores.</summary>
    internal sealed record Activations(int Tokens, ulong[] Ids, float[] X, float[]? Mask, float[] A1, float[] P, float[] W, float[] A2, float[] H, float[] Logits);
}
