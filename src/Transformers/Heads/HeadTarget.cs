using Pipeline.Components.Lemmatization;
using Pipeline.Tokens;

namespace Pipeline.Transformers.Heads;

/// <summary>What a <see cref="NeuralTokenClassifier"/> predicts: its factory name and the token attribute it reads (gold) and sets.</summary>
/// <param name="Name">The factory and component name.</param>
/// <param name="Attribute">The attribute it sets.</param>
/// <param name="Gold">A token's gold label, or null when it has none.</param>
/// <param name="Set">Sets a token's predicted label.</param>
internal sealed record HeadTarget(string Name, Attr Attribute, Func<Token, string?> Gold, Action<Token, string> Set)
{
    /// <summary>The separator of UPOS and XPOS in a joint tag label ("VERB\tVBD"); CoNLL-U columns never hold a tab.</summary>
    public const char TagSeparator = '\t';

    /// <summary>Universal part-of-speech tags (token.Pos).</summary>
    public static HeadTarget Upos { get; } = new(NeuralTokenClassifier.TaggerName, Attr.Pos, t => t.Pos is { Length: > 0 } pos ? pos : null, SetTags);

    /// <summary>
    /// Universal and language-specific part-of-speech tags (token.Pos and token.Tag), one joint label per pair
    /// ("VERB\tVBD"); a token without an XPOS gets its UPOS alone as its label, so a corpus without XPOS trains
    /// exactly the UPOS tagger.
    /// </summary>
    public static HeadTarget UposXpos { get; } = new(
        NeuralTokenClassifier.TaggerName,
        Attr.Pos,
        t => t.Pos is not { Length: > 0 } pos ? null : t.Tag is { Length: > 0 } tag && tag != "_" ? pos + TagSeparator + tag : pos,
        SetTags);

    /// <summary>Universal features (token.Morph), one label per feature set.</summary>
    public static HeadTarget UFeats { get; } = new(NeuralTokenClassifier.MorphologizerName, Attr.Morph, t => t.Morph, (t, label) => t.Morph = label);

    /// <summary>
    /// Lemmas (token.Lemma) as the sm lemmatizer's edit scripts (<see cref="EditScript"/>): one label per script,
    /// applied to the token's form; a script that does not fit the form leaves the form as the lemma.
    /// </summary>
    public static HeadTarget Lemma { get; } = new(
        NeuralTokenClassifier.LemmatizerName,
        Attr.Lemma,
        t => t.Lemma is { Length: > 0 } lemma ? EditScript.Between(t.Text, lemma).Code : null,
        (t, label) => t.Lemma = EditScript.Parse(label) is { } script && script.TryApply(t.Text, out var lemma) ? lemma : t.Text);

    /// <summary>Whether <paramref name="label"/> is a joint UPOS and XPOS label.</summary>
    public static bool IsJoint(string label) => label.Contains(TagSeparator, StringComparison.Ordinal);

    // Sets token.Pos from a UPOS label, or token.Pos and token.Tag from a joint label.
    private static void SetTags(Token token, string label)
    {
        var split = label.IndexOf(TagSeparator, StringComparison.Ordinal);
        if (split < 0)
        {
            token.Pos = label;
            return;
        }

        token.Pos = label[..split];
        token.Tag = label[(split + 1)..];
    }
}
