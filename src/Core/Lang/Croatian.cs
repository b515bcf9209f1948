using Pipeline.Tokenization;

namespace Pipeline.Lang;

/// <summary>
/// Croatian ("hr"): the language-neutral tokenizer rules under its own code, so models trained from a
/// template carry the right language; a learned tokenizer in the model replaces these rules.
/// </summary>
public sealed class Croatian : Language
{
    /// <summary>Creates a blank Croatian pipeline.</summary>
    public Croatian()
        : base(new LanguageDefaults("hr", vocab => new Tokenizer(vocab, MultiLanguageRules.Create())))
    {
    }
}
