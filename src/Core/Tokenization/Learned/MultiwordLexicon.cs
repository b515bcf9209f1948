namespace Pipeline.Tokenization.Learned;

/// <summary>
/// The multiword tokens learned from a treebank: lower-cased surface form -> lower-cased words, for forms that were
/// a multiword token in most of their occurrences, and for ambiguous forms (fr "des": "de les" or a determiner)
/// that <see cref="MultiwordChooser"/> decides in context. Expanding restores the surface's case: words that spell
/// the surface are cut from it; others take its capitalization.
/// </summary>
internal sealed class MultiwordLexicon
{
    private readonly Dictionary<string, string[]> _entries;
    private readonly Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // Per (length, lower-cased first and last character bits), whether a surface form has them: most tokens are
    // ruled out without lower-casing or hashing.
    private readonly bool[] _candidates;

    /// <summary>The longest surface form kept (expansion lower-cases on the stack).</summary>
    public const int MaxSurface = 64;

    public MultiwordLexicon(Dictionary<string, string[]> entries, IEnumerable<string>? ambiguous = null)
    {
        Ambiguous = (ambiguous ?? []).Where(entries.ContainsKey).ToHashSet(StringComparer.Ordinal);
        _ambiguousLookup = Ambiguous.GetAlternateLookup<ReadOnlySpan<char>>();
        _entries = entries.Where(e => e.Key.Length <= MaxSurface).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
        MaxLength = _entries.Count == 0 ? 0 : _entries.Keys.Max(k => k.Length);
        _candidates = new bool[(MaxSurface + 1) * 64];
        foreach (var key in _entries.Keys)
        {
            _candidates[Candidate(key)] = true;
        }
    }

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _ambiguousLookup;

    /// <summary>The forms whose expansion depends on the context.</summary>
    public HashSet<string> Ambiguous { get; }

    /// <summary>The entries, for serialization.</summary>
    public IReadOnlyDictionary<string, string[]> Entries => _entries;

    /// <summary>The longest surface form.</summary>
    public int MaxLength { get; }

    /// <summary>The expansion of <paramref name="surface"/> with its case restored, or null when it is not a multiword token.</summary>
    public string[]? Expand(ReadOnlySpan<char> surface) => Lookup(surface, out _);

    /// <summary>The expansion as <see cref="Expand"/>, and whether the form is ambiguous (to be decided in context).</summary>
    public string[]? Lookup(ReadOnlySpan<char> surface, out bool ambiguous)
    {
        ambiguous = false;
        if (surface.Length > MaxLength || surface.Length == 0 || !_candidates[Candidate(surface)])
        {
            return null;
        }

        Span<char> lower = stackalloc char[surface.Length];
        for (var i = 0; i < surface.Length; i++)
        {
            lower[i] = CharFeatures.Lower(surface[i]);
        }

        if (!_lookup.TryGetValue(lower, out var words))
        {
            return null;
        }

        ambiguous = Ambiguous.Count > 0 && _ambiguousLookup.Contains(lower);

        var result = new string[words.Length];
        if (Spells(words, lower))
        {
            var position = 0;
            for (var k = 0; k < words.Length; k++)
            {
                result[k] = surface.Slice(position, words[k].Length).ToString();
                position += words[k].Length;
            }

            return result;
        }

        var allUpper = surface.Length > 1 && !surface.ContainsAnyInRange('a', 'z') && char.IsUpper(surface[0]) && char.IsUpper(surface[^1]);
        for (var k = 0; k < words.Length; k++)
        {
            var word = words[k];
            if (allUpper)
            {
                result[k] = word.ToUpperInvariant();
            }
            else if (k == 0 && char.IsUpper(surface[0]) && word.Length > 0)
            {
                result[k] = char.ToUpperInvariant(word[0]) + word[1..];
            }
            else
            {
                result[k] = word;
            }
        }

        return result;
    }

    private static int Candidate(ReadOnlySpan<char> surface) =>
        (surface.Length * 64) + ((CharFeatures.Lower(surface[0]) & 7) << 3) + (CharFeatures.Lower(surface[^1]) & 7);

    private static bool Spells(string[] words, ReadOnlySpan<char> lower)
    {
        var position = 0;
        foreach (var word in words)
        {
            if (!lower[position..].StartsWith(word, StringComparison.Ordinal))
            {
                return false;
            }

            position += word.Length;
        }

        return position == lower.Length;
    }
}
