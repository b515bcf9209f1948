using Pipeline.Tokenization;

namespace Pipeline;

/// <summary>
/// What a language class contributes: its code and how to build its default tokenizer. Subclasses of
/// <see cref="Language"/> pass their defaults to the base constructor.
/// </summary>
/// <param name="Lang">The ISO code, e.g. "en"; "xx" for language-neutral.</param>
/// <param name="CreateTokenizer">Builds the language's default tokenizer over a vocabulary.</param>
public sealed record LanguageDefaults(string Lang, Func<Vocab, ITokenizer> CreateTokenizer)
{
    /// <summary>Defaults with a whitespace tokenizer, for languages without rules.</summary>
    public static LanguageDefaults Whitespace(string lang) => new(lang, v => new WhitespaceTokenizer(v));
}
