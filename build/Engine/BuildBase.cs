namespace Pipeline.Build.Engine;

/// <summary>
/// The base of a build class (NUKE's shape): declare <see cref="Target"/> properties and <see cref="ParameterAttribute"/>
/// properties, and start it from <c>Main</c> with <see cref="Execute{T}"/>.
/// </summary>
public abstract class BuildBase
{
    /// <summary>The repository root (the folder holding <c>.nuke/</c>).</summary>
    public string RootDirectory { get; internal set; } = Directory.GetCurrentDirectory();

    /// <summary>Where the build writes its log.</summary>
    public TextWriter Log { get; internal set; } = Console.Out;

    /// <summary>
    /// Writes, after the execution plan of <c>--plan</c>, what the targets that would run (<paramref name="targets"/>)
    /// would do beyond their names, such as which models would be trained; nothing by default.
    /// </summary>
    protected internal virtual void DescribePlan(TextWriter output, IReadOnlySet<string> targets)
    {
    }

    /// <summary>Runs the build of type <typeparamref name="T"/> from the process's command line; Ctrl-C cancels it cleanly.</summary>
    public static int Execute<T>(string[] args, Func<T, Target> defaultTarget)
        where T : BuildBase, new()
    {
        using var cancellation = new CancellationTokenSource();
        var pressed = 0;
        ConsoleCancelEventHandler handler = (_, e) =>
        {
            if (Interlocked.Increment(ref pressed) == 1)
            {
                e.Cancel = true;
                Console.Error.WriteLine("Cancelling: the running target stops at its next check; press Ctrl-C again to abort at once.");
                cancellation.Cancel();
            }
        };
        Console.CancelKeyPress += handler;
        try
        {
            var build = new T { RootDirectory = FindRoot(Directory.GetCurrentDirectory()) };
            var executor = new Executor(Console.Out, Console.Error, Environment());
            return executor.RunAsync(build, args, b => defaultTarget((T)b), cancellation.Token).GetAwaiter().GetResult();
        }
        finally
        {
            Console.CancelKeyPress -= handler;
        }
    }

    /// <summary>
    /// Checks the bound parameters before any target runs (e.g. that a version is SemVer), throwing a
    /// <see cref="BuildException"/> that names the parameter; the default accepts everything.
    /// </summary>
    protected internal virtual void CheckParameters()
    {
    }

    /// <summary>
    /// Takes the locks the planned targets (<paramref name="targets"/>, by name) need on the folders they write, held
    /// until they are done; null when there are none (the default).
    /// </summary>
    protected internal virtual IDisposable? LockOutputs(IReadOnlyList<string> targets) => null;

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds <c>.nuke/</c>.</summary>
    public static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".nuke")))
            {
                return dir.FullName;
            }
        }

        throw new BuildException($"No .nuke folder at or above {start}: run the build from the repository (./build.sh).");
    }

    /// <summary>The process's environment variables.</summary>
    public static Dictionary<string, string> Environment()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            result[(string)entry.Key] = entry.Value as string ?? string.Empty;
        }

        return result;
    }
}
