namespace Pipeline.Registry.Plugins;

/// <summary>The entity label colors a plugin exposes with <see cref="DisplacyColorsAttribute"/>.</summary>
public interface IDisplacyColors
{
    /// <summary>Label to CSS color, e.g. "SNAKE" to "#7aecec" or "linear-gradient(90deg, #aa9cfc, #fc9ce7)".</summary>
    IReadOnlyDictionary<string, string> Colors { get; }
}
