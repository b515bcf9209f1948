using System.Text.Json;

namespace Pipeline.Build.Training;

/// <summary>Shared JSON settings of the files the build writes.</summary>
internal static class JsonOptions
{
    /// <summary>Indented output.</summary>
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
