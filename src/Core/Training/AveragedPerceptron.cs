using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pipeline.Training;

/// <summary>
/// A multiclass averaged perceptron (Collins 2002) over hashed 64-bit features. Each feature owns one contiguous
/// row of per-class weights in an open-addressing table, so scoring sums a few dozen rows with SIMD and allocates
/// nothing. Averaging is lazy: every weight remembers when it last changed and folds its value into a running
/// total only then, so an update costs the same as in the plain perceptron. Train with <see cref="Update"/>, then
/// call <see cref="Average"/>; <see cref="Score"/> is safe for concurrent use while no update runs.
/// </summary>
public sealed partial class AveragedPerceptron
{
    private const int MinCapacity = 16;
    private const ulong EmptyKey = 0;
    private const ulong ZeroKeySubstitute = 0x9E3779B97F4A7C15UL;
    private ulong[] _keys;
    private int[] _slotRows;
    private float[] _weights;
    private double[]? _totals;
    private int[]? _stamps;
    private int _rows;
    private int _step;

    /// <summary>Creates an untrained model over <paramref name="classes"/> classes (at least 1).</summary>
    public AveragedPerceptron(int classes, int expectedFeatures = 1024)
    {
        if (classes < 1 || classes > MaxClasses)
        {
            throw Errors.InvalidArgument("classes", $"is {classes}; it must be between 1 and {MaxClasses}");
        }

        Classes = classes;
        var capacity = Capacity(Math.Max(expectedFeatures, MinCapacity));
        _keys = new ulong[capacity];
        _slotRows = new int[capacity];
        _weights = new float[Math.Max(expectedFeatures, MinCapacity) * classes];
        _totals = new double[_weights.Length];
        _stamps = new int[_weights.Length];
    }

    private AveragedPerceptron(int classes, ulong[] keys, int[] slotRows, float[] weights, int rows)
    {
        Classes = classes;
        _keys = keys;
        _slotRows = slotRows;
        _weights = weights;
        _rows = rows;
    }

    /// <summary>The largest number of classes a model may have.</summary>
    public const int MaxClasses = 1 << 16;

    /// <summary>The number of classes; scores are indexed 0..Classes-1.</summary>
    public int Classes { get; }

    /// <summary>The number of features that have a weight row.</summary>
    public int FeatureCount => _rows;

    /// <summary>Whether <see cref="Average"/> has run: the model then predicts but no longer learns.</summary>
    public bool IsAveraged => _totals is null;

    /// <summary>How many updates (training instances) the model has seen.</summary>
    public int Updates => _step;

    /// <summary>
    /// Writes the score of every class into <paramref name="scores"/> (at least <see cref="Classes"/> long): the sum
    /// of the weight rows of the features. Unknown features contribute nothing.
    /// </summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        var classes = Classes;
        if (scores.Length < classes)
        {
            throw Errors.InvalidArgument("scores", $"has {scores.Length} entries; the model has {classes} classes");
        }

