namespace Pipeline.Tests.Tokenization;

/// <summary>Tests that change the process-wide <c>RegexSettings.MatchTimeout</c> run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RegexSettingsCollection
{
    public const string Name = "RegexSettings";
}
