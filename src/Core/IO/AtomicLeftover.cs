using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Serialization;

/// <summary>
/// An entry that an interrupted <see cref="AtomicFile"/> write left in a folder: its temporary copy
/// (<c>&lt;name&gt;.tmp-&lt;pid&gt;-&lt;guid&gt;</c>) or the previous version it had set aside (the same with
/// <c>.old</c>). Public so that a tool which owns a folder (under its lock) can clean it up after a killed run, as
/// <c>pipeline train</c> and <c>pipeline package</c> do.
/// </summary>
/// <param name="Entry">The leftover itself.</param>
/// <param name="Original">The path of the entry the write was replacing.</param>
/// <param name="ProcessId">The process that was writing.</param>
/// <param name="SetAside">Whether it is the previous version, set aside while the new one was put in place.</param>
public sealed partial record AtomicLeftover(FileSystemInfo Entry, string Original, int ProcessId, bool SetAside)
{
    /// <summary>The leftovers directly in <paramref name="folder"/>, by name; none when the folder does not exist.</summary>
    public static IEnumerable<AtomicLeftover> In(string folder)
    {
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var match = Name().Match(entry.Name);
            if (match.Success)
            {
                yield return new AtomicLeftover(
                    entry,
                    Path.Combine(folder, match.Groups["name"].Value),
                    int.Parse(match.Groups["pid"].Value, CultureInfo.InvariantCulture),
                    match.Groups["old"].Success);
            }
        }
    }

    /// <summary>
    /// Ends the interrupted write: a set-aside previous version whose original is missing is put back (true);
    /// anything else is deleted (false). I/O errors pass to the caller, which names the folder.
    /// </summary>
    public bool Finish()
    {
        var folder = Entry is DirectoryInfo && Entry.LinkTarget is null ? (DirectoryInfo)Entry : null;
        if (SetAside && Entry.LinkTarget is null && !Path.Exists(Original))
        {
            if (folder is not null)
            {
                folder.MoveTo(Original);
            }
            else
            {
                File.Move(Entry.FullName, Original);
            }

            return true;
        }

        if (folder is not null)
        {
            folder.Delete(recursive: true);
        }
        else
        {
            Entry.Delete();
        }

        return false;
    }

    [GeneratedRegex(@"^(?<name>.+)\.tmp-(?<pid>\d{1,9})-[0-9a-f]{32}(?<old>\.old)?$")]
    private static partial Regex Name();
}
