using Pipeline.Tokenization;

namespace Pipeline.Lang;

/// <summary>
/// Builds the special-case table of a language: each case maps a string to pieces that concatenate to it.
/// Helpers add the usual spelling variants (capitalized, upper case, typographic apostrophe) of a case.
/// </summary>
internal sealed class SpecialCaseTable
{
    private readonly Dictionary<string, IReadOnlyList<SpecialCasePiece>> _cases = new(StringComparer.Ordinal);

    /// <summary>The cases added so far.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SpecialCasePiece>> Cases => _cases;

    /// <summary>Adds one case exactly as given (a later add of the same text replaces it).</summary>
    public void Add(string text, params SpecialCasePiece[] pieces) => _cases[text] = pieces;

    /// <summary>Keeps each string whole (e.g. abbreviations ending in a period).</summary>
    public void KeepWhole(params IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            Add(text, new SpecialCasePiece(text));
        }
    }

    /// <summary>
    /// Adds a case written in lower case together with its capitalized and upper-case spellings, and each of those
    /// with ’ for '. Norms stay as given.
    /// </summary>
    public void AddVariants(params SpecialCasePiece[] pieces)
    {
        foreach (var apostrophe in new[] { "'", "’" })
        {
            var withApostrophe = Array.ConvertAll(pieces, p => p with { Text = p.Text.Replace("'", apostrophe, StringComparison.Ordinal) });
            AddSpelling(withApostrophe);
            AddSpelling(Capitalize(withApostrophe));
            AddSpelling(Array.ConvertAll(withApostrophe, p => p with { Text = p.Text.ToUpperInvariant() }));
        }
    }

    /// <summary>Keeps each string whole in its given, capitalized and upper-case spellings.</summary>
    public void KeepWholeVariants(params IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            AddVariants(new SpecialCasePiece(text));
        }
    }

    private void AddSpelling(SpecialCasePiece[] pieces) => Add(string.Concat(pieces.Select(p => p.Text)), pieces);

    private static SpecialCasePiece[] Capitalize(SpecialCasePiece[] pieces)
    {
        var result = (SpecialCasePiece[])pieces.Clone();
        var first = result[0].Text;
        var index = first.TakeWhile(c => !char.IsLetter(c)).Count();
        if (index < first.Length)
        {
            result[0] = result[0] with { Text = first[..index] + char.ToUpperInvariant(first[index]) + first[(index + 1)..] };
        }

        return result;
    }
}
