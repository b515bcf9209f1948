using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pipeline.Training;

/// <summary>
/// A multiclass averaged perceptron (Collins 2002) over hashed 64-bit features (keyed on their low
/// <see cref="KeyBits"/> bits), found through an open-addressing table. While training, each feature holds its few updated (class, weight) pairs inline, or a dense row of all
/// classes once it has more (see <see cref="TrainingWeights"/>), so models with many classes stay small; averaging
/// is lazy: every weight
/// remembers when it last changed and folds its value into a running total only then, so an update costs what it
/// costs in the plain perceptron. <see cref="Average"/> turns the rows into contiguous sparse rows of the non-zero
/// (class, weight) pairs, which makes the model small and scoring cache-friendly. <see cref="Score"/> allocates
/// nothing and is safe for concurrent use while no update runs.
/// </summary>
public sealed partial class AveragedPerceptron
{
    /// <summary>The largest number of classes a model may have.</summary>
    public const int MaxClasses = 1 << 16;

    /// <summary>
    /// The bits of a feature hash that the model keys on: the low 40. Two features of one model share a key with a
    /// chance of about n² / 2^41 (0.2 for the 600,000 features of a large parser, when one pair then shares weights),
    /// and saved keys take 5 bytes instead of 8, which is most of what a model file holds per feature.
    /// </summary>
    internal const int KeyBits = 40;

    private const ulong KeyMask = (1UL << KeyBits) - 1;
    private const int MinCapacity = 16;
    private const ulong EmptyKey = 0;
    private const ulong ZeroKeySubstitute = 0x9E3779B97F4A7C15UL & KeyMask;

    // A row with at least Classes / DenseRatio non-zero weights is also stored dense for SIMD scoring.
    private const int DenseRatio = 6;

    // Features scored per batch of loads in the averaged model.
    private const int ScoreBatch = 32;
    private Slot[] _table;

    // The averaged table's home-slot shift (its length is not a power of two: see OrderedTable).
    private int _homeShift;
    private int _rows;
    private int _step;

    // Training state: the weights with their running totals and the step each weight last changed.
    private TrainingWeights? _training;

    // Averaged state: row r (feature _rowKeys[r]) has entries _entries[_rowStarts[r].._rowStarts[r + 1]]; rows with
    // many entries are also kept dense (row d at _dense[d * Stride], zero-padded to whole vectors) for SIMD scoring.
    // In the averaged table a slot holds (key, first entry, dense row) or (key, first entry, -entry count), so
    // scoring reaches the weights without another lookup.
    private ulong[]? _rowKeys;
    private int[]? _rowStarts;
    private Entry[]? _entries;
    private float[]? _dense;

    // Receives the values of loads made only to warm the cache (see ScoreBatchOf); never read. Per thread: a field of
    // the shared model written on every scoring call would bounce its cache line between cores that score at once.
    [ThreadStatic]
    private static float _sink;

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
        _training = new TrainingWeights(classes, rows);
    }

    private AveragedPerceptron(int classes, Slot[] table, int homeShift, ulong[] rowKeys, int[] rowStarts, Entry[] entries, float[] dense)
    {
        Classes = classes;
        _table = table;
        _homeShift = homeShift;
        _rows = rowKeys.Length;
        _rowKeys = rowKeys;
        _rowStarts = rowStarts;
        _entries = entries;
        _dense = dense;
    }

    /// <summary>The number of classes; scores are indexed 0..Classes-1.</summary>
    public int Classes { get; }

    /// <summary>
    /// Averaged weights smaller than this in magnitude are dropped when the model is averaged or saved: a smaller,
    /// faster model for a little accuracy (0 keeps every non-zero weight).
    /// </summary>
    public float PruneBelow { get; set; }

    /// <summary>The number of features that have weights.</summary>
    public int FeatureCount => _rows;

    /// <summary>The number of non-zero weights of an averaged model (the weights held, while training).</summary>
    public int WeightCount => _entries?.Length ?? (int)Math.Min(int.MaxValue, _training!.WeightCount);

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
            ScoreAveraged(features, output);
            return;
        }

        var training = _training!;
        foreach (var feature in features)
        {
            var row = FindRow(feature);
            if (row >= 0)
            {
                training.AddTo(row, output);
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Key(ulong feature)
    {
        var key = feature & KeyMask;
        return key == EmptyKey ? ZeroKeySubstitute : key;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FindRow(ulong feature) => FindSlot(feature).Row;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Slot FindSlot(ulong feature)
    {
        var key = Key(feature);
        var table = _table;
        var mask = table.Length - 1;
        var slot = (int)(key >> HomeShift(table.Length));
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void AddRow(ReadOnlySpan<float> row, Span<float> scores)
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

    /// <summary>The length of a dense row: the class count rounded up to whole 512-bit vectors.</summary>
    private static int Stride(int classes) => (classes + 15) & ~15;

    /// <summary>
    /// How far a key is shifted to give its home slot in a table of <paramref name="capacity"/> (a power of two):
    /// its top bits, so keys in ascending order (as model files store them) fill the table front to back, and
    /// building a large table while loading writes memory in order instead of at random.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int HomeShift(int capacity) => KeyBits - BitOperations.Log2((uint)capacity);

    private static int Capacity(int features) => (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(features * 2, MinCapacity));

    /// <summary>
    /// A table slot: the feature key, then while training its row and -1; in an averaged model its first entry and
    /// its dense row, or minus its entry count when it has no dense row.
    /// </summary>
    private readonly record struct Slot(ulong Key, int Row, int Dense)
    {
        public static readonly Slot Missing = new(EmptyKey, -1, -1);
    }

    private readonly record struct Entry(int Class, float Weight);
}
