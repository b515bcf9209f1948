using Pipeline.Tokenization;

namespace Pipeline.Lang;

/// <summary>
/// Swedish ("sv"): the language-neutral tokenizer rules under its own code, so models trained from a
/// template carry the right language; a learned tokenizer in the model replaces these rules.
/// </summary>
public sealed class Swedish : Language
{
    /// <summary>Creates a blank Swedish pipeline.</summary>
    public Swedish()
        : base(new LanguageDefaults("sv", vocab => new Tokenizer(vocab, MultiLanguageRules.Create())))
    {
    }
}
