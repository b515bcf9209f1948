namespace Pipeline;

/// <summary>
/// The only exception raised for untrusted bytes that cannot be read: a truncated, corrupt or foreign DocBin,
/// Doc or model file. <see cref="DataSource"/> names the file or buffer that was being read.
/// </summary>
public sealed class PipelineFormatException : PipelineException
{
    /// <summary>Creates a format error for the named source (a file path, or a description such as "DocBin bytes").</summary>
    public PipelineFormatException(string code, string source, string message, Exception? inner = null)
        : base(code, $"{source}: {message}", inner)
    {
        DataSource = source;
    }

    /// <summary>
    /// The error (E005) for a field of a JSON file (meta.json, a meta template) that holds a wrong value:
    /// <paramref name="field"/> is its dotted path, <paramref name="problem"/> says what it must be. Public so that a
    /// tool validating its own sections of meta.json reports them as the library reports its own.
    /// </summary>
    public static PipelineFormatException InvalidField(string source, string field, string problem) =>
        new("E005", source, $"field \"{field}\" {problem}.");

    /// <summary>The file or buffer that could not be read.</summary>
    public string DataSource { get; }
}
