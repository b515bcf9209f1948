using Pipeline.Tokenization;

namespace Pipeline.Lang;

/// <summary>
/// Danish ("da"): the language-neutral tokenizer rules under its own code, so models trained from a
/// template carry the right language; a learned tokenizer in the model replaces these rules.
/// </summary>
public sealed class Danish : Language
{
    /// <summary>Creates a blank Danish pipeline.</summary>
    public Danish()
        : base(new LanguageDefaults("da", vocab => new Tokenizer(vocab, MultiLanguageRules.Create())))
    {
    }
}
