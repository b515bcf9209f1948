using System.Numerics.Tensors;
using Pipeline.Transformers.Neural;

namespace Pipeline.Transformers.Heads.Entities;

/// <summary>
/// The entity recognizer's network: each token's [encoder vector; hashed lexical embeddings] is projected (GELU) to
/// <see cref="EntityShape.Width"/>, passes <see cref="EntityShape.Depth"/> residual window layers that mix in the
/// neighbours' rows (so every token sees the casing and vectors of Depth * Radius tokens on each side), and a
/// linear layer scores the BILUO classes.
/// </summary>
internal sealed class EntityNetwork
{
    /// <summary>Creates a network with weights drawn from <paramref name="seed"/>.</summary>
    public EntityNetwork(EntityShape shape, int seed)
    {
        Shape = shape;
        var random = new Random(seed);
        Embedding = new HashedEmbedding(shape.EmbeddingRows, shape.EmbeddingWidth, EntityFeatures.Count, random);
        Project = new Linear(shape.VectorWidth + Embedding.Outputs, shape.Width, random);
        Context = [.. Enumerable.Range(0, shape.Depth).Select(_ => new ResidualWindow(shape.Width, shape.Radius, random))];
        Output = new Linear(shape.Width, shape.Classes, random);
    }

    /// <summary>The sizes.</summary>
    public EntityShape Shape { get; }

    /// <summary>The lexical feature table.</summary>
    public HashedEmbedding Embedding { get; }

    /// <summary>The per-token projection.</summary>
    public Linear Project { get; }

    /// <summary>The context layers, first to last.</summary>
    public IReadOnlyList<ResidualWindow> Context { get; }

    /// <summary>The class scores.</summary>
    public Linear Output { get; }

    /// <summary>Every trainable array, in file order.</summary>
    public IReadOnlyList<Parameter> Parameters => [Embedding.Table, .. Project.Parameters, .. Context.SelectMany(c => c.Parameters), .. Output.Parameters];

    /// <summary>
    /// Scores <paramref name="tokens"/> tokens from their vectors ([tokens, VectorWidth]) and lexical ids ([tokens,
    /// EntityFeatures.Count]). With <paramref name="dropout"/>, each input value is zeroed with probability
    /// <paramref name="rate"/> (the rest scaled up), for training.
    /// </summary>
    public Activations Forward(ReadOnlySpan<float> vectors, ulong[] ids, int tokens, Random? dropout = null, float rate = 0)
    {
        var (width, lexical) = (Shape.VectorWidth, Embedding.Outputs);
        if (vectors.Length != tokens * width)
        {
            throw TransformerErrors.ShapeMismatch("The token vectors", $"are {vectors.Length} floats; {tokens} tokens of width {width} need {tokens * width}");
        }

        var embedded = Embedding.Forward(ids);
        var x = new float[tokens * (width + lexical)];
        for (var i = 0; i < tokens; i++)
        {
            vectors.Slice(i * width, width).CopyTo(x.AsSpan(i * (width + lexical)));
            embedded.AsSpan(i * lexical, lexical).CopyTo(x.AsSpan((i * (width + lexical)) + width));
        }

        float[]? mask = null;
        if (dropout is not null && rate > 0)
        {
            mask = new float[x.Length];
            var keep = 1 / (1 - rate);
            for (var i = 0; i < mask.Length; i++)
            {
                mask[i] = dropout.NextSingle() < rate ? 0 : keep;
            }

            TensorPrimitives.Multiply(x, mask, x);
        }

        var projected = Project.Forward(x);
        var h = new float[projected.Length];
        Gelu.Forward(projected, h);
        var context = new ResidualWindow.Activations[Context.Count];
        for (var l = 0; l < Context.Count; l++)
        {
            context[l] = Context[l].Forward(h);
            h = context[l].Y;
        }

        return new Activations(tokens, ids, x, mask, projected, context, h, Output.Forward(h));
    }

    /// <summary>Adds every parameter's gradient, given the loss's gradient with respect to the scores.</summary>
    public void Backward(Activations a, ReadOnlySpan<float> dLogits)
    {
        var dh = Output.Backward(a.Top, dLogits);
        for (var l = Context.Count - 1; l >= 0; l--)
        {
            dh = Context[l].Backward(a.Context[l], dh);
        }

        var dProjected = new float[dh.Length];
        Gelu.Backward(a.Projected, dh, dProjected);
        var dx = Project.Backward(a.X, dProjected);
        if (a.Mask is not null)
        {
            TensorPrimitives.Multiply(dx, a.Mask, dx);
        }

        var (width, lexical) = (Shape.VectorWidth, Embedding.Outputs);
        var dEmbedded = new float[a.Tokens * lexical];
        for (var i = 0; i < a.Tokens; i++)
        {
            dx.AsSpan((i * (width + lexical)) + width, lexical).CopyTo(dEmbedded.AsSpan(i * lexical));
        }

        Embedding.Backward(a.Ids, dEmbedded);
    }

    /// <summary>What <see cref="Forward"/> computed, kept for <see cref="Backward"/>; <see cref="Logits"/> are the scores.</summary>
    internal sealed record Activations(int Tokens, ulong[] Ids, float[] X, float[]? Mask, float[] Projected, ResidualWindow.Activations[] Context, float[] Top, float[] Logits);
}
