using Pipeline.Tokenization;

namespace Pipeline.Lang;

/// <summary>French ("fr").</summary>
public sealed class French : Language
{
    /// <summary>Creates a blank French pipeline.</summary>
    public French()
        : base(new LanguageDefaults("fr", vocab => new Tokenizer(vocab, FrenchRules.Create())))
    {
    }
}
