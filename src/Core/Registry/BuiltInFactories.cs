using Pipeline.Components;
using Pipeline.Components.Lemmatization;
using Pipeline.Components.Morphology;
using Pipeline.Components.Ner;
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
        registry.RegisterBuiltIn(Tagger.FactoryName, static (_, cfg) => Tagger.FromConfig(cfg));
        registry.RegisterBuiltIn(Lemmatizer.FactoryName, static (_, _) => new Lemmatizer());
        registry.RegisterBuiltIn(Morphologizer.FactoryName, static (_, _) => new Morphologizer());
        registry.RegisterBuiltIn(EntityRecognizer.FactoryName, static (_, cfg) => EntityRecognizer.FromConfig(cfg));
        registry.RegisterBuiltIn(Parser.FactoryName, static (_, _) => new Parser());
    }
}
