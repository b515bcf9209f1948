using System.Globalization;

namespace Pipeline.Build.Engine;

/// <summary>Writes the table that ends every run: target, status, duration, notes, and the total.</summary>
public static class SummaryTable
{
    /// <summary>The longest note shown in the table.</summary>
    public const int MaxNote = 160;

    /// <summary>Writes the table of <paramref name="results"/>.</summary>
    public static void Write(TextWriter output, IReadOnlyList<TargetResult> results)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(results);
        var nameWidth = Math.Max("Target".Length, results.Count == 0 ? 0 : results.Max(r => r.Name.Length)) + 2;
        const int StatusWidth = 11;
        const int DurationWidth = 10;
        var rows = results.Select(r => (r.Name, Status: r.Status.ToString(), Duration: Format(r.Duration), Notes: string.Join("; ", r.Notes.Select(Shorten)))).ToList();
        var width = nameWidth + StatusWidth + DurationWidth + Math.Max(5, rows.Count == 0 ? 0 : rows.Max(r => r.Notes.Length));
        var rule = new string('-', Math.Min(width, 120));
        output.WriteLine();
        output.WriteLine(new string('=', rule.Length));
        output.WriteLine(Row("Target", "Status", "Duration", "Notes"));
        output.WriteLine(rule);
        foreach (var row in rows)
        {
            output.WriteLine(Row(row.Name, row.Status, row.Duration, row.Notes));
        }

        output.WriteLine(rule);
        output.WriteLine(Row("Total", string.Empty, Format(TimeSpan.FromTicks(results.Sum(r => r.Duration.Ticks))), string.Empty));
        output.WriteLine(new string('=', rule.Length));

        string Row(string name, string status, string duration, string notes) =>
            (name.PadRight(nameWidth) + status.PadRight(StatusWidth) + duration.PadRight(DurationWidth) + notes).TrimEnd();
    }

    /// <summary>A note cut to <see cref="MaxNote"/> characters (the full text is in the log above the table).</summary>
    public static string Shorten(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        var line = note.ReplaceLineEndings(" ");
        return line.Length <= MaxNote ? line : string.Concat(line.AsSpan(0, MaxNote - 1), "…");
    }

    /// <summary>A duration as <c>m:ss</c> (or <c>h:mm:ss</c>), <c>&lt; 1s</c> below a second.</summary>
    public static string Format(TimeSpan duration) =>
        duration < TimeSpan.FromSeconds(1) ? "< 1s"
        : duration.TotalHours >= 1 ? duration.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : duration.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
