using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pipeline.Build.Tests;

/// <summary>The committed templates' corpus assets: complete, pinned to commits, cited in sources, and true to the corpora here.</summary>
public sealed partial class TemplateAssetsTests
{
    private static readonly IReadOnlyList<ModelTemplate> Templates = ModelTemplate.LoadAll(Path.Combine(Repo.Root, "meta-templates"));

    [Fact]
    public void Every_corpus_file_has_an_asset_pinned_to_a_commit_and_its_repository_is_cited_at_that_commit()
    {
        foreach (var template in Templates)
        {
            Assert.Equal(template.CorpusNames.Order(StringComparer.Ordinal), template.Assets.Select(a => a.Dest).Order(StringComparer.Ordinal));
            using var json = JsonDocument.Parse(File.ReadAllText(template.Path));
            var sources = json.RootElement.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("url").GetString()!).ToList();
            foreach (var asset in template.Assets)
            {
                var match = RawUrl().Match(asset.Url.AbsoluteUri);
                Assert.True(match.Success, $"{template.Id}: {asset.Url} is not a raw.githubusercontent.com URL at a commit");
                var repository = match.Groups["repo"].Value;
                var cited = sources.Single(s => s.StartsWith($"https://github.com/{repository}/tree/", StringComparison.Ordinal));
                var preliminary = asset.Dest == "ner/en_ewt/train.iob2";
                Assert.Equal(!preliminary, cited.EndsWith(match.Groups["commit"].Value, StringComparison.Ordinal));
                Assert.False(string.IsNullOrWhiteSpace(asset.License));
            }
        }
    }

    [Fact]
    public void The_corpora_here_have_the_templates_hashes_and_sizes()
    {
        var root = Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "corpora"));
        if (!Directory.Exists(root))
        {
            return;
        }

        foreach (var asset in Templates.SelectMany(t => t.Assets).DistinctBy(a => a.Dest))
        {
            var bytes = File.ReadAllBytes(Path.Combine(root, asset.Dest));
            Assert.Equal(asset.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            Assert.Equal(asset.Size, bytes.Length);
        }
    }

    [GeneratedRegex("^https://raw\\.githubusercontent\\.com/(?<repo>[^/]+/[^/]+)/(?<commit>[0-9a-f]{40})/[^/]+$")]
    private static partial Regex RawUrl();
}
