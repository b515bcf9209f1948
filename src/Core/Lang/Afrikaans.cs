using Pipeline.Tokenization;

namespace Pipeline.Lang;

/// <summary>
/// Afrikaans ("af"): the language-neutral tokenizer rules under its own code, so models trained from a
/// template carry the right language; a learned tokenizer in the model replaces these rules.
/// </summary>
public sealed class Afrikaans : Language
{
    /// <summary>Creates a blank Afrikaans pipeline.</summary>
    public Afrikaans()
        : base(new LanguageDefaults("af", vocab => new Tokenizer(vocab, MultiLanguageRules.Create())))
    {
    }
}
