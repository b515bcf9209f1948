namespace Pipeline.Build.Engine;

/// <summary>One row of the summary table.</summary>
/// <param name="Name">The target.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Duration">How long it ran.</param>
/// <param name="Notes">Notes the target added, or the reason it was skipped, failed or not run.</param>
public sealed record TargetResult(string Name, TargetStatus Status, TimeSpan Duration, IReadOnlyList<string> Notes);
