using Pipeline.Tokenization;

namespace Pipeline.Lang;

/// <summary>
/// Slovak ("sk"): the language-neutral tokenizer rules under its own code, so models trained from a
/// template carry the right language; a learned tokenizer in the model replaces these rules.
/// </summary>
public sealed class Slovak : Language
{
    /// <summary>Creates a blank Slovak pipeline.</summary>
    public Slovak()
        : base(new LanguageDefaults("sk", vocab => new Tokenizer(vocab, MultiLanguageRules.Create())))
    {
    }
}
