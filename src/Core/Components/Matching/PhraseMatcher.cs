using System.Buffers;
using Pipeline.Tokens;

namespace Pipeline.Components.Matching;

/// <summary>
/// Finds token sequences equal to phrase patterns, comparing verbatim texts (ORTH) or lower-case texts (LOWER) by
/// hash. Phrases are indexed by their first token, so each doc position costs one dictionary lookup however many
/// phrases there are.
/// </summary>
internal sealed class PhraseMatcher(bool useLower)
{
    private readonly Dictionary<ulong, List<(ulong[] Keys, int Pattern)>> _byFirst = [];

    /// <summary>Whether tokens are compared by their lower-case form.</summary>
    public bool UseLower { get; } = useLower;

    /// <summary>The number of phrases added.</summary>
    public int Count { get; private set; }

    /// <summary>The key of a token text under this matcher's attribute.</summary>
    public ulong Key(Vocab vocab, ulong orth) => UseLower ? vocab.GetLexeme(orth).Lower : orth;

    /// <summary>Adds a phrase given as the texts (hashes) of its tokens.</summary>
    public void Add(Vocab vocab, IReadOnlyList<ulong> orths, int pattern)
    {
        var keys = new ulong[orths.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = Key(vocab, orths[i]);
        }

        if (!_byFirst.TryGetValue(keys[0], out var list))
        {
            _byFirst[keys[0]] = list = [];
        }

        list.Add((keys, pattern));
        Count++;
    }

    /// <summary>Appends every phrase occurrence in <paramref name="doc"/>.</summary>
    public void FindMatches(Doc doc, List<RuleMatch> output)
    {
        var n = doc.Length;
        if (Count == 0 || n == 0)
        {
            return;
        }

        ulong[]? rented = null;
        try
        {
            ReadOnlySpan<ulong> keys = doc.OrthColumn;
            if (UseLower)
            {
                rented = ArrayPool<ulong>.Shared.Rent(n);
                for (var i = 0; i < n; i++)
                {
                    rented[i] = doc.Vocab.GetLexeme(doc.OrthColumn[i]).Lower;
                }

                keys = rented.AsSpan(0, n);
            }

            for (var i = 0; i < n; i++)
            {
                if (!_byFirst.TryGetValue(keys[i], out var candidates))
                {
                    continue;
                }

                foreach (var (phrase, pattern) in candidates)
                {
                    if (phrase.Length <= n - i && keys.Slice(i, phrase.Length).SequenceEqual(phrase))
                    {
                        output.Add(new RuleMatch(i, i + phrase.Length, pattern));
                    }
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<ulong>.Shared.Return(rented);
            }
        }
    }
}
