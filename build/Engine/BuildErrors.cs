using System.Globalization;

namespace Pipeline.Build.Engine;

/// <summary>
/// The orchestrator's coded errors (E220-E239) and warnings (W045-W049): one factory per code, each message naming
/// what is wrong, where, and the fix; docs/errors.md lists them with the Pipeline.Core codes.
/// </summary>
internal static class BuildErrors
{
    /// <summary>E220: a model's main score dropped on the feed by more than --max-drop.</summary>
    public static BuildException ScoreRegression(IEnumerable<Publishing.ScoreDelta> regressions, double maxDrop, string feed) => new(
        $"[E220] Publishing to {feed} refused: " +
        string.Join("; ", regressions.Select(r => r.Describe())) +
        $". Each dropped by more than --max-drop {maxDrop.ToString("0.##", CultureInfo.InvariantCulture)} points. Fix the model, raise --max-drop, or pass --allow-regression to publish anyway.");

    /// <summary>E221: the feed's earlier version of a model could not be read for the regression gate.</summary>
    public static BuildException PreviousVersionUnreadable(string id, string version, string feed, string reason) => new(
        $"[E221] Cannot read {id} {version} on {feed} to compare scores: {reason}. Check the feed address and access (--api-key), or pass --allow-regression to publish without the comparison.");

    /// <summary>E222: the README table was asked for while not every model is fully trained and evaluated.</summary>
    public static BuildException IncompleteModelSet(IEnumerable<string> problems, string modelsRoot) => new(
        $"[E222] The README models table is written only from a complete set of fully trained, evaluated models (under {modelsRoot}); not ready: {string.Join(", ", problems)}. Run ./build.sh (all models, no --models, --epochs or --n-sents) first, then ./build.sh ReadmeTable.");

    /// <summary>E223: ReadmeTable was given --models.</summary>
    public static BuildException ReadmeTableWithModels() => new(
        "[E223] ReadmeTable writes the row of every template and cannot be limited with --models; run ./build.sh ReadmeTable without --models.");

    /// <summary>W045: a score regression was published because --allow-regression was given.</summary>
    public static string RegressionAllowed(Publishing.ScoreDelta regression) =>
        $"warning W045: publishing despite a regression (--allow-regression): {regression.Describe()}.";
}
