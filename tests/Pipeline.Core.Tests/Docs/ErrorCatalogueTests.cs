using System.Text.RegularExpressions;

namespace Pipeline.Tests.Docs;

public partial class ErrorCatalogueTests
{
    [Fact]
    public void EveryCodeInTheSourceIsDocumentedOnce()
    {
        var sources = Directory.GetFiles(Path.Combine(RepoPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText);
        var codes = sources.SelectMany(s => CodeLiteral().Matches(s).Select(m => m.Groups[1].Value)).ToHashSet();
        Assert.NotEmpty(codes);
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Docs, "errors.md"));
        var documented = DocumentedCode().Matches(doc).Select(m => m.Groups[1].Value).ToList();
        Assert.Empty(codes.Except(documented).Order());
        Assert.Equal(documented.Count, documented.Distinct().Count());
    }

    [GeneratedRegex("\"([EW]\\d{3})\"")]
    private static partial Regex CodeLiteral();

    [GeneratedRegex(@"^\| `([EW]\d{3})` \|", RegexOptions.Multiline)]
    private static partial Regex DocumentedCode();
}
