using Pipeline.Registry.Plugins;
using Pipeline.Transformers;
using Pipeline.Transformers.Heads;

// Every app that references Pipeline.Transformers gets these factories, found by Pipeline.Core.
[assembly: PipelineFactory(TransformerComponent.FactoryName, typeof(TransformerComponent))]
[assembly: PipelineFactory(NeuralTokenClassifier.TaggerName, typeof(HeadFactories.Tagger))]
[assembly: PipelineFactory(NeuralTokenClassifier.MorphologizerName, typeof(HeadFactories.Morphologizer))]
[assembly: PipelineFactory(NeuralParser.FactoryName, typeof(HeadFactories.Parser))]
