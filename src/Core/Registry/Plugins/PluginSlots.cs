using System.Collections.Concurrent;

namespace Pipeline.Registry.Plugins;

/// <summary>
/// The named entries of one registry (factories, languages, lookups or colors) with where each comes from:
/// built in, registered by user code, or claimed by a plugin assembly. Replacing a built-in entry raises the
/// registry's override warning; two assemblies claiming one name turn the entry into error E135, raised when the
/// name is used (so an unused conflict does not break unrelated loading).
/// </summary>
/// <typeparam name="T">The value kept per name.</typeparam>
internal sealed class PluginSlots<T>(string kind, Action<string, string, string> overrideWarning)
    where T : class
{
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    /// <summary>Called when a name is not found; returns true when it found new plugins (then the lookup is retried).</summary>
    public Func<bool>? OnMiss { get; set; }

    public IReadOnlyCollection<string> Names => _slots.Keys.Order(StringComparer.Ordinal).ToList();

    public bool Contains(string name) => _slots.ContainsKey(name) || (OnMiss?.Invoke() == true && _slots.ContainsKey(name));

    public string? SourceOf(string name) => _slots.TryGetValue(name, out var slot) ? slot.Source : null;

    public bool IsBuiltIn(string name) => _slots.TryGetValue(name, out var slot) && slot.Origin == Origin.BuiltIn;

    /// <summary>The values that are usable (no error), by name.</summary>
    public IEnumerable<KeyValuePair<string, T>> Usable =>
        _slots.Where(p => p.Value.Error is null).Select(p => KeyValuePair.Create(p.Key, p.Value.Value!));

    public void SetBuiltIn(string name, T value) => _slots[name] = new Slot(value, "built-in", Origin.BuiltIn, null);

    /// <summary>Registers from user code: replaces whatever is there (a built-in one with a warning).</summary>
    public void SetUser(string name, T value, string source)
    {
        var slot = new Slot(value, source, Origin.User, null);
        _slots.AddOrUpdate(name, slot, (_, previous) =>
        {
            if (previous.Origin == Origin.BuiltIn)
            {
                overrideWarning(name, previous.Source, source);
            }

            return slot;
        });
    }

    /// <summary>Registers what a plugin assembly claims (a value, or the error its bad declaration gets).</summary>
    public void SetPlugin(string name, T? value, Func<PipelineException>? error, string assembly)
    {
        var source = $"assembly '{assembly}'";
        var slot = new Slot(value, source, Origin.Plugin, error, assembly);
        _slots.AddOrUpdate(name, slot, (_, previous) =>
        {
            switch (previous.Origin)
            {
                case Origin.BuiltIn:
                    overrideWarning(name, previous.Source, source);
                    return slot;
                case Origin.User:
                    return previous;
                default:
                    if (previous.Assembly == assembly || (error is null && previous.Error is null && Equals(previous.Value, value)))
                    {
                        return previous;
                    }

                    if (previous.Conflict)
                    {
                        return previous;
                    }

                    var first = previous.Assembly!;
                    return previous with { Value = null, Error = () => Errors.PluginConflict(kind, name, first, assembly), Conflict = true };
            }
        });
    }

    public bool Remove(string name) => _slots.TryRemove(name, out _);

    /// <summary>Looks the name up, scanning for new plugins once on a miss; an entry in error throws its error.</summary>
    public bool TryGet(string name, out T value)
    {
        if (!_slots.TryGetValue(name, out var slot) && !(OnMiss?.Invoke() == true && _slots.TryGetValue(name, out slot)))
        {
            value = null!;
            return false;
        }

        if (slot.Error is not null)
        {
            throw slot.Error();
        }

        value = slot.Value!;
        return true;
    }

    private enum Origin
    {
        BuiltIn,
        User,
        Plugin,
    }

    private sealed record Slot(T? Value, string Source, Origin Origin, Func<PipelineException>? Error, string? Assembly = null, bool Conflict = false);
}
