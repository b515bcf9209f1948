using Pipeline.Components;
using Pipeline.Components.Parsing;
using Pipeline.Components.Tagging;

namespace Pipeline.Registry;

/// <summary>The factories Pipeline.Core provides out of the box.</summary>
internal static class BuiltInFactories
{
    public static void RegisterAll(FactoryRegistry registry)
    {
        registry.RegisterBuiltIn(Sentencizer.FactoryName, (_, cfg) => Sentencizer.FromConfig(cfg));
        registry.RegisterBuiltIn(EntityRuler.FactoryName, EntityRuler.FromConfig);
        registry.RegisterBuiltIn(Tagger.FactoryName, static (_, _) => new Tagger());
        registry.RegisterBuiltIn(Parser.FactoryName, static (_, _) => new Parser());
    }
}
