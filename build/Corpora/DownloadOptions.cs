namespace Pipeline.Build.Corpora;

/// <summary>How patient a corpus download is: attempts, back-off between them, and timeouts.</summary>
internal sealed record DownloadOptions
{
    /// <summary>Attempts per file (the first included) before an HTTP 5xx or network failure is an error.</summary>
    public int Attempts { get; init; } = 4;

    /// <summary>The wait before the second attempt; it doubles before each further one.</summary>
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long connecting may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long the server may take to answer a request, and how long a body may stall without a byte.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The least time between two progress lines of one file.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(3);
}
