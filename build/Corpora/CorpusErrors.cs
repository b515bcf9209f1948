using Pipeline.Build.Engine;

namespace Pipeline.Build.Corpora;

/// <summary>
/// The coded errors (E200-E209) and warnings (W040-W042) of the corpus assets, one factory per code, so that a
/// message always names the file, where it was looked for or fetched from, the hashes, and the fix
/// (docs/errors.md lists them).
/// </summary>
internal static class CorpusErrors
{
    private const string OfflineFix = "pass --corpora <folder> holding the file, or run without --offline (or with --corpora-mirror <base URL>) to download it";

    /// <summary>E200: a corpus file without an asset entry is not in the corpus folder.</summary>
    public static BuildException Missing(string template, string name, string looked) => new(
        $"[E200] {template}: corpus file {name} is missing: looked for {looked}. Its template gives no training.assets entry for it, so it cannot be " +
        "downloaded. Pass --corpora <folder holding ud/ and ner/>, or add {\"dest\", \"url\", \"sha256\", \"license\"} to the template's training.assets.");

    /// <summary>E201: the server answered a download with an HTTP error.</summary>
    public static BuildException HttpStatus(string name, Uri url, int status, string? reason, string expected, int attempts) => new(
        $"[E201] Downloading corpus file {name} from {url} failed with HTTP {status} {reason} (after {attempts} attempt(s)); expected SHA-256 {expected}. " +
        (status == 404
            ? "Check the URL in the template's training.assets (and the --corpora-mirror, which must serve the upstream paths), or "
            : "The server may be down: try again later, or ") + "pass --corpora <folder> holding the file.");

    /// <summary>E202: a download could not reach the server, or timed out, on every attempt.</summary>
    public static BuildException Unreachable(string name, Uri url, string cause, string expected, int attempts, Exception inner) => new(
        $"[E202] Downloading corpus file {name} from {url} failed after {attempts} attempt(s): {cause}; expected SHA-256 {expected}. " +
        "Check the network (or proxy: HTTPS_PROXY), use --corpora-mirror <base URL> for an internal mirror, or pass --corpora <folder> holding the file.",
        inner);

    /// <summary>E203: a downloaded file does not have the template's SHA-256; it was deleted.</summary>
    public static BuildException HashMismatch(string name, Uri url, string expected, string actual) => new(
        $"[E203] Corpus file {name} downloaded from {url} has SHA-256 {actual}, but the template expects {expected}; it was deleted and nothing was trained on it. " +
        "If the mirror serves another version, fix the mirror; if upstream changed the file on purpose, update url and sha256 in the template's training.assets.");

    /// <summary>E204: with --offline, a file is neither in the corpus folder (with the right hash) nor in the cache.</summary>
    public static BuildException Offline(string name, Uri url, string expected, string inCorpora, string inCache) => new(
        $"[E204] Corpus file {name} is not available offline (expected SHA-256 {expected}): {inCorpora}; {inCache}. --offline never downloads it from {url}; " +
        OfflineFix + ".");

    /// <summary>E205: a template's training.assets entry is malformed.</summary>
    public static BuildException AssetInvalid(string path, string field, string problem) => new(
        $"[E205] Template {path}: '{field}' {problem}.");

    /// <summary>E206: two templates give the same corpus file different sources or hashes.</summary>
    public static BuildException Conflict(string name, string first, CorpusAsset a, string second, CorpusAsset b) => new(
        $"[E206] Corpus file {name} has two different assets: {first} gives {a.Url} (SHA-256 {a.Sha256}), {second} gives {b.Url} (SHA-256 {b.Sha256}). " +
        "Make the templates agree, or give one of the files another name.");

    /// <summary>E207: --corpora-mirror is not an absolute http(s) URL.</summary>
    public static BuildException MirrorInvalid(string mirror) => new(
        $"[E207] --corpora-mirror is '{mirror}', not an absolute http(s) URL. Pass a base URL such as https://mirror.example.com (its scheme and host replace each asset URL's; the asset's path is kept).");

    /// <summary>E208: the cache could not be written.</summary>
    public static BuildException CacheUnwritable(string path, Exception cause) => new(
        $"[E208] The corpus cache could not be written at {path}: {cause.Message}. Check its permissions and free space, or pass --corpora-cache <folder>.",
        cause);

    /// <summary>W040: a corpus file has no asset entry, so its contents are not checked.</summary>
    public static string Unverified(string template, string name, string path) =>
        $"warning W040: {template}: corpus file {name} has no training.assets entry, so {path} is used unchecked and cannot be downloaded elsewhere; add its url and sha256 to the template.";

    /// <summary>W041: the corpus folder holds a file that differs from the template's hash; it is not used.</summary>
    public static string Differs(string name, string path, string expected, string actual) =>
        $"warning W041: {path} has SHA-256 {actual}, but the template expects {expected} for {name}: not used; taking the file from the cache or downloading it.";

    /// <summary>W042: a cached file differs from its hash (damaged or changed); it is deleted and fetched again.</summary>
    public static string CacheDamaged(string path, string expected, string actual) =>
        $"warning W042: cached corpus file {path} has SHA-256 {actual}, not {expected}: deleted, fetching it again.";
}
