using Pipeline.Tokenization;

namespace Pipeline.Lang;

/// <summary>
/// Maltese ("mt"): the language-neutral tokenizer rules under its own code, so models trained from a
/// template carry the right language; a learned tokenizer in the model replaces these rules.
/// </summary>
public sealed class Maltese : Language
{
    /// <summary>Creates a blank Maltese pipeline.</summary>
    public Maltese()
        : base(new LanguageDefaults("mt", vocab => new Tokenizer(vocab, MultiLanguageRules.Create())))
    {
    }
}
