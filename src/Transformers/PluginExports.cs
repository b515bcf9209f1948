using Pipeline.Registry.Plugins;
using Pipeline.Transformers;
using Pipeline.Transformers.Heads;
using Pipeline.Transformers.Heads.Entities;

// Every app that references Pipeline.Transformers gets these factories, found by Pipeline.Core.
[assembly: PipelineFactory(TransformerComponent.FactoryName, typeof(TransformerComponent))]
[assembly: PipelineFactory(NeuralTokenClassifier.TaggerName, typeof(HeadFactories.Tagger))]
[assembly: PipelineFactory(NeuralTokenClassifier.MorphologizerName, typeof(HeadFactories.Morphologizer))]
[assembly: PipelineFactory(NeuralTokenClassifier.LemmatizerName, typeof(HeadFactories.Lemmatizer))]
[assembly: PipelineFactory(NeuralEntityRecognizer.FactoryName, typeof(HeadFactories.EntityRecognizer))]
[assembly: PipelineFactory(NeuralParser.FactoryName, typeof(HeadFactories.Parser))]
