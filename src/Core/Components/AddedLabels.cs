namespace Pipeline.Components;

/// <summary>
/// Remembers the string store a component last added its labels to. A component writes the hashes of its labels
/// into docs of any vocabulary; adding the label strings once per store keeps those hashes resolvable at the cost of
/// one reference check per doc. Safe for concurrent use: a race at worst adds the labels twice.
/// </summary>
internal sealed class AddedLabels
{
    private volatile StringStore? _store;

    /// <summary>Forgets the store, for labels that changed.</summary>
    public void Reset() => _store = null;

    /// <summary>Adds <paramref name="labels"/> to <paramref name="strings"/> unless they were last added there.</summary>
    public void EnsureIn(StringStore strings, IEnumerable<string> labels)
    {
        if (ReferenceEquals(_store, strings))
        {
            return;
        }

        foreach (var label in labels)
        {
            strings.Add(label);
        }

        _store = strings;
    }
}
