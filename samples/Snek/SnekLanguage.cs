using Pipeline;
using Pipeline.Lang;
using Pipeline.Tokenization;

namespace Snek;

/// <summary>The "snk" language: language-neutral tokenization under its own code.</summary>
public sealed class SnekLanguage : Language
{
    /// <summary>The language code.</summary>
    public const string Code = "snk";

    /// <summary>Creates a blank "snk" pipeline.</summary>
    public SnekLanguage()
        : base(new LanguageDefaults(Code, vocab => new Tokenizer(vocab, MultiLanguageRules.Create())))
    {
    }
}
