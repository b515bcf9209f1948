using System.Text.RegularExpressions;
using Pipeline.Build.Engine;
using Pipeline.IO;
using Pipeline.Serialization;
using Pipeline.Trainer.Packaging;

namespace Pipeline.Build;

/// <content>
/// Parameter checks made before anything runs (values reach dotnet/MSBuild and file paths), and the lock on
/// <c>artifacts/</c>.
/// </content>
internal sealed partial class Build
{
    // Targets that write into the artifacts folder.
    private static readonly string[] ArtifactWriters = ["Clean", "Train", "Evaluate", "Package", "Publish"];

    /// <inheritdoc/>
    protected internal override void CheckParameters()
    {
        if (Version is { } version && !MetaValidator.IsSemVer(version))
        {
            throw new BuildException($"--version is '{Shown(version)}' (from the command line, the VERSION environment variable or parameters.json); it must be a SemVer version such as 1.0.0 or 1.1.0-beta.1, as it is stamped into every model.");
        }

        if (!SafeName().IsMatch(Configuration))
        {
            throw new BuildException($"--configuration is '{Shown(Configuration)}'; it must be a configuration name of letters, digits, '.', '_' or '-' (Debug or Release), as it is passed to dotnet.");
        }

        foreach (var model in Models.Where(m => !SafeName().IsMatch(m)))
        {
            throw new BuildException($"--models names '{Shown(model)}', which is not a template id (<lang>_<name> of letters, digits and '_').");
        }

        foreach (var (option, value) in new[] { ("--corpora", CorpusFolder), ("--corpora-cache", CorporaCache ?? string.Empty), ("--artifacts", Artifacts), ("--templates", Templates), ("--feed", Feed ?? string.Empty) })
        {
            if (value.Any(char.IsControl))
            {
                throw new BuildException($"{option} '{Shown(value)}' holds a control character; pass a path without one.");
            }
        }

        // The artifacts folder reaches MSBuild (dotnet pack -o, and projects built under artifacts/tmp): ';' and ','
        // would split it into other properties, and MSBuild reads % $ @ ' * ? in a project's path as its own syntax.
        var special = ArtifactsDirectory.Where(c => (MsBuildValue.UnbuildableInPath + ";,").Contains(c)).Distinct().ToList();
        if (special.Count > 0)
        {
            throw new BuildException($"--artifacts '{Artifacts}' (the folder {ArtifactsDirectory}) holds {string.Join(' ', special.Select(c => $"'{c}'"))}, which MSBuild would read as a separator, escape or its own syntax when the path is passed to dotnet pack; choose a folder without them.");
        }
    }

    /// <inheritdoc/>
    protected internal override IDisposable? LockOutputs(IReadOnlyList<string> targets) =>
        targets.Any(t => ArtifactWriters.Contains(t, StringComparer.Ordinal))
            ? FolderLock.Acquire(ArtifactsDirectory, FolderLock.CommandOf(string.Join(' ', targets)))
            : null;

    private static string Shown(string value) => string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex SafeName();
}
