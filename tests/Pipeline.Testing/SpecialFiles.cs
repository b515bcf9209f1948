using System.Diagnostics;
using System.Net.Sockets;
using Xunit;

namespace Pipeline.Testing;

/// <summary>
/// Makes the special files that readers must refuse (a FIFO, a socket, a link to a device) and runs code under a hang
/// guard, so a reader that regresses into blocking fails the test instead of hanging the run.
/// </summary>
public static class SpecialFiles
{
    /// <summary>A generous bound for work that should take milliseconds; it guards against hangs, it times nothing.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    /// <summary>The kinds of non-regular entries the tests make.</summary>
    public static readonly TheoryData<string> Kinds = ["fifo", "dev-zero", "dev-null", "folder", "socket", "link-to-fifo", "link-to-dev-zero"];

    /// <summary>Creates an entry of <paramref name="kind"/> at <paramref name="path"/>; a socket stays bound while the returned object lives.</summary>
    public static IDisposable? Make(string kind, string path)
    {
        switch (kind)
        {
            case "fifo":
                MakeFifo(path);
                return null;
            case "dev-zero":
                File.CreateSymbolicLink(path, "/dev/zero");
                return null;
            case "dev-null":
                File.CreateSymbolicLink(path, "/dev/null");
                return null;
            case "folder":
                Directory.CreateDirectory(path);
                return null;
            case "socket":
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                socket.Bind(new UnixDomainSocketEndPoint(path));
                return socket;
            case "link-to-fifo":
                MakeFifo(path + ".fifo");
                File.CreateSymbolicLink(path, path + ".fifo");
                return null;
            case "link-to-dev-zero":
                File.CreateSymbolicLink(path, "/dev/zero");
                return null;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    /// <summary>Makes a FIFO with mkfifo(1).</summary>
    public static void MakeFifo(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    /// <summary>Runs <paramref name="action"/> on the thread pool and fails if it does not finish within <see cref="HangGuard"/>.</summary>
    public static void WithinGuard(Action action)
    {
        var task = Task.Run(action);
        try
        {
            task.WaitAsync(HangGuard).GetAwaiter().GetResult();
        }
        catch (TimeoutException)
        {
            Assert.Fail($"still running after {HangGuard.TotalSeconds} s: the reader blocked or spun on a special file");
        }
    }

    /// <summary>The exception <paramref name="action"/> throws, under the hang guard.</summary>
    public static T ThrowsWithinGuard<T>(Action action)
        where T : Exception
    {
        Exception? thrown = null;
        WithinGuard(() =>
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                thrown = e;
            }
        });
        return Assert.IsType<T>(thrown, exactMatch: false);
    }
}
