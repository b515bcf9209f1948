using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Pipeline.Build.Tests.Support;

/// <summary>
/// An HTTP server on 127.0.0.1 (HttpListener) that serves byte arrays by path, honours <c>Range: bytes=N-</c>,
/// and misbehaves on request: cut a body short once, answer with a status, or redirect. It records every request.
/// </summary>
internal sealed class CorpusServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _status = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _redirects = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _cutOnce = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Path, string? Range)> _requests = new();
    private readonly Task _loop;

    public CorpusServer()
    {
        // A free port: bind port 0, read it, release it, then listen there.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string BaseUrl { get; }

    /// <summary>Every request so far: its path and Range header.</summary>
    public IReadOnlyList<(string Path, string? Range)> Requests => [.. _requests];

    public string Serve(string path, byte[] bytes)
    {
        _files[path] = bytes;
        return BaseUrl + path;
    }

    /// <summary>Answers every request for <paramref name="path"/> with <paramref name="status"/>.</summary>
    public void Fail(string path, int status) => _status[path] = status;

    /// <summary>Answers <paramref name="path"/> with a 302 to <paramref name="target"/>.</summary>
    public void Redirect(string path, string target) => _redirects[path] = target;

    /// <summary>The next full answer for <paramref name="path"/> announces the whole length but closes after <paramref name="bytes"/> bytes.</summary>
    public void CutOnce(string path, int bytes) => _cutOnce[path] = bytes;

    public void Dispose()
    {
        if (!_listener.IsListening)
        {
            return;
        }

        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Answer(context));
        }
    }

    private void Answer(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        var range = context.Request.Headers["Range"];
        _requests.Enqueue((path, range));
        var response = context.Response;
        try
        {
            if (_status.TryGetValue(path, out var status))
            {
                response.StatusCode = status;
                response.Close();
                return;
            }

            if (_redirects.TryGetValue(path, out var target))
            {
                response.StatusCode = 302;
                response.RedirectLocation = target;
                response.Close();
                return;
            }

            if (!_files.TryGetValue(path, out var bytes))
            {
                response.StatusCode = 404;
                response.Close();
                return;
            }

            long from = 0;
            if (range is { Length: > 0 } && range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-')
                && long.TryParse(range["bytes=".Length..^1], out var start))
            {
                if (start >= bytes.Length)
                {
                    response.StatusCode = 416;
                    response.Close();
                    return;
                }

                from = start;
                response.StatusCode = 206;
                response.AddHeader("Content-Range", $"bytes {start}-{bytes.Length - 1}/{bytes.Length}");
            }

            response.ContentLength64 = bytes.Length - from;
            if (from == 0 && _cutOnce.TryRemove(path, out var cut))
            {
                response.OutputStream.Write(bytes, 0, cut);
                response.OutputStream.Flush();
                response.Abort();
                return;
            }

            response.OutputStream.Write(bytes, (int)from, (int)(bytes.Length - from));
            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            response.Abort();
        }
    }
}
