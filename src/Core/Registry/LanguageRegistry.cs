using System.Collections.Concurrent;

namespace Pipeline.Registry;

/// <summary>The language classes <see cref="Nlp.Blank"/> can create, keyed by language code.</summary>
public sealed class LanguageRegistry
{
    private readonly ConcurrentDictionary<string, (Type Type, Func<Language> Create)> _languages = new(StringComparer.Ordinal);

    internal LanguageRegistry()
    {
        Register<Lang.English>("en");
        Register<Lang.Portuguese>("pt");
        Register<Lang.French>("fr");
        Register<Lang.MultiLanguage>("xx");
    }

    /// <summary>The registered language codes.</summary>
    public IReadOnlyCollection<string> Codes => _languages.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Registers (or replaces) the class for a language code.</summary>
    public void Register<T>(string code)
        where T : Language, new() => Register(code, typeof(T), () => new T());

    /// <summary>Registers a language class with a custom constructor.</summary>
    public void Register(string code, Type type, Func<Language> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(create);
        _languages[code] = (type, create);
    }

    /// <summary>Whether a class is registered for the code.</summary>
    public bool Contains(string code) => _languages.ContainsKey(code);

    /// <summary>The class registered for the code (E002 when none is).</summary>
    public Type GetClass(string code) => Lookup(code).Type;

    /// <summary>A new blank pipeline of the language.</summary>
    public Language Create(string code) => Lookup(code).Create();

    private (Type Type, Func<Language> Create) Lookup(string code) =>
        _languages.TryGetValue(code, out var entry) ? entry : throw Errors.UnknownLanguage(code, Codes);
}
