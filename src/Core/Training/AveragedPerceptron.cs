using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pipeline.Training;

/// <summary>
/// A multiclass averaged perceptron (Collins 2002) over hashed 64-bit features, found through an open-addressing
/// table. While training, each feature owns a dense row of per-class weights; averaging is lazy: every weight
/// remembers when it last changed and folds its value into a running total only then, so an update costs what it
/// costs in the plain perceptron. <see cref="Average"/> turns the rows into contiguous sparse rows of the non-zero
/// (class, weight) pairs, which makes the model small and scoring cache-friendly. <see cref="Score"/> allocates
/// nothing and is safe for concurrent use while no update runs.
/// </summary>
public sealed partial class AveragedPerceptron
{
    /// <summary>The largest number of classes a model may have.</summary>
    public const int MaxClasses = 1 << 16;

    private const int MinCapacity = 16;
    private const ulong EmptyKey = 0;
    private const ulong ZeroKeySubstitute = 0x9E3779B97F4A7C15UL;

    // A row with at least Classes / DenseRatio non-zero weights is also stored dense for SIMD scoring.
    private const int DenseRatio = 6;

    // Features scored per batch of loads in the averaged model.
    private const int ScoreBatch = 32;
    private Slot[] _table;
    private int _rows;
    private int _step;

    // Training state: dense rows of weights, their running totals and the step each weight last changed.
    private float[]? _weights;
    private double[]? _totals;
    private int[]? _stamps;

    // Averaged state: row r's entries are _entries[_rowStarts[r].._rowStarts[r + 1]]; rows with many entries are
    // also kept dense (row d at _dense[d * Classes]) and scored with SIMD instead.
    private int[]? _rowStarts;
    private Entry[]? _entries;
    private float[]? _dense;

    // Receives the values of loads made only to warm the cache (see ScoreAveraged); never read.
    private float _sink;

    /// <summary>debug</summary>
#pragma warning disable CS1591
    public static long DebugMissing, DebugDense, DebugTotal;
    static readonly bool SkipDense = Environment.GetEnvironmentVariable("SKIPDENSE") == "1";
    static readonly bool SkipSparse = Environment.GetEnvironmentVariable("SKIPSPARSE") == "1";
#pragma warning restore CS1591

    /// <summary>Creates an untrained model over <paramref name="classes"/> classes (1 to <see cref="MaxClasses"/>).</summary>
    public AveragedPerceptron(int classes, int expectedFeatures = 1024)
    {
        if (classes < 1 || classes > MaxClasses)
        {
            throw Errors.InvalidArgument("classes", $"is {classes}; it must be between 1 and {MaxClasses}");
        }

        Classes = classes;
        var rows = Math.Max(expectedFeatures, MinCapacity);
        _table = new Slot[Capacity(rows)];
        _weights = new float[rows * classes];
        _totals = new double[_weights.Length];
        _stamps = new int[_weights.Length];
    }

    private AveragedPerceptron(int classes, Slot[] table, int rows, int[] rowStarts, Entry[] entries, float[] dense)
    {
        Classes = classes;
        _table = table;
        _rows = rows;
        _rowStarts = rowStarts;
        _entries = entries;
        _dense = dense;
    }

    /// <summary>The number of classes; scores are indexed 0..Classes-1.</summary>
    public int Classes { get; }

    /// <summary>The number of features that have weights.</summary>
    public int FeatureCount => _rows;

    /// <summary>The number of non-zero weights of an averaged model (Classes x FeatureCount while training).</summary>
    public int WeightCount => _entries?.Length ?? _rows * Classes;

    /// <summary>Whether <see cref="Average"/> has run: the model then predicts but no longer learns.</summary>
    public bool IsAveraged => _entries is not null;

    /// <summary>How many updates (training instances) the model has seen.</summary>
    public int Updates => _step;

    /// <summary>
    /// Writes the score of every class into <paramref name="scores"/> (at least <see cref="Classes"/> long): the sum
    /// of the weights of the features. Unknown features contribute nothing.
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
        if (_entries is not null)
        {
            for (var i = 0; i < features.Length; i += ScoreBatch)
            {
                ScoreAveraged(features.Slice(i, Math.Min(ScoreBatch, features.Length - i)), output);
            }

            return;
        }

