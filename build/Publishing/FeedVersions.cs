using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NuGet.Versioning;

namespace Pipeline.Build.Publishing;

/// <summary>
/// Finds the version of a package already on a feed (the highest one other than the version being published) and
/// gives its .nupkg: from a folder feed (the <c>id/version/</c> layout <c>dotnet nuget push</c> writes, or a flat
/// folder), or from an HTTP feed through its NuGet v3 service index (<c>PackageBaseAddress/3.0.0</c>), downloaded
/// to a scratch folder. Anonymous first; on 401/403 again with the API key as Basic credentials (GitHub Packages,
/// Azure Artifacts).
/// </summary>
internal sealed class FeedVersions
{
    private readonly string _feed;
    private readonly string? _apiKey;
    private readonly string _scratch;
    private readonly HttpClient _http;

    /// <summary>Creates a reader of <paramref name="feed"/>; downloads go to <paramref name="scratch"/>.</summary>
    public FeedVersions(string feed, string? apiKey, string scratch, HttpClient http)
    {
        _feed = feed;
        _apiKey = apiKey;
        _scratch = scratch;
        _http = http;
    }

    /// <summary>The highest version of <paramref name="id"/> on the feed other than <paramref name="version"/>, with a local path of its .nupkg; null when there is none.</summary>
    public async Task<(string Version, string Path)?> PreviousAsync(string id, string version, CancellationToken cancellation)
    {
        var current = NuGetVersion.Parse(version);
        return NuGetPublisher.IsHttp(_feed)
            ? await FromHttpAsync(id, current, cancellation).ConfigureAwait(false)
            : FromFolder(id, current);
    }

    private (string Version, string Path)? FromFolder(string id, NuGetVersion current)
    {
        if (!Directory.Exists(_feed))
        {
            return null;
        }

        var lower = id.ToLowerInvariant();
        var candidates = new List<(NuGetVersion Version, string Path)>();
        var nested = Path.Combine(_feed, lower);
        if (Directory.Exists(nested))
        {
            foreach (var folder in Directory.EnumerateDirectories(nested))
            {
                var name = Path.GetFileName(folder);
                var file = Path.Combine(folder, $"{lower}.{name}.nupkg");
                if (NuGetVersion.TryParse(name, out var v) && File.Exists(file))
                {
                    candidates.Add((v, file));
                }
            }
        }

        foreach (var file in Directory.EnumerateFiles(_feed, "*.nupkg"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (name.StartsWith(id + ".", StringComparison.OrdinalIgnoreCase) && NuGetVersion.TryParse(name[(id.Length + 1)..], out var v))
            {
                candidates.Add((v, file));
            }
        }

        return Pick(candidates.Select(c => c.Version), current) is { } best
            ? (best.ToNormalizedString(), candidates.First(c => c.Version == best).Path)
            : null;
    }

    private async Task<(string Version, string Path)?> FromHttpAsync(string id, NuGetVersion current, CancellationToken cancellation)
    {
        var lower = id.ToLowerInvariant();
        var baseAddress = await PackageBaseAddressAsync(cancellation).ConfigureAwait(false);
        using var index = await GetAsync(new Uri(baseAddress, $"{lower}/index.json"), cancellation).ConfigureAwait(false);
        if (index.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        Ensure(index, id);
        using var versions = JsonDocument.Parse(await index.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false));
        var listed = versions.RootElement.TryGetProperty("versions", out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select(v => NuGetVersion.TryParse(v.GetString(), out var parsed) ? parsed : null).OfType<NuGetVersion>().ToList()
            : [];
        if (Pick(listed, current) is not { } best)
        {
            return null;
        }

        var text = best.ToNormalizedString().ToLowerInvariant();
        using var package = await GetAsync(new Uri(baseAddress, $"{lower}/{text}/{lower}.{text}.nupkg"), cancellation).ConfigureAwait(false);
        Ensure(package, id);
        Directory.CreateDirectory(_scratch);
        var path = Path.Combine(_scratch, $"{lower}.{text}.nupkg");
        var bytes = await package.Content.ReadAsByteArrayAsync(cancellation).ConfigureAwait(false);
        Pipeline.Serialization.AtomicFile.WriteAllBytes(path, bytes);
        return (best.ToNormalizedString(), path);
    }

    private async Task<Uri> PackageBaseAddressAsync(CancellationToken cancellation)
    {
        using var response = await GetAsync(new Uri(_feed), cancellation).ConfigureAwait(false);
        Ensure(response, "the service index");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false));
        foreach (var resource in document.RootElement.GetProperty("resources").EnumerateArray())
        {
            if (resource.TryGetProperty("@type", out var type) && type.GetString() is { } name && name.StartsWith("PackageBaseAddress/3.0.0", StringComparison.Ordinal))
            {
                var address = resource.GetProperty("@id").GetString()!;
                return new Uri(address.EndsWith('/') ? address : address + "/");
            }
        }

        throw new InvalidDataException($"its service index {_feed} lists no PackageBaseAddress/3.0.0 resource");
    }

    private async Task<HttpResponseMessage> GetAsync(Uri uri, CancellationToken cancellation)
    {
        var response = await _http.GetAsync(uri, cancellation).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden && _apiKey is { Length: > 0 })
        {
            response.Dispose();
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("pipeline:" + _apiKey)));
            response = await _http.SendAsync(request, cancellation).ConfigureAwait(false);
        }

        return response;
    }

    private static void Ensure(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode} ({response.ReasonPhrase}) for {what}");
        }
    }

    private static NuGetVersion? Pick(IEnumerable<NuGetVersion> versions, NuGetVersion current)
    {
        var others = versions.Where(v => v != current).ToList();
        return others.Where(v => v < current).Max() ?? others.Max();
    }
}
