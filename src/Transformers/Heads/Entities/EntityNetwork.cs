using System.Numerics.Tensors;
using Pipeline.Transformers.Neural;

namespace Pipeline.Transformers.Heads.Entities;

/// <summary>
/// The entity recognizer's network: each token's [encoder vector; hashed lexical embeddings] is projected (GELU) to
/// <see cref="EntityShape.Width"/>, passes <see cref="EntityShape.Depth"/> residual window layers that mix in the
/// neighbours' rows (so every token sees the casing and vectors of Depth * Radius tokens on each side), then
/// <see cref="EntityShape.Layers"/> residual self-attention layers over the whole doc (every token sees every other),
/// and a linear layer scores the BILUO classes.
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
        Attention = [.. Enumerable.Range(0, shape.Layers).Select(_ => new SelfAttention(shape.Width, shape.AttentionHeads, shape.Distance, random))];
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

    /// <summary>The self-attention layers after the window layers, first to last (none when <see cref="EntityShape.Layers"/> is 0).</summary>
    public IReadOnlyList<SelfAttention> Attention { get; }

    /// <summary>The class scores.</summary>
    public Linear Output { get; }

    /// <summary>Every trainable array, in file order.</summary>
    public IReadOnlyList<Parameter> Parameters => [Embedding.Table, .. Project.Parameters, .. Context.SelectMany(c => c.Parameters), .. Attention.SelectMany(a => a.Parameters), .. Output.Parameters];

    /// <summary>
    /// Scores <paramref name="tokens"/> tokens from their vectors ([tokens, VectorWidth]) and lexical ids ([tokens,
    /// EntityFeatures.Count]). With <paramref name="dropout"/>, each input value is zeroed with probability
    /// <paramref name="rate"/> (the rest scaled up), for training.
    /// </summary>
    public Activations Forward(ReadOnlySpan<float> vectors, ulong[] ids, int tokens, Random? dropout = null, float rate = 0)
    {
        var x = HeadInputs.Join(vectors, Shape.VectorWidth, Embedding.Forward(ids), Embedding.Outputs, tokens);
        var mask = HeadInputs.Dropout(x, dropout, rate);
        var projected = Project.Forward(x);
        var h = new float[projected.Length];
        Gelu.Forward(projected, h);
        var context = new ResidualWindow.Activations[Context.Count];
        for (var l = 0; l < Context.Count; l++)
        {
            context[l] = Context[l].Forward(h);
            h = context[l].Y;
        }

        var attention = new SelfAttention.Activations[Attention.Count];
        for (var l = 0; l < Attention.Count; l++)
        {
            attention[l] = Attention[l].Forward(h);
            h = attention[l].Y;
        }

        return new Activations(tokens, ids, x, mask, projected, context, attention, h, Output.Forward(h));
    }

    /// <summary>Adds every parameter's gradient, given the loss's gradient with respect to the scores.</summary>
    public void Backward(Activations a, ReadOnlySpan<float> dLogits)
    {
        var dh = Output.Backward(a.Top, dLogits);
        for (var l = Attention.Count - 1; l >= 0; l--)
        {
            dh = Attention[l].Backward(a.Attention[l], dh);
        }

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

        var dEmbedded = HeadInputs.EmbeddingGradient(dx, Shape.VectorWidth, Embedding.Outputs, a.Tokens);
        Embedding.Backward(a.Ids, dEmbedded);
    }

    /// <summary>What <see cref="Forward"/> computed, kept for <see cref="Backward"/>; <see cref="Logits"/> are the scores.</summary>
    internal sealed record Activations(int Tokens, ulong[] Ids, float[] X, float[]? Mask, float[] Projected, ResidualWindow.Activations[] Context, SelfAttention.Activations[] Attention, float[] Top, float[] Logits);
}
