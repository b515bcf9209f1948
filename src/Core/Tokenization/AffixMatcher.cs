using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Tokenization;

/// <summary>
/// Finds the longest prefix (or suffix) of a string that the rules split off: a literal from a hash set (probed
/// only when the edge character can start one), a symbol of a listed Unicode category, or a regex match.
/// Immutable and safe for concurrent use.
/// </summary>
internal sealed class AffixMatcher
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _literals;
    private readonly SearchValues<char> _edgeChars;
    private readonly int _maxLength;
    private readonly uint _categories;
    private readonly Regex? _regex;
    private readonly bool _atEnd;

    /// <summary>Builds a matcher; patterns must already be validated.</summary>
    public AffixMatcher(IReadOnlyList<string> literals, IReadOnlyList<string> patterns, IReadOnlyList<UnicodeCategory> categories, bool atEnd)
    {
        _atEnd = atEnd;
        var set = new HashSet<string>(literals, StringComparer.Ordinal);
        _literals = set.GetAlternateLookup<ReadOnlySpan<char>>();
        _edgeChars = SearchValues.Create(string.Concat(set.Select(l => atEnd ? l[^1] : l[0]).Distinct()));
        _maxLength = set.Count == 0 ? 0 : set.Max(l => l.Length);
        _categories = SymbolCluster.Mask(categories);
        if (patterns.Count > 0)
        {
            var alternation = string.Join("|", patterns.Select(p => $"(?:{p})"));
            _regex = RegexCache.Get(atEnd ? $"(?:{alternation})\\z" : $"\\A(?:{alternation})");
        }
    }

    /// <summary>The compiled pattern of the regex alternative, or null when the matcher has no patterns.</summary>
    public string? Pattern => _regex?.ToString();

    /// <summary>The length of the longest affix at the matcher's end of <paramref name="s"/>, or 0 for none.</summary>
    public int Match(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return 0;
        }

        var best = MatchLiteral(s);
        if (_categories != 0)
        {
            best = Math.Max(best, _atEnd ? SymbolCluster.MatchEnd(s, _categories) : SymbolCluster.MatchStart(s, _categories));
        }

        if (_regex is not null)
        {
            foreach (var match in _regex.EnumerateMatches(s))
            {
                if (_atEnd ? match.Index + match.Length == s.Length : match.Index == 0)
                {
                    best = Math.Max(best, match.Length);
                }

                break;
            }
        }

        return best;
    }

    private int MatchLiteral(ReadOnlySpan<char> s)
    {
        if (_maxLength == 0 || !_edgeChars.Contains(_atEnd ? s[^1] : s[0]))
        {
            return 0;
        }

        for (var length = Math.Min(_maxLength, s.Length); length > 0; length--)
        {
            if (_literals.Contains(_atEnd ? s[^length..] : s[..length]))
            {
                return length;
            }
        }

        return 0;
    }
}
