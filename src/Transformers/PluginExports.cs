using Pipeline.Registry.Plugins;
using Pipeline.Transformers;

// Every app that references Pipeline.Transformers gets the "transformer" factory, found by Pipeline.Core.
[assembly: PipelineFactory(TransformerComponent.FactoryName, typeof(TransformerComponent))]
