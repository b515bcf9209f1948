using System.Net;
using System.Net.Sockets;
using System.Text;
using Pipeline.Build.Publishing;

namespace Pipeline.Build.Tests;

/// <summary>The regression gate finds the version already on an HTTP v3 feed (a loopback server of the test).</summary>
public sealed class FeedVersionsTests : TempDirTest
{
    [Fact]
    public async Task An_http_feed_gives_the_highest_earlier_version_through_its_package_base_address_with_the_key_on_401()
    {
        var package = await File.ReadAllBytesAsync(FakePackage.Write(Path.Combine(Dir.Path, "p.nupkg"), "en_x", "1.0.0"));
        var requests = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var server = Serve((request, response) =>
        {
            var path = request.Url!.AbsolutePath;
            requests.Enqueue(path + (request.Headers["Authorization"] is { } auth ? " " + auth : string.Empty));
            if (request.Headers["Authorization"] is null)
            {
                response.StatusCode = 401;
                return [];
            }

            return path switch
            {
                "/v3/index.json" => Encoding.UTF8.GetBytes($$"""{ "version": "3.0.0", "resources": [ { "@id": "{{request.Url.GetLeftPart(UriPartial.Authority)}}/flat/", "@type": "PackageBaseAddress/3.0.0" } ] }"""),
                "/flat/en_x/index.json" => Encoding.UTF8.GetBytes("""{ "versions": [ "0.9.0", "1.0.0", "1.1.0", "2.0.0" ] }"""),
                "/flat/en_x/1.0.0/en_x.1.0.0.nupkg" => package,
                _ => NotFound(response),
            };
        }, out var address);
        using var http = new HttpClient();
        var feed = new FeedVersions(address + "v3/index.json", "k3y", Path.Combine(Dir.Path, "scratch"), http);

        var previous = await feed.PreviousAsync("en_x", "1.1.0", CancellationToken.None);

        Assert.NotNull(previous);
        Assert.Equal("1.0.0", previous.Value.Version);
        Assert.Equal(package, await File.ReadAllBytesAsync(previous.Value.Path));
        Assert.Contains(requests, r => r.StartsWith("/flat/en_x/1.0.0/en_x.1.0.0.nupkg Basic ", StringComparison.Ordinal));
        Assert.Null(await feed.PreviousAsync("en_unknown", "1.0.0", CancellationToken.None));
    }

    private static byte[] NotFound(HttpListenerResponse response)
    {
        response.StatusCode = 404;
        return [];
    }

    private static HttpListener Serve(Func<HttpListenerRequest, HttpListenerResponse, byte[]> answer, out string address)
    {
        var port = FreePort();
        address = $"http://127.0.0.1:{port}/";
        var listener = new HttpListener();
        listener.Prefixes.Add(address);
        listener.Start();
        _ = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                var body = answer(context.Request, context.Response);
                context.Response.ContentLength64 = body.Length;
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        });
        return listener;
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
