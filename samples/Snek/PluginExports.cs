using Pipeline.Registry.Plugins;
using Snek;

// What this assembly gives every app that references it, found by Pipeline.Core without registration code.
[assembly: PipelineFactory(SnekComponent.FactoryName, typeof(SnekFactory))]
[assembly: PipelineLanguage(SnekLanguage.Code, typeof(SnekLanguage))]
[assembly: PipelineLookups(SnekLanguage.Code, ResourcePrefix = "Snek.Lookups.")]
[assembly: DisplacyColors(typeof(SnekColors))]
