namespace Pipeline.Corpora;

/// <summary>
/// Checks on corpus files shared by the readers here and by tools that look at a corpus before reading it (the CLI
/// sniffs its format first), so a missing corpus is the same error everywhere.
/// </summary>
public static class CorpusFile
{
    /// <summary>E062 naming <paramref name="path"/> when no corpus file is there (nothing, or a folder; an empty path too).</summary>
    public static void RequireExists(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw Errors.CorpusMissing(path);
        }
    }
}
