using Pipeline.Tokenization;

namespace Pipeline.Lang;

/// <summary>
/// Serbian ("sr"): the language-neutral tokenizer rules under its own code, so models trained from a
/// template carry the right language; a learned tokenizer in the model replaces these rules.
/// </summary>
public sealed class Serbian : Language
{
    /// <summary>Creates a blank Serbian pipeline.</summary>
    public Serbian()
        : base(new LanguageDefaults("sr", vocab => new Tokenizer(vocab, MultiLanguageRules.Create())))
    {
    }
}
