using System.Collections;
using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Pipeline;

/// <summary>
/// Maps strings to stable 64-bit hashes and back. Every annotation (texts, tags, labels) is stored as a hash,
/// so docs hold numbers, not strings; the same string hashes to the same value in every process and version.
/// Safe for concurrent use.
/// </summary>
public sealed class StringStore : IEnumerable<string>
{
    private readonly ConcurrentDictionary<ulong, string> _strings = new();

    /// <summary>Creates an empty store.</summary>
    public StringStore()
    {
    }

    /// <summary>Creates a store holding the given strings.</summary>
    public StringStore(IEnumerable<string> strings)
    {
        foreach (var s in strings)
        {
            Add(s);
        }
    }

    /// <summary>The number of distinct strings held (the empty string is implicit and not counted).</summary>
    public int Count => _strings.Count;

    /// <summary>The string of a hash; throws E021 when this store never saw it.</summary>
    public string this[ulong hash] => TryGetString(hash, out var s) ? s : throw Errors.UnknownString(hash);

    /// <summary>The stable hash of a string: 0 for the empty string, otherwise XxHash3 of its UTF-16 code units.</summary>
    public static ulong Hash(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return 0;
        }

        var hash = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(text));
        return hash == 0 ? 1 : hash;
    }

    /// <summary>Adds a string (if new) and returns its hash.</summary>
    public ulong Add(string text)
    {
        var hash = Hash(text);
        if (hash != 0)
        {
            var stored = _strings.GetOrAdd(hash, text);
            if (!ReferenceEquals(stored, text) && !string.Equals(stored, text, StringComparison.Ordinal))
            {
                throw Errors.InvalidArgument($"String '{text}'", $"collides with '{stored}' (hash {hash})");
            }
        }

        return hash;
    }

    /// <summary>Adds a string given as characters (allocating only when it is new) and returns its hash.</summary>
    public ulong Add(ReadOnlySpan<char> text)
    {
        var hash = Hash(text);
        if (hash != 0 && !_strings.ContainsKey(hash))
        {
            Add(text.ToString());
        }

        return hash;
    }

    /// <summary>Whether the hash is known (0, the empty string, always is).</summary>
    public bool Contains(ulong hash) => hash == 0 || _strings.ContainsKey(hash);

    /// <summary>Whether the string has been added.</summary>
    public bool Contains(string text) => Contains(Hash(text)) && TryGetString(Hash(text), out var s) && s == text;

    /// <summary>Looks up the string of a hash without throwing.</summary>
    public bool TryGetString(ulong hash, out string text)
    {
        if (hash == 0)
        {
            text = string.Empty;
            return true;
        }

        if (_strings.TryGetValue(hash, out var found))
        {
            text = found;
            return true;
        }

        text = string.Empty;
        return false;
    }

    /// <summary>The strings in ordinal order, so serialized stores are deterministic.</summary>
    public IEnumerator<string> GetEnumerator() =>
        _strings.Values.Order(StringComparer.Ordinal).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
