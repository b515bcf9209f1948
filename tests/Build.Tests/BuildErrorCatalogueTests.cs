using System.Text.RegularExpressions;

namespace Pipeline.Build.Tests;

/// <summary>The orchestrator's coded errors and warnings are listed in docs/errors.md, each once.</summary>
public sealed partial class BuildErrorCatalogueTests
{
    [Fact]
    public void Every_code_of_the_orchestrator_is_documented_once()
    {
        var codes = Directory.GetFiles(Path.Combine(Repo.Root, "build"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => CodeInMessage().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();
        Assert.Contains("E203", codes);
        Assert.Contains("W041", codes);
        var doc = File.ReadAllText(Path.Combine(Repo.Root, "docs", "errors.md"));
        var documented = DocumentedCode().Matches(doc).Select(m => m.Groups[1].Value).ToList();
        Assert.Empty(codes.Except(documented).Order());
        Assert.Equal(documented.Count, documented.Distinct().Count());
    }

    [GeneratedRegex(@"(?:\[|warning )([EW]\d{3})[\] :]")]
    private static partial Regex CodeInMessage();

    [GeneratedRegex(@"^\| `([EW]\d{3})` \|", RegexOptions.Multiline)]
    private static partial Regex DocumentedCode();
}
