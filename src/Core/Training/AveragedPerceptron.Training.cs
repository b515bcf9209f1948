namespace Pipeline.Training;

public sealed partial class AveragedPerceptron
{
    /// <summary>
    /// Learns from one instance: when <paramref name="guess"/> differs from <paramref name="gold"/>, every feature's
    /// weight for the gold class goes up by one and for the guess down by one. Counts as one step either way.
    /// </summary>
    public void Update(ReadOnlySpan<ulong> features, int gold, int guess)
    {
        var training = _training ?? throw Errors.ModelAveraged();

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
            training.Bump(row, gold, 1f, _step);
            training.Bump(row, guess, -1f, _step);
        }
    }

    /// <summary>
    /// Finishes training: every weight becomes its average over all steps, weights that average to zero (or to less
    /// than <paramref name="pruneBelow"/> in magnitude) are dropped, and the training bookkeeping is released. Does
    /// nothing on an averaged model.
    /// </summary>
    public void Average(float pruneBelow = 0f)
    {
        if (IsAveraged)
        {
            return;
        }

        var averaged = CreateAveraged(pruneBelow > 0f ? pruneBelow : PruneBelow);
        _table = averaged._table;
        _homeShift = averaged._homeShift;
        _rows = averaged._rows;
        _rowKeys = averaged._rowKeys;
        _rowStarts = averaged._rowStarts;
        _entries = averaged._entries;
        _dense = averaged._dense;
        _training = null;
    }

    /// <summary>
    /// An averaged copy of the model without weights smaller than <paramref name="pruneBelow"/>, leaving this one
    /// free to go on training (e.g. for checkpoints).
    /// </summary>
    public AveragedPerceptron CreateAveraged(float? pruneBelow = null)
    {
        var threshold = pruneBelow ?? PruneBelow;
        if (IsAveraged)
        {
            return this;
        }

        var classes = Classes;
        var training = _training!;
        var rowClasses = new int[classes];
        var rowValues = new float[classes];
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
            var count = training.Average(slot.Row, _step, rowClasses, rowValues);
            for (var e = 0; e < count; e++)
            {
                if (Math.Abs(rowValues[e]) >= threshold)
                {
                    entries.Add(new Entry(rowClasses[e], rowValues[e]));
                }
            }

            if (entries.Count > before)
            {
                keys.Add(slot.Key);
                starts.Add(entries.Count);
            }
        }

        return Build(classes, [.. keys], [.. starts], [.. entries]);
    }

    private int GetOrAddRow(ulong feature)
    {
        var key = Key(feature);
        var mask = _table.Length - 1;
        var slot = (int)(key >> HomeShift(_table.Length));
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

        _table[slot] = new Slot(key, _training!.AddRow(), -1);
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

            var slot = (int)(entry.Key >> HomeShift(_table.Length));
            while (_table[slot].Key != EmptyKey)
            {
                slot = (slot + 1) & mask;
            }

            _table[slot] = entry;
        }
    }
}
