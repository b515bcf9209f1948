using Pipeline.Tokens;

namespace Pipeline.Components.Matching;

/// <summary>
/// The compiled patterns of an <see cref="EntityRuler"/> with their phrase and token matchers. Patterns are
/// numbered in the order added; matches refer to them by that number.
/// </summary>
internal sealed class EntityRuleSet(Vocab vocab, bool phraseLower)
{
    private readonly List<CompiledPattern> _patterns = [];
    private readonly TokenPatternMatcher _tokens = new();
    private PhraseMatcher _phrases = new(phraseLower);

    /// <summary>Whether phrases are compared by lower-case text.</summary>
    public bool PhraseLower => _phrases.UseLower;

    /// <summary>The patterns, in the order added.</summary>
    public IReadOnlyList<CompiledPattern> Patterns => _patterns;

    public void Add(CompiledPattern pattern)
    {
        var index = _patterns.Count;
        _patterns.Add(pattern);
        if (pattern.PhraseOrths is not null)
        {
            _phrases.Add(vocab, pattern.PhraseOrths, index);
        }
        else
        {
            _tokens.Add(pattern.Steps!, index);
        }
    }

    /// <summary>Switches phrase comparison between ORTH and LOWER, re-indexing the phrases.</summary>
    public void SetPhraseLower(bool lower)
    {
        if (lower == _phrases.UseLower)
        {
            return;
        }

        var phrases = new PhraseMatcher(lower);
        for (var i = 0; i < _patterns.Count; i++)
        {
            if (_patterns[i].PhraseOrths is { } orths)
            {
                phrases.Add(vocab, orths, i);
            }
        }

        _phrases = phrases;
    }

    /// <summary>The doc attributes the patterns test: the text, plus whatever their token constraints read.</summary>
    public IEnumerable<Attr> ReadAttributes() =>
        _patterns.SelectMany(p => p.Steps ?? []).SelectMany(s => s.Constraints)
            .Select(c => TokenAttrValues.SourceOf(c.Attr)).Prepend(Attr.Orth).Distinct();

    /// <summary>Appends all phrase and token-pattern matches in <paramref name="doc"/>.</summary>
    public void FindMatches(Doc doc, List<RuleMatch> output)
    {
        _phrases.FindMatches(doc, output);
        _tokens.FindMatches(doc, output);
    }
}
