using Pipeline.Build.Corpora;
using Pipeline.Build.Engine;

namespace Pipeline.Build;

/// <content>The work of Corpora: the corpus files, checked against their templates' SHA-256, found or downloaded.</content>
internal sealed partial class Build
{
    private CorpusFiles? _corpusFiles;

    private string CorporaCacheDirectory => CorporaCache is { Length: > 0 } cache ? Full(cache) : Path.Combine(ArtifactsDirectory, "corpora");

    private async Task ResolveCorporaAsync(TargetContext context)
    {
        var resolver = new CorpusResolver(CorpusSettings(), context.Log);
        _corpusFiles = await resolver.ResolveAsync(SelectedTemplates(), context.Cancellation).ConfigureAwait(false);
        context.Note(resolver.Summary);
    }

    // The files the Corpora target checked; when it did not run (--skip Corpora), they are checked now without downloading.
    private CorpusFiles CorpusFilesFor(TargetContext context)
    {
        if (_corpusFiles is null)
        {
            var resolver = new CorpusResolver(CorpusSettings() with { Offline = true }, context.Log);
            _corpusFiles = resolver.ResolveAsync(SelectedTemplates(), context.Cancellation).GetAwaiter().GetResult();
        }

        return _corpusFiles;
    }

    private CorpusSettings CorpusSettings() => new()
    {
        Folder = CorporaDirectory,
        Cache = CorporaCacheDirectory,
        Mirror = MirrorUri(),
        Offline = Offline,
    };

    private Uri? MirrorUri()
    {
        if (CorporaMirror is not { Length: > 0 } mirror)
        {
            return null;
        }

        return Uri.TryCreate(mirror, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw CorpusErrors.MirrorInvalid(mirror);
    }
}
