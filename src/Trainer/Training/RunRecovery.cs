using System.Text.RegularExpressions;
using Pipeline.Serialization;
using Pipeline.Trainer.Output;

namespace Pipeline.Trainer.Training;

/// <summary>
/// Keeps a run folder clean across kills and interrupts. Runs under the folder's lock, so nothing it finds is being
/// written: it removes the temporary entries of writes a killed run left unfinished (<c>model&lt;N&gt;.tmp-*</c>,
/// <c>training-state.json.tmp-*</c>, ...), putting back a folder whose replacement was cut short; and it holds an
/// earlier run's files aside while a fresh run trains its first epoch (<see cref="SetAside"/>), deleting them once
/// the new run has a checkpoint (<see cref="DropSetAside"/>) and putting them back when it stopped before one.
/// </summary>
internal static partial class RunRecovery
{
    /// <summary>The folder, inside the run folder, that holds the earlier run's files during a fresh run's first epoch.</summary>
    public const string AsideFolder = ".earlier-run";

    private static readonly string[] Files = [TrainingState.FileName, TrainingLog.FileName, ReportWriter.FileName];

    /// <summary>Cleans up after a killed or interrupted run in <paramref name="output"/> (see the class summary).</summary>
    public static void Recover(string output, Action<string> info)
    {
        if (!Directory.Exists(output))
        {
            return;
        }

        RemoveLeftovers(output, info);
        RestoreSetAside(output, info);
    }

    /// <summary>
    /// For a fresh start: moves the earlier run's files and its model folders (<paramref name="folders"/>, proven
    /// its own) into <see cref="AsideFolder"/>; nothing is deleted until the new run has its first checkpoint.
    /// </summary>
    public static void SetAside(string output, IReadOnlyList<string> folders, Action<string> info)
    {
        var aside = Path.Combine(output, AsideFolder);
        var entries = Files.Select(f => Path.Combine(output, f)).Where(File.Exists).Concat(folders).ToList();
        if (entries.Count == 0)
        {
            return;
        }

        Blocked(aside, () =>
        {
            if (Directory.Exists(aside))
            {
                Directory.Delete(aside, recursive: true);
            }

            Directory.CreateDirectory(aside);
        });
        foreach (var entry in entries)
        {
            var target = Path.Combine(aside, Path.GetFileName(entry));
            Blocked(entry, () =>
            {
                if (Directory.Exists(entry))
                {
                    Directory.Move(entry, target);
                }
                else
                {
                    File.Move(entry, target);
                }
            });
        }

        if (folders.Count > 0)
        {
            info($"Starting over: the {folders.Count} model folder(s) of the earlier run recorded in {output} are set aside in " +
                $"{AsideFolder}/ and deleted once the first new checkpoint is written.");
        }
    }

    /// <summary>Deletes what <see cref="SetAside"/> kept: the new run has its first checkpoint.</summary>
    public static void DropSetAside(string output)
    {
        var aside = Path.Combine(output, AsideFolder);
        if (Directory.Exists(aside))
        {
            Blocked(aside, () => Directory.Delete(aside, recursive: true));
        }
    }

    // Temporary entries of unfinished atomic writes: every one is a dead run's, as this run holds the lock.
    private static void RemoveLeftovers(string output, Action<string> info)
    {
        var removed = new List<string>();
        foreach (var leftover in AtomicLeftover.In(output).Where(l => RunEntry().IsMatch(Path.GetFileName(l.Original))))
        {
            var putBack = false;
            Blocked(leftover.Entry.FullName, () => putBack = leftover.Finish());
            if (putBack)
            {
                // The killed run had moved the previous version aside and not yet put the new one in place.
                info($"Put back {Path.GetFileName(leftover.Original)}, whose replacement an interrupted run left unfinished.");
            }
            else
            {
                removed.Add(leftover.Entry.Name);
            }
        }

        if (removed.Count > 0)
        {
            info($"Removed {removed.Count} unfinished temporary entr{(removed.Count == 1 ? "y" : "ies")} of an interrupted run in {output}: {string.Join(", ", removed)}.");
        }
    }

    // A fresh run that set the earlier run aside and stopped before its first checkpoint: put the earlier run back.
    private static void RestoreSetAside(string output, Action<string> info)
    {
        var aside = Path.Combine(output, AsideFolder);
        if (!Directory.Exists(aside))
        {
            return;
        }

        var statePath = Path.Combine(output, TrainingState.FileName);
        var state = EarlierRun.TryReadState(output);
        if (state is { Epochs.Count: > 0 })
        {
            DropSetAside(output);
            return;
        }

        // What the stopped run wrote: its state (no epoch yet) and the checkpoint it was putting in place.
        if (state?.Pending is { } pending && EarlierRun.IsCheckpoint(Path.Combine(output, pending.Folder), pending.ModelHash))
        {
            var folder = Path.Combine(output, pending.Folder);
            Blocked(folder, () => Directory.Delete(folder, recursive: true));
        }

        if (state is not null || File.Exists(statePath))
        {
            Blocked(statePath, () => File.Delete(statePath));
        }

        var kept = new List<string>();
        foreach (var entry in new DirectoryInfo(aside).EnumerateFileSystemInfos())
        {
            var target = Path.Combine(output, entry.Name);
            if (Path.Exists(target))
            {
                kept.Add(entry.Name);
                continue;
            }

            Blocked(entry.FullName, () => Move(entry, target));
        }

        if (kept.Count == 0)
        {
            DropSetAside(output);
        }

        info($"Put back the earlier run in {output}: a fresh run had set it aside and stopped before its first checkpoint" +
            (kept.Count == 0 ? "." : $"; {string.Join(", ", kept)} stay in {AsideFolder}/ (the name is taken)."));
    }

    private static void Move(FileSystemInfo entry, string target)
    {
        if (entry is DirectoryInfo directory && entry.LinkTarget is null)
        {
            directory.MoveTo(target);
        }
        else
        {
            File.Move(entry.FullName, target);
        }
    }

    private static void Blocked(string path, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw TrainerErrors.TrainingOutputBlocked(path, $"an interrupted run's {Path.GetFileName(path)} could not be cleaned up ({e.Message})");
        }
    }

    // The entries of a run folder that are written atomically.
    [GeneratedRegex(@"^(model(\d+|-final|-best)|training-state\.json|training-log\.jsonl|report\.html)$")]
    private static partial Regex RunEntry();
}
