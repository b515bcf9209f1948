namespace Pipeline.Build.Tests.Support;

/// <summary>Runs a build in-process against a temporary root and captures its output.</summary>
internal static class ToyRun
{
    public static (int Exit, string Output, string Error, Executor Executor) Run<T>(
        T build, string root, Func<T, Target> defaultTarget, IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellation = default, params string[] args)
        where T : BuildBase
    {
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        build.RootDirectory = root;
        var output = new StringWriter();
        var error = new StringWriter();
        var executor = new Executor(output, error, environment ?? new Dictionary<string, string>());
        var exit = executor.RunAsync(build, args, b => defaultTarget((T)b), cancellation).GetAwaiter().GetResult();
        return (exit, output.ToString(), error.ToString(), executor);
    }
}
