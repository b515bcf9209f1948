namespace Pipeline.Training;

/// <summary>
/// The weights of an <see cref="AveragedPerceptron"/> while it trains. Most features are updated for only a few
/// classes, so each feature row first keeps up to <see cref="SparseCapacity"/> (class, weight) pairs inline; a row
/// that needs more classes moves to a dense row over all classes. Dense rows are allocated in chunks, so the
/// weights grow without copying. Every weight carries its running total and the step it last changed, for lazy
/// averaging.
/// </summary>
internal sealed class TrainingWeights
{
    /// <summary>The number of classes a row holds inline before it turns dense.</summary>
    public const int SparseCapacity = 4;

    private readonly int _classes;
    private readonly int _chunkRows;
    private readonly List<float[]> _denseWeights = [];
    private readonly List<double[]> _denseTotals = [];
    private readonly List<int[]> _denseStamps = [];
    private int _rows;
    private int _denseRows;
    private int[] _dense;
    private byte[] _count;
    private ushort[] _sparseClass;
    private float[] _sparseWeight;
    private double[] _sparseTotal;
    private int[] _sparseStamp;

    /// <summary>Creates empty weights for <paramref name="classes"/> classes, with room for <paramref name="expectedRows"/> rows.</summary>
    public TrainingWeights(int classes, int expectedRows)
    {
        _classes = classes;
        _chunkRows = Math.Max(16, (1 << 16) / classes);
        var rows = Math.Max(expectedRows, 16);
        _dense = new int[rows];
        _count = new byte[rows];
        _sparseClass = new ushort[rows * SparseCapacity];
        _sparseWeight = new float[rows * SparseCapacity];
        _sparseTotal = new double[rows * SparseCapacity];
        _sparseStamp = new int[rows * SparseCapacity];
    }

    /// <summary>The number of weights held (inline pairs plus dense rows).</summary>
    public long WeightCount => ((long)_rows * SparseCapacity) + ((long)_denseRows * _classes);

    /// <summary>Adds an empty row and returns its index (rows are numbered 0, 1, 2, ...).</summary>
    public int AddRow()
    {
        if (_rows == _dense.Length)
        {
            var size = _rows * 2;
            Array.Resize(ref _dense, size);
            Array.Resize(ref _count, size);
            Array.Resize(ref _sparseClass, size * SparseCapacity);
            Array.Resize(ref _sparseWeight, size * SparseCapacity);
            Array.Resize(ref _sparseTotal, size * SparseCapacity);
            Array.Resize(ref _sparseStamp, size * SparseCapacity);
        }

        _dense[_rows] = -1;
        return _rows++;
    }

    /// <summary>Adds the current weights of <paramref name="row"/> to <paramref name="scores"/>.</summary>
    public void AddTo(int row, Span<float> scores)
    {
        var dense = _dense[row];
        if (dense >= 0)
        {
            var (chunk, offset) = Locate(dense);
            AveragedPerceptron.AddRow(_denseWeights[chunk].AsSpan(offset, _classes), scores);
            return;
        }

        var start = row * SparseCapacity;
        for (var e = start; e < start + _count[row]; e++)
        {
            scores[_sparseClass[e]] += _sparseWeight[e];
        }
    }

    /// <summary>Adds <paramref name="delta"/> to the weight of class <paramref name="cls"/> in <paramref name="row"/> at <paramref name="step"/>.</summary>
    public void Bump(int row, int cls, float delta, int step)
    {
        var dense = _dense[row];
        if (dense < 0)
        {
            var start = row * SparseCapacity;
            var end = start + _count[row];
            for (var e = start; e < end; e++)
            {
                if (_sparseClass[e] == cls)
                {
                    _sparseTotal[e] += (double)(step - _sparseStamp[e]) * _sparseWeight[e];
                    _sparseStamp[e] = step;
                    _sparseWeight[e] += delta;
                    return;
                }
            }

            if (end - start < SparseCapacity)
            {
                // A new class: its weight was zero until now, so its total is zero too.
                _sparseClass[end] = (ushort)cls;
                _sparseWeight[end] = delta;
                _sparseTotal[end] = 0;
                _sparseStamp[end] = step;
                _count[row]++;
                return;
            }

            dense = MakeDense(row);
        }

        var (chunk, offset) = Locate(dense);
        var w = offset + cls;
        var weights = _denseWeights[chunk];
        var stamps = _denseStamps[chunk];
        _denseTotals[chunk][w] += (double)(step - stamps[w]) * weights[w];
        stamps[w] = step;
        weights[w] += delta;
    }

    /// <summary>
    /// Writes the averaged non-zero weights of <paramref name="row"/> after <paramref name="step"/> steps into
    /// <paramref name="classes"/> and <paramref name="values"/> (each at least the class count long), in class
    /// order; returns how many.
    /// </summary>
    public int Average(int row, int step, Span<int> classes, Span<float> values)
    {
        var count = 0;
        var dense = _dense[row];
        if (dense >= 0)
        {
            var (chunk, offset) = Locate(dense);
            var weights = _denseWeights[chunk];
            var totals = _denseTotals[chunk];
            var stamps = _denseStamps[chunk];
            for (var c = 0; c < _classes; c++)
            {
                var value = Mean(weights[offset + c], totals[offset + c], stamps[offset + c], step);
                if (value != 0f)
                {
                    classes[count] = c;
                    values[count++] = value;
                }
            }

            return count;
        }

        var start = row * SparseCapacity;
        for (var e = start; e < start + _count[row]; e++)
        {
            var value = Mean(_sparseWeight[e], _sparseTotal[e], _sparseStamp[e], step);
            if (value == 0f)
            {
                continue;
            }

            // Insertion sort: a row holds at most SparseCapacity pairs.
            var k = count++;
            while (k > 0 && classes[k - 1] > _sparseClass[e])
            {
                classes[k] = classes[k - 1];
                values[k] = values[k - 1];
                k--;
            }

            classes[k] = _sparseClass[e];
            values[k] = value;
        }

        return count;
    }

    private static float Mean(float weight, double total, int stamp, int step) =>
        step == 0 ? weight : (float)((total + ((double)(step - stamp) * weight)) / step);

    private int MakeDense(int row)
    {
        var dense = _denseRows++;
        if (dense / _chunkRows == _denseWeights.Count)
        {
            _denseWeights.Add(new float[_chunkRows * _classes]);
            _denseTotals.Add(new double[_chunkRows * _classes]);
            _denseStamps.Add(new int[_chunkRows * _classes]);
        }

        var (chunk, offset) = Locate(dense);
        var start = row * SparseCapacity;
        for (var e = start; e < start + _count[row]; e++)
        {
            var w = offset + _sparseClass[e];
            _denseWeights[chunk][w] = _sparseWeight[e];
            _denseTotals[chunk][w] = _sparseTotal[e];
            _denseStamps[chunk][w] = _sparseStamp[e];
        }

        _dense[row] = dense;
        _count[row] = 0;
        return dense;
    }

    private (int Chunk, int Offset) Locate(int dense) => (dense / _chunkRows, dense % _chunkRows * _classes);
}
