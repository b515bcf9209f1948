using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Pipeline;

/// <summary>
/// A component's settings that remember which keys its factory (and its loading) asked for, so keys of meta.json's
/// "pipeline_args" that nothing reads can be reported (W031) instead of being ignored without a word; the keys asked
/// for are the ones the component knows, which gives the nearest to suggest.
/// </summary>
internal sealed class TrackedConfig(Dictionary<string, object?> values) : IReadOnlyDictionary<string, object?>
{
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);
    private bool _enumerated;

    /// <summary>The keys asked for so far (everything, once the settings were enumerated).</summary>
    public IReadOnlyCollection<string> Asked => _enumerated ? values.Keys : _asked;

    /// <summary>Whether the settings were enumerated (every key then counts as read).</summary>
    public bool Enumerated => _enumerated;

    /// <inheritdoc/>
    public int Count => values.Count;

    /// <inheritdoc/>
    public IEnumerable<string> Keys => Enumerate().Select(p => p.Key);

    /// <inheritdoc/>
    public IEnumerable<object?> Values => Enumerate().Select(p => p.Value);

    /// <inheritdoc/>
    public object? this[string key]
    {
        get
        {
            Ask(key);
            return values[key];
        }
    }

    /// <inheritdoc/>
    public bool ContainsKey(string key)
    {
        Ask(key);
        return values.ContainsKey(key);
    }

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        Ask(key);
        return values.TryGetValue(key, out value);
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => Enumerate().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void Ask(string key)
    {
        lock (_asked)
        {
            _asked.Add(key);
        }
    }

    private Dictionary<string, object?> Enumerate()
    {
        _enumerated = true;
        return values;
    }
}
