using Pipeline.Components;
using Pipeline.Registry.Plugins;

namespace Pipeline.Transformers.Heads;

/// <summary>The plugin factories of the neural heads (see PluginExports).</summary>
internal static class HeadFactories
{
    /// <summary>Creates "trf_tagger".</summary>
    public sealed class Tagger : IPipeFactory
    {
        public IPipe Create(Language nlp, IReadOnlyDictionary<string, object?> config) => NeuralTokenClassifier.Tagger(config);
    }

    /// <summary>Creates "trf_morphologizer".</summary>
    public sealed class Morphologizer : IPipeFactory
    {
        public IPipe Create(Language nlp, IReadOnlyDictionary<string, object?> config) => NeuralTokenClassifier.Morphologizer(config);
    }

    /// <summary>Creates "trf_lemmatizer".</summary>
    public sealed class Lemmatizer : IPipeFactory
    {
        public IPipe Create(Language nlp, IReadOnlyDictionary<string, object?> config) => new Lemmas.NeuralLemmatizer(config);
    }

    /// <summary>Creates "trf_ner".</summary>
    public sealed class EntityRecognizer : IPipeFactory
    {
        public IPipe Create(Language nlp, IReadOnlyDictionary<string, object?> config) => new Entities.NeuralEntityRecognizer(config);
    }

    /// <summary>Creates "trf_parser".</summary>
    public sealed class Parser : IPipeFactory
    {
        public IPipe Create(Language nlp, IReadOnlyDictionary<string, object?> config) => new NeuralParser(config);
    }
}
