using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pipeline.Build.Corpora;

/// <summary>
/// One corpus file of a template's <c>training.assets</c>: the name the template's corpora use (<c>dest</c>,
/// relative to the corpus root), where it comes from (a URL at a pinned commit), its SHA-256, size and licence.
/// The hash is what makes a file trustworthy, wherever it was found or downloaded from.
/// </summary>
/// <param name="Dest">The name the template uses, e.g. <c>ud/en_ewt/train.conllu</c>.</param>
/// <param name="Url">The upstream URL, pinned to a commit.</param>
/// <param name="Sha256">The expected SHA-256, lower-case hex.</param>
/// <param name="Size">The size in bytes, or null when not given.</param>
/// <param name="License">The licence of the file.</param>
internal sealed partial record CorpusAsset(string Dest, Uri Url, string Sha256, long? Size, string License)
{
    /// <summary>Reads <c>training.assets</c> of the template <paramref name="path"/> (an empty list when there is none); errors are E205.</summary>
    public static IReadOnlyList<CorpusAsset> ReadAll(JsonElement training, string path)
    {
        if (!training.TryGetProperty("assets", out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw CorpusErrors.AssetInvalid(path, "training.assets", "must be a list of {\"dest\", \"url\", \"sha256\", \"license\"} objects");
        }

        var assets = new List<CorpusAsset>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var field = $"training.assets[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw CorpusErrors.AssetInvalid(path, field, "must be an object with dest, url, sha256 and license");
            }

            var dest = Text(item, "dest", field, path);
            var url = Text(item, "url", field, path);
            var sha = Text(item, "sha256", field, path);
            var license = Text(item, "license", field, path);
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw CorpusErrors.AssetInvalid(path, field + ".url", $"is '{url}', not an absolute http(s) URL");
            }

            if (!Sha256Pattern().IsMatch(sha))
            {
                throw CorpusErrors.AssetInvalid(path, field + ".sha256", $"is '{sha}', not 64 lower-case hex digits (write `sha256sum <file>`'s output)");
            }

            long? size = null;
            if (item.TryGetProperty("size", out var sizeElement) && sizeElement.ValueKind != JsonValueKind.Null)
            {
                size = sizeElement.ValueKind == JsonValueKind.Number && sizeElement.TryGetInt64(out var n) && n >= 0
                    ? n
                    : throw CorpusErrors.AssetInvalid(path, field + ".size", "must be the file's size in bytes (a whole number)");
            }

            if (assets.Any(a => a.Dest == dest))
            {
                throw CorpusErrors.AssetInvalid(path, field + ".dest", $"names {dest} a second time");
            }

            assets.Add(new CorpusAsset(dest, uri, sha, size, license));
        }

        return assets;
    }

    /// <summary>The URL to fetch: <see cref="Url"/> with its scheme and host (and port) replaced by <paramref name="mirror"/>, whose own path is put in front of the asset's.</summary>
    public Uri Location(Uri? mirror)
    {
        if (mirror is null)
        {
            return Url;
        }

        var prefix = mirror.AbsolutePath.TrimEnd('/');
        return new UriBuilder(mirror.Scheme, mirror.Host, mirror.Port, prefix + Url.AbsolutePath, Url.Query).Uri;
    }

    private static string Text(JsonElement item, string name, string field, string path) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s
            ? s
            : throw CorpusErrors.AssetInvalid(path, $"{field}.{name}", "is missing or not a non-empty string");

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();
}
