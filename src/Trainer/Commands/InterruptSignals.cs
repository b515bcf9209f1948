using System.Runtime.InteropServices;

namespace Pipeline.Trainer.Commands;

/// <summary>
/// Turns Ctrl-C (SIGINT) and SIGTERM into a cancellation the running command sees, so that <c>train</c> stops at its
/// next check, keeps its completed epochs, releases its folder lock and exits 130 with the "--resume" note instead of
/// being killed at once. A second Ctrl-C (or SIGTERM) ends the process as usual, so that a command that does not
/// watch the token can still be stopped.
/// </summary>
internal sealed class InterruptSignals : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration? _terminate;
    private int _presses;

    public InterruptSignals()
    {
        Console.CancelKeyPress += OnCancelKeyPress;
        if (!OperatingSystem.IsWindows())
        {
            _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnTerminate);
        }
    }

    /// <summary>Cancelled at the first Ctrl-C or SIGTERM.</summary>
    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _terminate?.Dispose();
        _source.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e) => e.Cancel = First();

    private void OnTerminate(PosixSignalContext context) => context.Cancel = First();

    // The first signal cancels the token and keeps the process; a second one ends it as the system would.
    private bool First()
    {
        if (Interlocked.Increment(ref _presses) != 1)
        {
            return false;
        }

        Console.Error.WriteLine("Stopping at the next check (training keeps its completed epochs); press Ctrl-C again to stop at once.");
        try
        {
            _source.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }

        return true;
    }
}
