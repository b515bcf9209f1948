using System.Security.Cryptography;

namespace Pipeline.Build.Corpora;

/// <summary>The SHA-256 of a corpus file, lower-case hex as in a template's <c>training.assets</c>.</summary>
internal static class CorpusHash
{
    /// <summary>Hashes the bytes of <paramref name="path"/>.</summary>
    public static async Task<string> OfAsync(string path, CancellationToken cancellation)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellation).ConfigureAwait(false));
    }
}
