using Pipeline.Build.Tools;

namespace Pipeline.Build.Tests.Support;

/// <summary>Answers each run with the next scripted result and records the calls.</summary>
internal sealed class FakeProcessRunner : IProcessRunner
{
    private readonly Queue<ProcessResult> _results;

    public FakeProcessRunner(params ProcessResult[] results) => _results = new Queue<ProcessResult>(results);

    public List<(IReadOnlyList<string> Arguments, string Display)> Calls { get; } = [];

    public Task<ProcessResult> RunAsync(string program, IReadOnlyList<string> arguments, string directory, string display, CancellationToken cancellation)
    {
        Calls.Add((arguments, display));
        return Task.FromResult(_results.Count > 0 ? _results.Dequeue() : new ProcessResult(0, "ok"));
    }
}
