using System.Diagnostics;
using Pipeline.Serialization;

namespace Pipeline.Trainer.Packaging;

/// <summary>
/// The temporary entries a killed <c>pipeline package</c> left in its output folder (<c>&lt;package&gt;.tmp-&lt;pid&gt;-*</c>
/// of an atomic directory or file write), removed by the next run under the folder's lock; a package directory whose
/// replacement was cut short (only its <c>.old</c> copy is left) is put back.
/// </summary>
internal static class PackageLeftovers
{
    /// <summary>Cleans <paramref name="output"/> of leftovers of processes that no longer run; returns their names.</summary>
    public static List<string> Remove(string output)
    {
        var removed = new List<string>();
        foreach (var leftover in AtomicLeftover.In(output).Where(l => !IsRunning(l.ProcessId)))
        {
            try
            {
                if (!leftover.Finish())
                {
                    removed.Add(leftover.Entry.Name);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw TrainerErrors.LeftoverNotRemoved(leftover.Entry.FullName, e);
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
}
