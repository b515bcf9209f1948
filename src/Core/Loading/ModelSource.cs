using System.Text.Json.Serialization;

namespace Pipeline;

/// <summary>A corpus or resource a model was built from. In meta.json it may also be written as a plain string.</summary>
[JsonConverter(typeof(ModelSourceConverter))]
public sealed record ModelSource
{
    /// <summary>The resource's name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Where it comes from.</summary>
    public string? Url { get; init; }

    /// <summary>Its licence.</summary>
    public string? License { get; init; }

    /// <summary>Its authors.</summary>
    public string? Author { get; init; }
}
