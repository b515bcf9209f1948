using System.Text.RegularExpressions;

namespace Pipeline.Tests.Docs;

/// <summary>Each code block marked as a snippet in docs/*.md must equal the region of that name in docs/examples.</summary>
public partial class DocsSnippetTests
{
    public static TheoryData<string> Snippets()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in DocSnippets())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void SnippetMatchesCompiledExample(string name)
    {
        var block = DocSnippets().Single(s => s.Name == name).Code;
        var regions = ExampleRegions();
        Assert.True(regions.TryGetValue(name, out var region), $"docs/examples has no #region {name}");
        Assert.Equal(region, block);
    }

    [Fact]
    public void DocsHaveSnippets() => Assert.True(DocSnippets().Count() >= 8);

    private static IEnumerable<(string Name, string Code)> DocSnippets()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Docs, "*.md"))
        {
            foreach (Match m in SnippetBlock().Matches(File.ReadAllText(file).ReplaceLineEndings("\n")))
            {
                yield return (m.Groups[1].Value, m.Groups[2].Value.TrimEnd());
            }
        }
    }

    private static Dictionary<string, string> ExampleRegions()
    {
        var result = new Dictionary<string, string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Docs, "examples"), "*.cs"))
        {
            foreach (Match m in Region().Matches(File.ReadAllText(file).ReplaceLineEndings("\n")))
            {
                result[m.Groups[1].Value] = Dedent(m.Groups[2].Value);
            }
        }

        return result;
    }

    private static string Dedent(string code)
    {
        var lines = code.TrimEnd().Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart())).TrimEnd();
    }

    [GeneratedRegex(@"<!-- snippet: (\w+) -->\n```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex SnippetBlock();

    [GeneratedRegex(@"#region (\w+)\n(.*?)\n[ \t]*#endregion", RegexOptions.Singleline)]
    private static partial Regex Region();
}
