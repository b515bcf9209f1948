using System.Reflection;
using System.Reflection.Emit;
using Pipeline.Components;
using Pipeline.Registry;
using Pipeline.Registry.Plugins;

namespace Pipeline.Tests.Plugins;

/// <summary>
/// Builds in-memory assemblies carrying plugin attributes, and fresh registries to scan them into, so tests of
/// overrides and conflicts do not touch the process-wide registries.
/// </summary>
internal static class FakePlugins
{
    public static Assembly Assembly(string name, params CustomAttributeBuilder[] attributes)
    {
        var builder = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName(name), AssemblyBuilderAccess.Run);
        foreach (var attribute in attributes)
        {
            builder.SetCustomAttribute(attribute);
        }

        return builder;
    }

    public static CustomAttributeBuilder Factory(string name, Type type) =>
        new(typeof(PipelineFactoryAttribute).GetConstructor([typeof(string), typeof(Type)])!, [name, type]);

    public static CustomAttributeBuilder LanguageAttr(string code, Type type) =>
        new(typeof(PipelineLanguageAttribute).GetConstructor([typeof(string), typeof(Type)])!, [code, type]);

    public static CustomAttributeBuilder Colors(Type type) =>
        new(typeof(DisplacyColorsAttribute).GetConstructor([typeof(Type)])!, [type]);

    public static CustomAttributeBuilder Lookups(string name, Type type) =>
        new(typeof(PipelineLookupsAttribute).GetConstructor([typeof(string), typeof(Type)])!, [name, type]);

    public static (PluginTargets Targets, FactoryRegistry Factories, LanguageRegistry Languages, LookupsRegistry Lookups) Registries()
    {
        var factories = new FactoryRegistry();
        var languages = new LanguageRegistry();
        var lookups = new LookupsRegistry();
        var colors = new PluginSlots<string>("displaCy color", (_, _, _) => { });
        return (new PluginTargets(factories.Slots, languages.Slots, lookups.Slots, colors), factories, languages, lookups);
    }
}

/// <summary>A plugin component made through the IPipeFactory route.</summary>
public sealed class TaggingFactory : IPipeFactory
{
    public IPipe Create(Language nlp, IReadOnlyDictionary<string, object?> config) =>
        new FixedTagger(config.TryGetValue("tag", out var tag) ? (string)tag! : "PLUGIN");
}

/// <summary>A plugin component constructed directly with (nlp, config).</summary>
public sealed class ConfigEcho(Language nlp, IReadOnlyDictionary<string, object?> config) : IPipe
{
    public Language Nlp { get; } = nlp;

    public IReadOnlyDictionary<string, object?> Config { get; } = config;

    public string Name => "config_echo";

    public Doc Process(Doc doc) => doc;
}

/// <summary>A language exposed by a fake plugin.</summary>
public sealed class FakeLanguage : Language
{
    public FakeLanguage()
        : base(LanguageDefaults.Whitespace("fk"))
    {
    }
}

/// <summary>A second language class, for conflicts.</summary>
public sealed class OtherFakeLanguage : Language
{
    public OtherFakeLanguage()
        : base(LanguageDefaults.Whitespace("fk"))
    {
    }
}

/// <summary>Lookup tables made in code.</summary>
public sealed class FakeLookups : ILookupsProvider
{
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> GetTables() =>
        new Dictionary<string, IReadOnlyDictionary<string, string>> { ["lemma_lookup"] = new Dictionary<string, string> { ["mice"] = "mouse" } };
}

/// <summary>Colors with one bad value.</summary>
public sealed class BadColors : IDisplacyColors
{
    public IReadOnlyDictionary<string, string> Colors { get; } = new Dictionary<string, string>
    {
        ["GOOD"] = "rgb(1, 2, 3)",
        ["EVIL"] = "red; background-image: url(x)",
    };
}
