using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Pipeline.Build.Engine;

namespace Pipeline.Build.Corpora;

/// <summary>
/// Downloads corpus files with <see cref="HttpClient"/> into a cache: redirects followed, timeouts, retries with
/// back-off for 5xx answers and network failures, a partial file (<c>&lt;name&gt;.part</c>) resumed with an HTTP
/// Range request, progress on the log, and the SHA-256 checked before the file is renamed to its final name, so
/// that nothing half-written or wrong is ever used.
/// </summary>
internal sealed class CorpusDownloader : IDisposable
{
    private readonly HttpClient _client;
    private readonly DownloadOptions _options;
    private readonly TextWriter _log;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    /// <summary>Creates a downloader; <paramref name="delay"/> replaces <see cref="Task.Delay(TimeSpan, CancellationToken)"/> between attempts (tests).</summary>
    public CorpusDownloader(DownloadOptions options, TextWriter log, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        _options = options;
        _log = log;
        _delay = delay ?? Task.Delay;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 10,
            ConnectTimeout = options.ConnectTimeout,
            AutomaticDecompression = DecompressionMethods.None,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Pipeline-build", "1.0"));
    }

    /// <summary>The bytes received so far, over all files.</summary>
    public long BytesReceived { get; private set; }

    /// <summary>
    /// Downloads <paramref name="asset"/> from <paramref name="url"/> to <paramref name="target"/>: E201 for an HTTP
    /// error, E202 when the server cannot be reached, E203 when the bytes do not have the asset's SHA-256.
    /// </summary>
    public async Task DownloadAsync(CorpusAsset asset, Uri url, string target, CancellationToken cancellation)
    {
        var part = target + ".part";
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        (int Status, string? Reason)? lastStatus = null;
        Exception? lastError = null;
        var attempts = 0;
        var done = false;
        while (!done && attempts < _options.Attempts)
        {
            if (attempts > 0)
            {
                var wait = _options.FirstDelay * Math.Pow(2, attempts - 1);
                _log.WriteLine($"[corpora] {asset.Dest}: retrying in {wait.TotalSeconds:0.#} s ({Describe(lastStatus, lastError)}).");
                await _delay(wait, cancellation).ConfigureAwait(false);
            }

            attempts++;
            try
            {
                var outcome = await AttemptAsync(asset, url, part, cancellation).ConfigureAwait(false);
                if (outcome is null)
                {
                    done = true;
                }
                else if (outcome.Value.Status is 408 or 429 or >= 500)
                {
                    lastStatus = outcome;
                    lastError = null;
                }
                else
                {
                    throw CorpusErrors.HttpStatus(asset.Dest, url, outcome.Value.Status, outcome.Value.Reason, asset.Sha256, attempts);
                }
            }
            catch (Exception e) when (!cancellation.IsCancellationRequested && e is HttpRequestException or IOException or OperationCanceledException)
            {
                // A timeout, a refused connection or a body cut short: the partial file stays, to be resumed.
                lastError = e;
                lastStatus = null;
            }
        }

        if (!done)
        {
            throw lastStatus is { } status
                ? CorpusErrors.HttpStatus(asset.Dest, url, status.Status, status.Reason, asset.Sha256, attempts)
                : CorpusErrors.Unreachable(asset.Dest, url, Describe(null, lastError), asset.Sha256, attempts, lastError!);
        }

        var actual = ContentHash.OfFile(part);
        if (actual != asset.Sha256)
        {
            File.Delete(part);
            throw CorpusErrors.HashMismatch(asset.Dest, url, asset.Sha256, actual);
        }

        File.Move(part, target, overwrite: true);
    }

    /// <inheritdoc/>
    public void Dispose() => _client.Dispose();

    // One request: null when the body is complete in the .part file, else the HTTP status that stopped it.
    private async Task<(int Status, string? Reason)?> AttemptAsync(CorpusAsset asset, Uri url, string part, CancellationToken cancellation)
    {
        var have = File.Exists(part) ? new FileInfo(part).Length : 0;
        if (asset.Size is { } size && have >= size)
        {
            if (have == size)
            {
                return null;
            }

            File.Delete(part);
            have = 0;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (have > 0)
        {
            request.Headers.Range = new RangeHeaderValue(have, null);
        }

        using var headers = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        headers.CancelAfter(_options.StallTimeout);
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, headers.Token).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && have > 0)
        {
            // The partial file is not a prefix the server knows: start over.
            File.Delete(part);
            return await AttemptAsync(asset, url, part, cancellation).ConfigureAwait(false);
        }

        if (!response.IsSuccessStatusCode)
        {
            return ((int)response.StatusCode, response.ReasonPhrase);
        }

        var resume = have > 0 && response.StatusCode == HttpStatusCode.PartialContent && response.Content.Headers.ContentRange?.From == have;
        if (have > 0 && !resume)
        {
            _log.WriteLine($"[corpora] {asset.Dest}: the server did not resume at byte {have}; downloading from the start.");
            have = 0;
        }

        var total = resume && response.Content.Headers.ContentRange?.Length is { } length ? length
            : response.Content.Headers.ContentLength is { } contentLength ? have + contentLength
            : asset.Size;
        _log.WriteLine($"[corpora] {asset.Dest}: {(resume ? $"resuming at {Megabytes(have)}" : "downloading")}{(total is { } t ? $" ({Megabytes(t)})" : string.Empty)} from {response.RequestMessage?.RequestUri ?? url}");
        await using var body = await response.Content.ReadAsStreamAsync(cancellation).ConfigureAwait(false);
        await using var file = new FileStream(part, resume ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        var buffer = new byte[1 << 16];
        var clock = Stopwatch.StartNew();
        var received = have;
        while (true)
        {
            using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            stall.CancelAfter(_options.StallTimeout);
            var read = await body.ReadAsync(buffer, stall.Token).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            await file.WriteAsync(buffer.AsMemory(0, read), cancellation).ConfigureAwait(false);
            received += read;
            BytesReceived += read;
            if (clock.Elapsed >= _options.ProgressInterval)
            {
                clock.Restart();
                var percent = total is > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({100.0 * received / total.Value:0}%)") : string.Empty;
                _log.WriteLine($"[corpora] {asset.Dest}: {Megabytes(received)}{percent}");
            }
        }

        await file.FlushAsync(cancellation).ConfigureAwait(false);
        return null;
    }

    private static string Describe((int Status, string? Reason)? status, Exception? error) =>
        status is { } s ? $"HTTP {s.Status} {s.Reason}"
        : error is OperationCanceledException ? "timed out"
        : error?.InnerException is { } inner ? $"{error.Message} ({inner.Message})"
        : error?.Message ?? "no answer";

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.0} MB");
}
