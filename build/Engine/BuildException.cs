namespace Pipeline.Build.Engine;

/// <summary>A build error with a message that says what is wrong and how to fix it; printed without a stack trace.</summary>
public sealed class BuildException : Exception
{
    /// <summary>Creates the error.</summary>
    public BuildException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its cause.</summary>
    public BuildException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
