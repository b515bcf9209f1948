namespace Pipeline.Build.Engine;

/// <summary>How a planned target ended.</summary>
public enum TargetStatus
{
    /// <summary>It ran and succeeded.</summary>
    Succeeded,

    /// <summary>It was skipped by <c>--skip</c> or a false <c>OnlyWhen</c> condition.</summary>
    Skipped,

    /// <summary>It threw.</summary>
    Failed,

    /// <summary>It was stopped by Ctrl-C.</summary>
    Cancelled,

    /// <summary>It did not run because an earlier target failed or the build was cancelled.</summary>
    NotRun,
}
