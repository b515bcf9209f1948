namespace Pipeline;

/// <summary>
/// The error every Pipeline API throws for a problem the caller can fix. <see cref="Code"/> is a stable
/// identifier (such as <c>E001</c>) documented in <c>docs/errors.md</c>, so scripts and support threads can match on it.
/// </summary>
public class PipelineException : Exception
{
    /// <summary>Creates an error with a catalogue code and a message that says what went wrong and how to fix it.</summary>
    public PipelineException(string code, string message, Exception? inner = null)
        : base($"[{code}] {message}", inner)
    {
        Code = code;
    }

    /// <summary>The stable catalogue code, for example <c>E001</c>.</summary>
    public string Code { get; }
}
