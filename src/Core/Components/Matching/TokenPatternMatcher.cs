using System.Numerics;
using Pipeline.Tokens;

namespace Pipeline.Components.Matching;

/// <summary>
/// Finds every match of compiled token patterns in a doc. Each pattern runs as a small automaton whose live states
/// are the bits of one 64-bit mask, so matching allocates nothing per token. Patterns whose first token needs an
/// exact ORTH or LOWER value are indexed by that value and only tried where it occurs.
/// </summary>
internal sealed class TokenPatternMatcher
{
    private readonly Dictionary<ulong, List<Entry>> _byOrth = [];
    private readonly Dictionary<ulong, List<Entry>> _byLower = [];
    private readonly List<Entry> _scan = [];

    /// <summary>The number of patterns added.</summary>
    public int Count { get; private set; }

    /// <summary>Adds a compiled pattern, reported in matches as <paramref name="pattern"/>.</summary>
    public void Add(TokenStep[] steps, int pattern)
    {
        var entry = new Entry(steps, pattern);
        Count++;
        var first = steps[0];
        if (first.Quantifier is Quantifier.One or Quantifier.OneOrMore)
        {
            foreach (var constraint in first.Constraints)
            {
                if (constraint.IsExactText)
                {
                    var index = constraint.Attr == TokenAttr.Orth ? _byOrth : _byLower;
                    if (!index.TryGetValue(constraint.Value, out var list))
                    {
                        index[constraint.Value] = list = [];
                    }

                    list.Add(entry);
                    return;
                }
            }
        }

        _scan.Add(entry);
    }

    /// <summary>Appends every (start, end, pattern) match in <paramref name="doc"/>, empty matches excluded.</summary>
    public void FindMatches(Doc doc, List<RuleMatch> output)
    {
        if (Count == 0)
        {
            return;
        }

        for (var start = 0; start < doc.Length; start++)
        {
            var orth = doc.OrthColumn[start];
            if (_byOrth.Count > 0 && _byOrth.TryGetValue(orth, out var byOrth))
            {
                foreach (var entry in byOrth)
                {
                    Run(doc, start, entry, output);
                }
            }

            if (_byLower.Count > 0 && _byLower.TryGetValue(doc.Vocab.GetLexeme(orth).Lower, out var byLower))
            {
                foreach (var entry in byLower)
                {
                    Run(doc, start, entry, output);
                }
            }

            foreach (var entry in _scan)
            {
                Run(doc, start, entry, output);
            }
        }
    }

    private static void Run(Doc doc, int start, Entry entry, List<RuleMatch> output)
    {
        var steps = entry.Steps;
        var accept = 1UL << steps.Length;
        var states = Close(steps, 1UL);
        for (var j = start; j < doc.Length && (states & (accept - 1)) != 0; j++)
        {
            var next = 0UL;
            var live = states & (accept - 1);
            while (live != 0)
            {
                var s = BitOperations.TrailingZeroCount(live);
                live &= live - 1;
                var step = steps[s];
                if (step.Accepts(doc, j))
                {
                    next |= 1UL << (s + 1);
                    if (step.Repeats)
                    {
                        next |= 1UL << s;
                    }
                }
            }

            states = Close(steps, next);
            if ((states & accept) != 0)
            {
                output.Add(new RuleMatch(start, j + 1, entry.Pattern));
            }
        }
    }

    /// <summary>Adds the states reachable without consuming a token (skipping "?" and "*" steps).</summary>
    private static ulong Close(TokenStep[] steps, ulong states)
    {
        for (var s = 0; s < steps.Length; s++)
        {
            if ((states & (1UL << s)) != 0 && steps[s].Skippable)
            {
                states |= 1UL << (s + 1);
            }
        }

        return states;
    }

    private sealed record Entry(TokenStep[] Steps, int Pattern);
}
