using Pipeline.Tokenization;

namespace Pipeline.Lang;

/// <summary>
/// Chinese ("zh"): the language-neutral tokenizer rules under its own code, so models trained from a
/// template carry the right language; a learned tokenizer in the model replaces these rules.
/// </summary>
public sealed class Chinese : Language
{
    /// <summary>Creates a blank Chinese pipeline.</summary>
    public Chinese()
        : base(new LanguageDefaults("zh", vocab => new Tokenizer(vocab, MultiLanguageRules.Create())))
    {
    }
}
