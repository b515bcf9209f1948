using Pipeline.Registry.Plugins;

namespace Pipeline.Registry;

/// <summary>
/// The language classes <see cref="Nlp.Blank"/> can create, keyed by language code. Classes that referenced
/// assemblies expose with <see cref="PipelineLanguageAttribute"/> are found on first use. Replacing a built-in
/// class raises warning W015; two plugins claiming one code make that code fail with E135.
/// </summary>
public sealed class LanguageRegistry
{
    private readonly PluginSlots<LanguageClass> _slots = new("language", Warnings.LanguageOverridden);

    internal LanguageRegistry(bool discover = false)
    {
        if (discover)
        {
            _slots.OnMiss = PluginDiscovery.ScanForMissing;
        }

        _slots.SetBuiltIn("en", LanguageClass.Of<Lang.English>());
        _slots.SetBuiltIn("pt", LanguageClass.Of<Lang.Portuguese>());
        _slots.SetBuiltIn("fr", LanguageClass.Of<Lang.French>());
        _slots.SetBuiltIn("xx", LanguageClass.Of<Lang.MultiLanguage>());
        _slots.SetBuiltIn("da", LanguageClass.Of<Lang.Danish>());
        _slots.SetBuiltIn("sv", LanguageClass.Of<Lang.Swedish>());
        _slots.SetBuiltIn("hr", LanguageClass.Of<Lang.Croatian>());
        _slots.SetBuiltIn("sr", LanguageClass.Of<Lang.Serbian>());
        _slots.SetBuiltIn("sk", LanguageClass.Of<Lang.Slovak>());
        _slots.SetBuiltIn("zh", LanguageClass.Of<Lang.Chinese>());
        _slots.SetBuiltIn("ga", LanguageClass.Of<Lang.Irish>());
        _slots.SetBuiltIn("af", LanguageClass.Of<Lang.Afrikaans>());
        _slots.SetBuiltIn("mt", LanguageClass.Of<Lang.Maltese>());
        _slots.SetBuiltIn("vi", LanguageClass.Of<Lang.Vietnamese>());
    }

    /// <summary>The registered language codes.</summary>
    public IReadOnlyCollection<string> Codes => _slots.Names;

    /// <summary>Registers (or replaces) the class for a language code.</summary>
    public void Register<T>(string code)
        where T : Language, new() => Register(code, typeof(T), () => new T());

    /// <summary>Registers a language class with a custom constructor.</summary>
    public void Register(string code, Type type, Func<Language> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(create);
        _slots.SetUser(code, new LanguageClass(type, create), "user code");
    }

    /// <summary>Whether a class is registered for the code.</summary>
    public bool Contains(string code) => _slots.Contains(code);

    /// <summary>Where the class for the code comes from ("built-in", "user code" or an assembly name).</summary>
    public string? SourceOf(string code) => _slots.SourceOf(code);

    /// <summary>The class registered for the code (E002 when none is).</summary>
    public Type GetClass(string code) => Lookup(code).Type;

    /// <summary>A new blank pipeline of the language.</summary>
    public Language Create(string code) => Lookup(code).Create();

    internal PluginSlots<LanguageClass> Slots => _slots;

    private LanguageClass Lookup(string code) =>
        _slots.TryGet(code, out var entry) ? entry : throw Errors.UnknownLanguage(code, Codes);
}
