using System.Globalization;

namespace Pipeline.Build.Publishing;

/// <summary>One score of a model against the same score of its version already on the feed.</summary>
/// <param name="Model">The package id.</param>
/// <param name="Score">The score key (e.g. <c>las</c>, <c>ents_f</c>).</param>
/// <param name="OldVersion">The version on the feed.</param>
/// <param name="Old">Its score, in percent.</param>
/// <param name="NewVersion">The version being published.</param>
/// <param name="New">Its score, in percent.</param>
internal sealed record ScoreDelta(string Model, string Score, string OldVersion, double Old, string NewVersion, double New)
{
    /// <summary>New minus old, in points.</summary>
    public double Delta => New - Old;

    /// <summary>E.g. "en_x las 85.10 (0.1.0) → 84.20 (0.2.0), -0.90".</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Model} {Score} {Old:0.00} ({OldVersion}) → {New:0.00} ({NewVersion}), {Delta:+0.00;-0.00;±0.00}");
}
