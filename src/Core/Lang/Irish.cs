using Pipeline.Tokenization;

namespace Pipeline.Lang;

/// <summary>
/// Irish ("ga"): the language-neutral tokenizer rules under its own code, so models trained from a
/// template carry the right language; a learned tokenizer in the model replaces these rules.
/// </summary>
public sealed class Irish : Language
{
    /// <summary>Creates a blank Irish pipeline.</summary>
    public Irish()
        : base(new LanguageDefaults("ga", vocab => new Tokenizer(vocab, MultiLanguageRules.Create())))
    {
    }
}
