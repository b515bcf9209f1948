using System.Numerics.Tensors;
using Pipeline.Transformers.Neural;

namespace Pipeline.Transformers.Heads;

/// <summary>
/// A deep biaffine dependency scorer (Dozat and Manning 2017) over the encoder's vectors: a
/// <see cref="TokenWindowNetwork"/>, then <see cref="ParserShape.Layers"/> <see cref="SelfAttention"/> layers over the
/// sentence and a linear layer, give each token four GELU vectors (arc-dependent, arc-head, label-dependent,
/// label-head); a <see cref="Biaffine"/> scores every head for every dependent, plus a learned score per signed
/// distance (the window network sees no positions beyond its window); a learned vector stands for the root as head.
/// Labels are scored from [dep; head; dep * head] of a token's label vectors and its head's, by a linear layer.
/// </summary>
internal sealed class ParserNetwork
{
    /// <summary>The score of a token as its own head: far below any other, so softmax gives it no weight.</summary>
    public const float SelfScore = -1e4f;

    /// <summary>Creates a network with weights drawn from <paramref name="seed"/>.</summary>
    public ParserNetwork(ParserShape shape, int seed)
    {
        Shape = shape;
        Tokens = new TokenWindowNetwork(shape.Tokens, seed);
        var random = new Random(seed + 7);
        Attention = [.. Enumerable.Range(0, shape.Layers).Select(_ => new SelfAttention(shape.Hidden, shape.AttentionHeads, shape.Distance, random))];
        Vectors = shape.Layers == 0 ? null : new Linear(shape.Hidden, shape.Vectors, random);
        Arcs = new Biaffine(shape.Arc, random);
        RootArc = Small(shape.Arc, random);
        RootLabel = Small(shape.Label, random);
        DistanceScores = new Parameter((2 * shape.Distance) + 1);
        LabelOutput = new Linear(3 * shape.Label, shape.Labels, random);
    }

    /// <summary>The sizes.</summary>
    public ParserShape Shape { get; }

    /// <summary>The per-token network whose outputs (before GELU) are the four vectors.</summary>
    public TokenWindowNetwork Tokens { get; }

    /// <summary>The self-attention layers over the token network's rows (none when <see cref="ParserShape.Layers"/> is 0).</summary>
    public IReadOnlyList<SelfAttention> Attention { get; }

    /// <summary>The four vectors from the last attention layer's rows (null without attention).</summary>
    public Linear? Vectors { get; }

    /// <summary>The arc scorer.</summary>
    public Biaffine Arcs { get; }

    /// <summary>The root's arc-head vector.</summary>
    public Parameter RootArc { get; }

    /// <summary>The root's label-head vector.</summary>
    public Parameter RootLabel { get; }

    /// <summary>A score per signed head distance, -Distance..Distance (index Distance: the root).</summary>
    public Parameter DistanceScores { get; }

    /// <summary>The label classifier.</summary>
    public Linear LabelOutput { get; }

    /// <summary>Every trainable array, in file order.</summary>
    public IReadOnlyList<Parameter> Parameters =>
        [.. Tokens.Parameters, .. Attention.SelectMany(a => a.Parameters), .. Vectors?.Parameters ?? [], .. Arcs.Parameters, RootArc, RootLabel, DistanceScores, .. LabelOutput.Parameters];

    /// <summary>
    /// Scores every head of every one of <paramref name="tokens"/> tokens: <see cref="Activations.Scores"/> is
    /// [tokens, tokens + 1], column tokens being the root. Dropout as in <see cref="TokenWindowNetwork.Forward"/>.
    /// </summary>
    public Activations Forward(ReadOnlySpan<float> vectors, ulong[] ids, int tokens, Random? dropout = null, float rate = 0)
    {
        var t = Tokens.Forward(vectors, ids, tokens, dropout, rate);
        var rows = t.Logits;
        var attention = new SelfAttention.Activations[Attention.Count];
        for (var l = 0; l < attention.Length; l++)
        {
            attention[l] = Attention[l].Forward(rows);
            rows = attention[l].Y;
        }

        var pre = Vectors?.Forward(rows) ?? rows;
        var r = new float[pre.Length];
        Gelu.Forward(pre, r);
        var (arc, width) = (Shape.Arc, Shape.Vectors);
        var d = new float[tokens * arc];
        var h = new float[(tokens + 1) * arc];
        for (var i = 0; i < tokens; i++)
        {
            r.AsSpan(i * width, arc).CopyTo(d.AsSpan(i * arc));
            r.AsSpan((i * width) + arc, arc).CopyTo(h.AsSpan(i * arc));
        }

        RootArc.Value.CopyTo(h.AsSpan(tokens * arc));
        var s = Arcs.Forward(d, h);
        for (var i = 0; i < tokens; i++)
        {
            for (var j = 0; j <= tokens; j++)
            {
                s[(i * (tokens + 1)) + j] = j == i ? SelfScore : s[(i * (tokens + 1)) + j] + DistanceScores.Value[Bucket(i, j, tokens)];
            }
        }

        return new Activations(tokens, t, attention, rows, pre, r, d, h, s);
    }

