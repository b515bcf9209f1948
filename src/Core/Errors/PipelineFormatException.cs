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

    /// <summary>The file or buffer that could not be read.</summary>
    public string DataSource { get; }
}
