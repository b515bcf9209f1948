using Pipeline.Tokenization;

namespace Pipeline.Lang;

/// <summary>Portuguese ("pt").</summary>
public sealed class Portuguese : Language
{
    /// <summary>Creates a blank Portuguese pipeline.</summary>
    public Portuguese()
        : base(new LanguageDefaults("pt", vocab => new Tokenizer(vocab, PortugueseRules.Create())))
    {
    }
}
