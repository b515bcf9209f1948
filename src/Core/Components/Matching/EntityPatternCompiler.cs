namespace Pipeline.Components.Matching;

/// <summary>
/// Validates an <see cref="EntityPattern"/> and compiles it: phrases are tokenized with the pipeline's tokenizer,
/// token patterns are brought to canonical form and compiled into steps. Problems go to a <see cref="PatternFailure"/>.
/// </summary>
internal static class EntityPatternCompiler
{
    public static CompiledPattern Compile(Language nlp, EntityPattern pattern, PatternFailure fail)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (string.IsNullOrWhiteSpace(pattern.Label))
        {
            throw fail("label", "is empty; give the entity type, e.g. \"ORG\"");
        }

        nlp.Vocab.Strings.Add(pattern.Label);
        if (pattern.Id is not null)
        {
            nlp.Vocab.Strings.Add(pattern.Id);
        }

        if (pattern.Phrase is not null)
        {
            if (string.IsNullOrWhiteSpace(pattern.Phrase))
            {
                throw fail("pattern", "is an empty phrase; give the text to match, e.g. \"Apple\"");
            }

            var doc = nlp.MakeDoc(pattern.Phrase);
            if (doc.Length == 0)
            {
                throw fail("pattern", "produced no tokens");
            }

            return new CompiledPattern(pattern, doc.OrthColumn, null);
        }

        var specs = new List<IReadOnlyDictionary<string, object?>>(pattern.Tokens!.Count);
        for (var t = 0; t < pattern.Tokens.Count; t++)
        {
            specs.Add(PatternValues.CanonicalSpec(pattern.Tokens[t], $"pattern[{t}]", fail));
        }

        var steps = TokenPatternCompiler.Compile(specs, fail);
        return new CompiledPattern(new EntityPattern(pattern.Label, specs, pattern.Id), null, steps);
    }
}
