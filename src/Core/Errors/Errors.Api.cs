namespace Pipeline;

/// <summary>Errors of the .NET-facing API: streams, and the argument exceptions that replace the former E023.</summary>
internal static partial class Errors
{
    /// <summary>
    /// A bad argument to a public member, as the <see cref="ArgumentException"/> .NET callers expect (it was
    /// PipelineException E023, which is retired). <paramref name="what"/> names the argument.
    /// </summary>
    public static ArgumentException InvalidArgument(string what, string problem) => new($"{what} {problem}.");

    /// <summary>A numeric argument outside its range, naming the parameter so callers and analyzers see which one.</summary>
    public static ArgumentOutOfRangeException OutOfRange(string paramName, object actual, string problem) =>
        new(paramName, actual, $"{paramName} is {actual}; {problem}.");

    /// <summary>A stream passed to a Stream overload that cannot be read from or written to.</summary>
    public static ArgumentException StreamNotUsable(string paramName, string needs) =>
        new($"The stream must support {needs}; pass a stream opened for {needs}.", paramName);

    public static PipelineFormatException StreamTooLong(string source, long limit) => new(
        "E240", source,
        $"the stream holds more than {limit:N0} bytes, the most one read accepts, so it is not data Pipeline wrote " +
        "(or it holds several objects). Pass a stream positioned at one object, or split the docs over several DocBins.");
}