    /// <summary>Scores the labels of every token given its head (0..tokens-1, or tokens for the root).</summary>
    public LabelActivations Label(Activations a, ReadOnlySpan<int> heads)
    {
        var z = new float[a.Tokens * 3 * Shape.Label];
        for (var i = 0; i < a.Tokens; i++)
        {
            var dep = a.R.AsSpan(DepLabel(i), Shape.Label);
            var (array, offset) = HeadLabel(a, i, heads[i]);
            var head = array.AsSpan(offset, Shape.Label);
            var row = z.AsSpan(i * 3 * Shape.Label, 3 * Shape.Label);
            dep.CopyTo(row);
            head.CopyTo(row[Shape.Label..]);
            TensorPrimitives.Multiply(dep, head, row[(2 * Shape.Label)..]);
        }

        return new LabelActivations(heads.ToArray(), z, LabelOutput.Forward(z));
    }

    /// <summary>
    /// Adds every parameter's gradient, given the loss's gradients with respect to the arc scores and (when
    /// <paramref name="labels"/> is given) the label scores.
    /// </summary>
    public void Backward(Activations a, float[] dScores, LabelActivations? labels = null, float[]? dLabels = null)
    {
        var (n, arc, size, width) = (a.Tokens, Shape.Arc, Shape.Label, Shape.Vectors);
        var dr = new float[a.R.Length];
        if (labels is not null && dLabels is not null)
        {
            var dz = LabelOutput.Backward(labels.Z, dLabels);
            for (var i = 0; i < n; i++)
            {
                var dep = a.R.AsSpan(DepLabel(i), size);
                var (array, offset) = HeadLabel(a, i, labels.Heads[i]);
                var head = array.AsSpan(offset, size);
                var row = dz.AsSpan(i * 3 * size, 3 * size);
                var dDep = dr.AsSpan(DepLabel(i), size);
                var dHead = (array == RootLabel.Value ? RootLabel.Gradient : dr).AsSpan(offset, size);
                TensorPrimitives.Add(dDep, row[..size], dDep);
                TensorPrimitives.MultiplyAdd(row[(2 * size)..], head, dDep, dDep);
                TensorPrimitives.Add(dHead, row[size..(2 * size)], dHead);
                TensorPrimitives.MultiplyAdd(row[(2 * size)..], dep, dHead, dHead);
            }
        }

        for (var i = 0; i < n; i++)
        {
            dScores[(i * (n + 1)) + i] = 0;
            for (var j = 0; j <= n; j++)
            {
                DistanceScores.Gradient[Bucket(i, j, n)] += j == i ? 0 : dScores[(i * (n + 1)) + j];
            }
        }

        var (dd, dh) = Arcs.Backward(a.D, a.H, dScores);
        for (var i = 0; i < n; i++)
        {
            dd.AsSpan(i * arc, arc).CopyTo(dr.AsSpan(i * width));
            dh.AsSpan(i * arc, arc).CopyTo(dr.AsSpan((i * width) + arc));
        }

        TensorPrimitives.Add(RootArc.Gradient, dh.AsSpan(n * arc, arc), RootArc.Gradient);
        var dPre = new float[dr.Length];
        Gelu.Backward(a.Pre, dr, dPre);
        var dRows = Vectors?.Backward(a.Rows, dPre) ?? dPre;
        for (var l = Attention.Count - 1; l >= 0; l--)
        {
            dRows = Attention[l].Backward(a.Attention[l], dRows);
        }

        Tokens.Backward(a.T, dRows);
    }

    private static Parameter Small(int size, Random random)
    {
        var p = new Parameter(size);
        for (var i = 0; i < size; i++)
        {
            p.Value[i] = ((2 * random.NextSingle()) - 1) * 0.1f;
        }

        return p;
    }

    // Where token i's label-dependent vector starts in R.
    private int DepLabel(int i) => (i * Shape.Vectors) + (2 * Shape.Arc);

    // Where the label-head vector of token i's head is: in R, or the root's (head == tokens).
    private (float[] Array, int Offset) HeadLabel(Activations a, int i, int head)
    {
        if ((uint)head > (uint)a.Tokens || head == i)
        {
            throw TransformerErrors.ShapeMismatch($"Head {head} of token {i}", $"is not another token of the {a.Tokens} or the root ({a.Tokens})");
        }

        return head == a.Tokens ? (RootLabel.Value, 0) : (a.R, (head * Shape.Vectors) + (2 * Shape.Arc) + Shape.Label);
    }

    // The distance score index of head j for token i: Distance + (j - i) clipped, and Distance itself for the root.
    private int Bucket(int i, int j, int tokens) =>
        j == tokens ? Shape.Distance : Shape.Distance + Math.Clamp(j - i, -Shape.Distance, Shape.Distance);

    /// <summary>
    /// What <see cref="Forward"/> computed: the token network's and attention layers' activations, the rows the four
    /// vectors come from, the vectors before (Pre) and after GELU (R), the arc inputs and the scores.
    /// </summary>
    internal sealed record Activations(int Tokens, TokenWindowNetwork.Activations T, SelfAttention.Activations[] Attention, float[] Rows, float[] Pre, float[] R, float[] D, float[] H, float[] Scores);

    /// <summary>What <see cref="Label"/> computed: the heads, the classifier's input and the label scores.</summary>
    internal sealed record LabelActivations(int[] Heads, float[] Z, float[] Logits);
}
