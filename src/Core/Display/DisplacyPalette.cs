using Pipeline.Registry.Plugins;

namespace Pipeline.Display;

/// <summary>The label colors of the "ent" style: a built-in palette, plus plugin and user colors.</summary>
internal static class DisplacyPalette
{
    public const string Fallback = "#ddd";

    public static PluginSlots<string> Slots { get; } = CreateSlots();

    private static PluginSlots<string> CreateSlots()
    {
        var slots = new PluginSlots<string>("displaCy color", Warnings.ColorOverridden) { OnMiss = PluginDiscovery.ScanForMissing };
        string[][] builtIn =
        [
            ["PER", "#b8a9f5"], ["PERSON", "#b8a9f5"], ["ORG", "#8fdcea"], ["LOC", "#f9a66c"], ["GPE", "#f6d285"],
            ["MISC", "#dfe3c8"], ["NORP", "#d19af2"], ["FAC", "#a6cfd2"], ["PRODUCT", "#c6ecbd"], ["EVENT", "#f8e48c"],
            ["WORK_OF_ART", "#ecd6fa"], ["LAW", "#f59aa8"], ["LANGUAGE", "#f59aa8"], ["DATE", "#c4e3dc"],
            ["TIME", "#c4e3dc"], ["MONEY", "#e2e5d6"], ["QUANTITY", "#e2e5d6"], ["ORDINAL", "#e2e5d6"],
            ["CARDINAL", "#e2e5d6"], ["PERCENT", "#e2e5d6"],
        ];
        foreach (var pair in builtIn)
        {
            slots.SetBuiltIn(pair[0], pair[1]);
        }

        return slots;
    }

    /// <summary>The color of a label: its registered color, or the fallback gray.</summary>
    public static string ColorOf(string label)
    {
        PluginDiscovery.EnsureScanned();
        return Slots.TryGet(label, out var color) ? color : Fallback;
    }
}
