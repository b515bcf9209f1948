using Pipeline.Components;

namespace Pipeline.Registry.Plugins;

/// <summary>The registries a plugin scan fills.</summary>
internal sealed record PluginTargets(
    PluginSlots<PipeFactory> Factories,
    PluginSlots<LanguageClass> Languages,
    PluginSlots<LookupTables> Lookups,
    PluginSlots<string> Colors);