        var output = scores[..classes];
        output.Clear();
        ref var weights = ref MemoryMarshal.GetArrayDataReference(_weights);
        foreach (var feature in features)
        {
            var row = FindRow(feature);
            if (row >= 0)
            {
                AddRow(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref weights, row * classes), classes), output);
            }
        }
    }

    /// <summary>The index of the highest score (the first on ties).</summary>
    public static int ArgMax(ReadOnlySpan<float> scores)
    {
        var best = 0;
        var max = float.NegativeInfinity;
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] > max)
            {
                max = scores[i];
                best = i;
            }
        }

        return best;
    }

    /// <summary>
    /// Learns from one instance: when <paramref name="guess"/> differs from <paramref name="gold"/>, every feature's
    /// weight for the gold class goes up by one and for the guess down by one. Counts as one step either way.
    /// </summary>
    public void Update(ReadOnlySpan<ulong> features, int gold, int guess)
    {
        if (_totals is null || _stamps is null)
        {
            throw Errors.ModelAveraged();
        }

        if ((uint)gold >= (uint)Classes)
        {
            throw Errors.ClassOutOfRange(gold, Classes);
        }

        if ((uint)guess >= (uint)Classes)
        {
            throw Errors.ClassOutOfRange(guess, Classes);
        }

        _step++;
        if (gold == guess)
        {
            return;
        }

        foreach (var feature in features)
        {
            var row = GetOrAddRow(feature);
            Bump(row * Classes + gold, 1f);
            Bump(row * Classes + guess, -1f);
        }
    }

    /// <summary>
    /// Finishes training: every weight becomes its average over all steps, rows that averaged to zero are dropped,
    /// and the training bookkeeping is released.
    /// </summary>
    public void Average()
    {
        if (IsAveraged)
        {
            return;
        }

        var averaged = CreateAveraged();
        _keys = averaged._keys;
        _slotRows = averaged._slotRows;
        _weights = averaged._weights;
        _rows = averaged._rows;
        _totals = null;
        _stamps = null;
    }

    /// <summary>An averaged copy of the model, leaving this one free to go on training (e.g. for checkpoints).</summary>
    public AveragedPerceptron CreateAveraged()
    {
        var classes = Classes;
        var keys = new List<ulong>(_rows);
        var rows = new List<int>(_rows);
        var averaged = new float[_rows * classes];
        var kept = 0;
        for (var slot = 0; slot < _keys.Length; slot++)
        {
            if (_keys[slot] == EmptyKey)
            {
                continue;
            }

            var row = _slotRows[slot];
            var target = averaged.AsSpan(kept * classes, classes);
            var any = false;
            for (var c = 0; c < classes; c++)
            {
                var w = row * classes + c;
                var value = _totals is null || _step == 0
                    ? _weights[w]
                    : (float)((_totals[w] + (double)(_step - _stamps![w]) * _weights[w]) / _step);
                target[c] = value;
                any |= value != 0f;
            }

            if (any)
            {
                keys.Add(_keys[slot]);
                rows.Add(kept++);
            }
        }

        return Build(classes, keys, averaged.AsSpan(0, kept * classes).ToArray());
    }

    private static AveragedPerceptron Build(int classes, IReadOnlyList<ulong> keys, float[] weights)
    {
        var capacity = Capacity(Math.Max(keys.Count, MinCapacity));
        var table = new ulong[capacity];
        var slotRows = new int[capacity];
        var mask = capacity - 1;
        for (var row = 0; row < keys.Count; row++)
        {
            var slot = (int)(keys[row] & (ulong)mask);
            while (table[slot] != EmptyKey)
            {
                if (table[slot] == keys[row])
                {
                    throw new InvalidDataException($"feature {keys[row]} appears twice");
                }

                slot = (slot + 1) & mask;
            }

            table[slot] = keys[row];
            slotRows[slot] = row;
        }

        var model = new AveragedPerceptron(classes, table, slotRows, weights, keys.Count);
        return model;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Key(ulong feature) => feature == EmptyKey ? ZeroKeySubstitute : feature;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FindRow(ulong feature)
    {
        var key = Key(feature);
        var keys = _keys;
        var mask = keys.Length - 1;
        var slot = (int)(key & (ulong)mask);
        while (true)
        {
            var found = keys[slot];
            if (found == key)
            {
                return _slotRows[slot];
            }

            if (found == EmptyKey)
            {
                return -1;
            }

            slot = (slot + 1) & mask;
        }
    }

    private int GetOrAddRow(ulong feature)
    {
        var key = Key(feature);
        var mask = _keys.Length - 1;
        var slot = (int)(key & (ulong)mask);
        while (_keys[slot] != EmptyKey)
        {
            if (_keys[slot] == key)
            {
                return _slotRows[slot];
            }

            slot = (slot + 1) & mask;
        }

        if ((_rows + 1) * 2 > _keys.Length)
        {
            Grow();
            return GetOrAddRow(feature);
        }

        if ((_rows + 1) * Classes > _weights.Length)
        {
            var size = Math.Max(_weights.Length * 2, (_rows + 1) * Classes);
            Array.Resize(ref _weights, size);
            Array.Resize(ref _totals, size);
            Array.Resize(ref _stamps, size);
        }

        _keys[slot] = key;
        _slotRows[slot] = _rows;
        return _rows++;
    }

    private void Grow()
    {
        var keys = _keys;
        var rows = _slotRows;
        _keys = new ulong[keys.Length * 2];
        _slotRows = new int[keys.Length * 2];
        var mask = _keys.Length - 1;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] == EmptyKey)
            {
                continue;
            }

            var slot = (int)(keys[i] & (ulong)mask);
            while (_keys[slot] != EmptyKey)
            {
                slot = (slot + 1) & mask;
            }

            _keys[slot] = keys[i];
            _slotRows[slot] = rows[i];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Bump(int w, float delta)
    {
        _totals![w] += (double)(_step - _stamps![w]) * _weights[w];
        _stamps[w] = _step;
        _weights[w] += delta;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRow(ReadOnlySpan<float> row, Span<float> scores)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && row.Length >= Vector<float>.Count)
        {
            var width = Vector<float>.Count;
            for (; i <= row.Length - width; i += width)
            {
                var sum = new Vector<float>(row[i..]) + new Vector<float>(scores[i..]);
                sum.CopyTo(scores[i..]);
            }
        }

        for (; i < row.Length; i++)
        {
            scores[i] += row[i];
        }
    }

    private static int Capacity(int features) => (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(features * 2, MinCapacity));
}
