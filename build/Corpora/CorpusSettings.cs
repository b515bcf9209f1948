namespace Pipeline.Build.Corpora;

/// <summary>Where the Corpora target looks for corpus files, where it downloads them, and whether it may.</summary>
internal sealed record CorpusSettings
{
    /// <summary>The corpus folder (<c>--corpora</c>); it need not exist.</summary>
    public required string Folder { get; init; }

    /// <summary>The download cache (<c>--corpora-cache</c>), laid out like the corpus folder.</summary>
    public required string Cache { get; init; }

    /// <summary>A base URL whose scheme and host replace each asset's (<c>--corpora-mirror</c>), or null.</summary>
    public Uri? Mirror { get; init; }

    /// <summary>Never download (<c>--offline</c>).</summary>
    public bool Offline { get; init; }

    /// <summary>Retries and timeouts of downloads.</summary>
    public DownloadOptions Download { get; init; } = new();
}
