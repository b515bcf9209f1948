using System.Globalization;
using Pipeline.Build.Engine;
using Pipeline.Build.Models;
using Pipeline.IO;
using Pipeline.Serialization;

namespace Pipeline.Build.Corpora;

/// <summary>
/// The work of the Corpora target: for every corpus file of the selected templates, the copy in the corpus folder
/// when it has the template's SHA-256, else the one in the download cache when it has, else a fresh download into
/// the cache (never with --offline). A file that differs from its hash is never used.
/// </summary>
internal sealed class CorpusResolver
{
    private readonly CorpusSettings _settings;
    private readonly TextWriter _log;
    private readonly Func<CorpusDownloader> _downloader;
    private readonly List<string> _downloaded = [];

    /// <summary>Creates the resolver; <paramref name="downloader"/> replaces the real downloader (tests).</summary>
    public CorpusResolver(CorpusSettings settings, TextWriter log, Func<CorpusDownloader>? downloader = null)
    {
        _settings = settings;
        _log = log;
        _downloader = downloader ?? (() => new CorpusDownloader(settings.Download, log));
    }

    /// <summary>What the last <see cref="ResolveAsync"/> did, for the summary ("30 corpus file(s): 28 verified in ..., 2 downloaded and verified (3.1 MB)").</summary>
    public string Summary { get; private set; } = string.Empty;

    /// <summary>Files downloaded by the last <see cref="ResolveAsync"/>.</summary>
    public IReadOnlyList<string> Downloaded => _downloaded;

    /// <summary>Finds, checks or downloads every corpus file of <paramref name="templates"/>.</summary>
    public async Task<CorpusFiles> ResolveAsync(IReadOnlyList<ModelTemplate> templates, CancellationToken cancellation)
    {
        _downloaded.Clear();
        var wanted = Wanted(templates);
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        int fromFolder = 0, fromCache = 0, unverified = 0;
        CorpusDownloader? downloader = null;
        long bytes = 0;
        try
        {
            foreach (var (name, (template, asset)) in wanted)
            {
                cancellation.ThrowIfCancellationRequested();
                var inFolder = RootedPath.Inside(_settings.Folder, name, $"corpus file of template {template}");
                if (asset is null)
                {
                    if (!File.Exists(inFolder))
                    {
                        throw CorpusErrors.Missing(template, name, inFolder);
                    }

                    _log.WriteLine(CorpusErrors.Unverified(template, name, inFolder));
                    paths[name] = inFolder;
                    unverified++;
                    continue;
                }

                string folderState;
                if (File.Exists(inFolder))
                {
                    var actual = ContentHash.OfFile(inFolder);
                    if (actual == asset.Sha256)
                    {
                        paths[name] = inFolder;
                        fromFolder++;
                        continue;
                    }

                    _log.WriteLine(CorpusErrors.Differs(name, inFolder, asset.Sha256, actual));
                    folderState = $"{inFolder} has SHA-256 {actual}";
                }
                else
                {
                    folderState = $"{inFolder} does not exist";
                }

                var inCache = RootedPath.Inside(_settings.Cache, name, $"corpus file of template {template}");
                string cacheState;
                if (File.Exists(inCache))
                {
                    var actual = ContentHash.OfFile(inCache);
                    if (actual == asset.Sha256)
                    {
                        paths[name] = inCache;
                        fromCache++;
                        continue;
                    }

                    _log.WriteLine(CorpusErrors.CacheDamaged(inCache, asset.Sha256, actual));
                    Delete(inCache);
                    cacheState = $"the cached {inCache} had SHA-256 {actual} and was deleted";
                }
                else
                {
                    cacheState = $"{inCache} does not exist";
                }

                var url = asset.Location(_settings.Mirror);
                if (_settings.Offline)
                {
                    throw CorpusErrors.Offline(name, url, asset.Sha256, folderState, cacheState);
                }

                downloader ??= _downloader();
                var before = downloader.BytesReceived;
                try
                {
                    await downloader.DownloadAsync(asset, url, inCache, cancellation).ConfigureAwait(false);
                }
                catch (UnauthorizedAccessException e)
                {
                    throw CorpusErrors.CacheUnwritable(inCache, e);
                }
                catch (Engine.BuildException e) when (File.Exists(inFolder))
                {
                    // Say why the copy in the corpus folder was not taken instead.
                    throw new Engine.BuildException($"{e.Message} (The corpus folder's copy was refused: {folderState}, not {asset.Sha256}.)", e);
                }

                bytes += downloader.BytesReceived - before;
                _log.WriteLine($"[corpora] {name}: verified (SHA-256 {asset.Sha256[..12]}...) into {inCache}");
                paths[name] = inCache;
                _downloaded.Add(name);
            }
        }
        finally
        {
            downloader?.Dispose();
        }

        var parts = new List<string>();
        if (fromFolder > 0)
        {
            parts.Add($"{fromFolder} verified in {_settings.Folder}");
        }

        if (fromCache > 0)
        {
            parts.Add($"{fromCache} verified in the cache {_settings.Cache}");
        }

        if (_downloaded.Count > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{_downloaded.Count} downloaded and verified ({bytes / 1e6:0.0} MB)"));
        }

        if (unverified > 0)
        {
            parts.Add($"{unverified} unchecked (no asset, W040)");
        }

        Summary = $"{wanted.Count} corpus file(s): {(parts.Count == 0 ? "none needed" : string.Join(", ", parts))}";
        return new CorpusFiles(_settings.Folder, paths);
    }

    // Each file once, with the first template that names it and its asset; two different assets for one name are E206.
    private static SortedDictionary<string, (string Template, CorpusAsset? Asset)> Wanted(IReadOnlyList<ModelTemplate> templates)
    {
        var wanted = new SortedDictionary<string, (string Template, CorpusAsset? Asset)>(StringComparer.Ordinal);
        foreach (var template in templates)
        {
            foreach (var name in template.CorpusNames)
            {
                var asset = template.Assets.FirstOrDefault(a => a.Dest == name);
                if (!wanted.TryGetValue(name, out var earlier))
                {
                    wanted[name] = (template.Id, asset);
                }
                else if (earlier.Asset is null)
                {
                    wanted[name] = (template.Id, asset ?? earlier.Asset);
                }
                else if (asset is not null && (asset.Sha256 != earlier.Asset.Sha256 || asset.Url != earlier.Asset.Url))
                {
                    throw CorpusErrors.Conflict(name, earlier.Template, earlier.Asset, template.Id, asset);
                }
            }
        }

        return wanted;
    }

    private static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CorpusErrors.CacheUnwritable(path, e);
        }
    }
}
