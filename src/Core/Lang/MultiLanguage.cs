using Pipeline.Tokenization;

namespace Pipeline.Lang;

/// <summary>Language-neutral pipeline ("xx"), for languages without a class of their own.</summary>
public sealed class MultiLanguage : Language
{
    /// <summary>Creates a blank MultiLanguage pipeline.</summary>
    public MultiLanguage()
        : base(new LanguageDefaults("xx", vocab => new Tokenizer(vocab, MultiLanguageRules.Create())))
    {
    }
}
