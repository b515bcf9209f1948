using Pipeline.Tokenization;

namespace Pipeline.Lang;

/// <summary>
/// Vietnamese ("vi"): the language-neutral tokenizer rules under its own code, so models trained from a
/// template carry the right language; a learned tokenizer in the model replaces these rules.
/// </summary>
public sealed class Vietnamese : Language
{
    /// <summary>Creates a blank Vietnamese pipeline.</summary>
    public Vietnamese()
        : base(new LanguageDefaults("vi", vocab => new Tokenizer(vocab, MultiLanguageRules.Create())))
    {
    }
}
