namespace Pipeline;

/// <summary>Whether a model's <c>framework_version</c> range admits a Pipeline.Core version.</summary>
public enum CompatibilityStatus
{
    /// <summary>The version is inside the range.</summary>
    Compatible,

    /// <summary>The version is outside the range: the model may not load or may behave differently.</summary>
    Incompatible,

    /// <summary>The model gives no range, so nothing can be checked.</summary>
    Unspecified,

    /// <summary>The model's range is not a NuGet version range, so nothing can be checked.</summary>
    InvalidRange,
}
