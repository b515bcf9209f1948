using Pipeline.Registry.Plugins;

namespace Snek;

/// <summary>The displaCy color of SNAKE entities.</summary>
public sealed class SnekColors : IDisplacyColors
{
    /// <summary>The color of SNAKE entities.</summary>
    public const string SnakeColor = "#2e8b57";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Colors { get; } = new Dictionary<string, string> { [SnekComponent.Label] = SnakeColor };
}
