using System.Collections.Concurrent;

namespace Pipeline.Training.Scoring;

/// <summary>
/// Normalizes annotation values the way the CoNLL 2018 shared task compares them: FEATS reduced to the universal
/// features (language-specific and layered features such as <c>Number[psor]</c> dropped) in sorted order, and
/// dependency relations reduced to their universal part before the colon (<c>nmod:poss</c> becomes <c>nmod</c>).
/// </summary>
internal static class UniversalFeatures
{
    // The universal features of the CoNLL 2018 evaluation.
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "PronType", "NumType", "Poss", "Reflex", "Foreign", "Abbr", "Gender", "Animacy", "Number", "Case",
        "Definite", "Degree", "VerbForm", "Mood", "Tense", "Aspect", "Voice", "Evident", "Polarity", "Person", "Polite",
    };

    private const int MaxCached = 100_000;
    private static readonly ConcurrentDictionary<string, ulong> FeatsCache = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, ulong> DeprelCache = new(StringComparer.Ordinal);

    /// <summary>The hash of the sorted universal features of a FEATS value (0 when there are none).</summary>
    public static ulong Feats(string feats)
    {
        if (feats.Length == 0 || feats == "_")
        {
            return 0;
        }

        return Cached(FeatsCache, feats, FilterFeats);
    }

    /// <summary>The hash of the universal part of a dependency relation (0 when empty).</summary>
    public static ulong Deprel(string deprel)
    {
        if (deprel.Length == 0)
        {
            return 0;
        }

        return Cached(DeprelCache, deprel, Universal);
    }

    // A hit costs one lock-free lookup; only a miss asks for the size (ConcurrentDictionary.Count takes every lock).
    private static ulong Cached(ConcurrentDictionary<string, ulong> cache, string value, Func<string, ulong> compute)
    {
        if (cache.TryGetValue(value, out var hash))
        {
            return hash;
        }

        hash = compute(value);
        if (cache.Count < MaxCached)
        {
            cache.TryAdd(value, hash);
        }

        return hash;
    }

    private static ulong Universal(string deprel)
    {
        var colon = deprel.IndexOf(':');
        return StringStore.Hash(colon < 0 ? deprel : deprel.AsSpan(0, colon));
    }

    private static ulong FilterFeats(string feats)
    {
        var kept = new List<string>();
        foreach (var part in feats.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            if (eq > 0 && Names.Contains(part[..eq]))
            {
                kept.Add(part);
            }
        }

        kept.Sort(StringComparer.Ordinal);
        return kept.Count == 0 ? 0 : StringStore.Hash(string.Join('|', kept));
    }
}