        var weights = _weights!;
        foreach (var feature in features)
        {
            var row = FindRow(feature);
            if (row >= 0)
            {
                AddRow(weights.AsSpan(row * classes, classes), output);
            }
        }
    }

    /// <summary>
    /// Adds the rows of up to <see cref="ScoreBatch"/> features in three passes, each of which issues independent
    /// memory loads (table slots, then row bounds, then the rows' first weights) before anything waits on them, so
    /// the cache misses of a large model overlap instead of queueing one after another.
    /// </summary>
    private void ScoreAveraged(ReadOnlySpan<ulong> features, Span<float> output)
    {
        var classes = Classes;
        var table = _table;
        var mask = (ulong)(table.Length - 1);
        var starts = _rowStarts!;
        var entries = _entries!;
        var dense = _dense!;
        var count = features.Length;
        DebugTotal += count;
        Span<Slot> slots = stackalloc Slot[count];
        Span<int> begin = stackalloc int[count];
        Span<int> end = stackalloc int[count];

        // Pass 1: each feature's home slot; most features sit there, the rest probe on from it.
        for (var i = 0; i < count; i++)
        {
            slots[i] = table[(int)(Key(features[i]) & mask)];
        }

        var touched = 0f;
        for (var i = 0; i < count; i++)
        {
            var key = Key(features[i]);
            if (slots[i].Key != key)
            {
                slots[i] = slots[i].Key == EmptyKey ? Slot.Missing : FindSlot(features[i]);
            }

            // Pass 2: the bounds of sparse rows and the start of dense ones.
            var slot = slots[i];
            if (slot.Row < 0)
            {
                begin[i] = end[i] = 0;
                DebugMissing++;
            }
            else if (slot.Dense >= 0)
            {
                DebugDense++;
                begin[i] = -1;
                touched += dense[slot.Dense * classes];
            }
            else
            {
                begin[i] = starts[slot.Row];
                end[i] = starts[slot.Row + 1];
            }
        }

        // Pass 3: the first weight of each sparse row, then the sums, which now mostly hit the cache.
        for (var i = 0; i < count; i++)
        {
            if (begin[i] >= 0 && begin[i] < end[i])
            {
                touched += entries[begin[i]].Weight;
            }
        }

        ref var first = ref MemoryMarshal.GetArrayDataReference(entries);
        ref var score = ref MemoryMarshal.GetReference(output);
        for (var i = 0; i < count; i++)
        {
            if (begin[i] < 0)
            {
                if (!SkipDense) AddRow(dense.AsSpan(slots[i].Dense * classes, classes), output);
                continue;
            }
            if (SkipSparse) continue;

            for (var e = begin[i]; e < end[i]; e++)
            {
                var entry = Unsafe.Add(ref first, e);
                Unsafe.Add(ref score, entry.Class) += entry.Weight;
            }
        }

        // Keeps the warming loads from being optimized away.
        _sink = touched;
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
        if (_weights is null)
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
    /// Finishes training: every weight becomes its average over all steps, zero weights are dropped, and the
    /// training bookkeeping is released. Does nothing on an averaged model.
    /// </summary>
    public void Average()
    {
        if (IsAveraged)
        {
            return;
        }

        var averaged = CreateAveraged();
        _table = averaged._table;
        _rows = averaged._rows;
        _rowStarts = averaged._rowStarts;
        _entries = averaged._entries;
        _dense = averaged._dense;
        _weights = null;
        _totals = null;
        _stamps = null;
    }

    /// <summary>An averaged copy of the model, leaving this one free to go on training (e.g. for checkpoints).</summary>
    public AveragedPerceptron CreateAveraged()
    {
        if (IsAveraged)
        {
            return this;
        }

        var classes = Classes;
        var weights = _weights!;
        var keys = new List<ulong>(_rows);
        var starts = new List<int>(_rows + 1) { 0 };
        var entries = new List<Entry>(_rows * 4);
        foreach (var slot in _table)
        {
            if (slot.Key == EmptyKey)
            {
                continue;
            }

            var before = entries.Count;
            for (var c = 0; c < classes; c++)
            {
                var w = slot.Row * classes + c;
                var value = _step == 0 ? weights[w] : (float)((_totals![w] + ((double)(_step - _stamps![w]) * weights[w])) / _step);
                if (value != 0f)
                {
                    entries.Add(new Entry(c, value));
                }
            }

            if (entries.Count > before)
            {
                keys.Add(slot.Key);
                starts.Add(entries.Count);
            }
        }

        return Build(classes, keys, [.. starts], [.. entries]);
    }

    private static AveragedPerceptron Build(int classes, IReadOnlyList<ulong> keys, int[] rowStarts, Entry[] entries)
    {
        var table = new Slot[Capacity(keys.Count)];
        var mask = table.Length - 1;
        var dense = new List<float>();
        for (var row = 0; row < keys.Count; row++)
        {
            var slot = (int)(keys[row] & (ulong)mask);
            while (table[slot].Key != EmptyKey)
            {
                if (table[slot].Key == keys[row])
                {
                    throw new InvalidDataException($"feature {keys[row]} appears twice");
                }

                slot = (slot + 1) & mask;
            }

            var denseRow = -1;
            var count = rowStarts[row + 1] - rowStarts[row];
            if (count * DenseRatio >= classes)
            {
                denseRow = dense.Count / classes;
                var start = dense.Count;
                dense.AddRange(new float[classes]);
                for (var e = rowStarts[row]; e < rowStarts[row + 1]; e++)
                {
                    dense[start + entries[e].Class] = entries[e].Weight;
                }
            }

            table[slot] = new Slot(keys[row], row, denseRow);
        }

        return new AveragedPerceptron(classes, table, keys.Count, rowStarts, entries, [.. dense]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Key(ulong feature) => feature == EmptyKey ? ZeroKeySubstitute : feature;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FindRow(ulong feature) => FindSlot(feature).Row;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Slot FindSlot(ulong feature)
    {
        var key = Key(feature);
        var table = _table;
        var mask = table.Length - 1;
        var slot = (int)(key & (ulong)mask);
        while (true)
        {
            ref readonly var found = ref table[slot];
            if (found.Key == key)
            {
                return found;
            }

            if (found.Key == EmptyKey)
            {
                return Slot.Missing;
            }

            slot = (slot + 1) & mask;
        }
    }

    private int GetOrAddRow(ulong feature)
    {
        var key = Key(feature);
        var mask = _table.Length - 1;
        var slot = (int)(key & (ulong)mask);
        while (_table[slot].Key != EmptyKey)
        {
            if (_table[slot].Key == key)
            {
                return _table[slot].Row;
            }

            slot = (slot + 1) & mask;
        }

        if ((_rows + 1) * 2 > _table.Length)
        {
            Grow();
            return GetOrAddRow(feature);
        }

        if ((_rows + 1) * Classes > _weights!.Length)
        {
            var size = Math.Max(_weights.Length * 2, (_rows + 1) * Classes);
            Array.Resize(ref _weights, size);
            Array.Resize(ref _totals, size);
            Array.Resize(ref _stamps, size);
        }

        _table[slot] = new Slot(key, _rows, -1);
        return _rows++;
    }

    private void Grow()
    {
        var old = _table;
        _table = new Slot[old.Length * 2];
        var mask = _table.Length - 1;
        foreach (var entry in old)
        {
            if (entry.Key == EmptyKey)
            {
                continue;
            }

            var slot = (int)(entry.Key & (ulong)mask);
            while (_table[slot].Key != EmptyKey)
            {
                slot = (slot + 1) & mask;
            }

            _table[slot] = entry;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Bump(int w, float delta)
    {
        _totals![w] += (double)(_step - _stamps![w]) * _weights![w];
        _stamps[w] = _step;
        _weights[w] += delta;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRow(ReadOnlySpan<float> row, Span<float> scores)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var width = Vector<float>.Count;
            for (; i <= row.Length - width; i += width)
            {
                (new Vector<float>(row[i..]) + new Vector<float>(scores[i..])).CopyTo(scores[i..]);
            }
        }

        for (; i < row.Length; i++)
        {
            scores[i] += row[i];
        }
    }

    private static int Capacity(int features) => (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(features * 2, MinCapacity));

    /// <summary>A table slot: the feature key, its row, and its dense row or -1.</summary>
    private readonly record struct Slot(ulong Key, int Row, int Dense)
    {
        public static readonly Slot Missing = new(EmptyKey, -1, -1);
    }

    private readonly record struct Entry(int Class, float Weight);
}
