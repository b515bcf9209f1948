using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Pipeline.Trainer.Packaging;

/// <summary>
/// The temporary entries a killed <c>pipeline package</c> left in its output folder (<c>&lt;package&gt;.tmp-&lt;pid&gt;-*</c>
/// of an atomic directory or file write), removed by the next run under the folder's lock; a package directory whose
/// replacement was cut short (only its <c>.old</c> copy is left) is put back.
/// </summary>
internal static partial class PackageLeftovers
{
    /// <summary>Cleans <paramref name="output"/> of leftovers of processes that no longer run; returns their names.</summary>
    public static List<string> Remove(string output)
    {
        var removed = new List<string>();
        if (!Directory.Exists(output))
        {
            return removed;
        }

        foreach (var entry in new DirectoryInfo(output).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var match = Leftover().Match(entry.Name);
            if (!match.Success || IsRunning(int.Parse(match.Groups["pid"].Value, System.Globalization.CultureInfo.InvariantCulture)))
            {
                continue;
            }

            try
            {
                var original = Path.Combine(output, match.Groups["name"].Value);
                var directory = entry is DirectoryInfo && entry.LinkTarget is null;
                if (match.Groups["old"].Success && directory && !Path.Exists(original))
                {
                    ((DirectoryInfo)entry).MoveTo(original);
                    continue;
                }

                if (directory)
                {
                    ((DirectoryInfo)entry).Delete(recursive: true);
                }
                else
                {
                    entry.Delete();
                }

                removed.Add(entry.Name);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw TrainerErrors.LeftoverNotRemoved(entry.FullName, e);
            }
        }

        return removed;
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^(?<name>.+)\.tmp-(?<pid>\d{1,9})-[0-9a-f]{32}(?<old>\.old)?$")]
    private static partial Regex Leftover();
}
