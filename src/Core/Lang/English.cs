using Pipeline.Tokenization;

namespace Pipeline.Lang;

/// <summary>English ("en").</summary>
public sealed class English : Language
{
    /// <summary>Creates a blank English pipeline.</summary>
    public English()
        : base(new LanguageDefaults("en", vocab => new Tokenizer(vocab, EnglishRules.Create())))
    {
    }
}
