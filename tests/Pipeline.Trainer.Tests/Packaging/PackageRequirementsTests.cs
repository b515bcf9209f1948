namespace Pipeline.Trainer.Tests.Packaging;

public class PackageRequirementsTests
{
    [Theory]
    [InlineData("Snek", "Snek", null)]
    [InlineData("Snek>=1.0", "Snek", "[1.0, )")]
    [InlineData(" Snek >= 1.0.2 ", "Snek", "[1.0.2, )")]
    [InlineData("Snek 1.0", "Snek", "[1.0, )")]
    [InlineData("Snek==1.2.3", "Snek", "[1.2.3]")]
    [InlineData("Snek>1.0", "Snek", "(1.0, )")]
    [InlineData("Snek<2.0", "Snek", "(, 2.0)")]
    [InlineData("Snek<=2.0", "Snek", "(, 2.0]")]
    [InlineData("Snek>=1.0,<2.0", "Snek", "[1.0, 2.0)")]
    [InlineData("Snek~=1.4", "Snek", "[1.4, 2.0)")]
    [InlineData("Snek~=1.4.2", "Snek", "[1.4.2, 1.5)")]
    [InlineData("Snek [1.0,2.0)", "Snek", "[1.0, 2.0)")]
    [InlineData("Snek [1.0]", "Snek", "[1.0]")]
    [InlineData("My.Plugin-Pack>=1.0.0-beta.1", "My.Plugin-Pack", "[1.0.0-beta.1, )")]
    public void RequirementStringsBecomeNuGetRanges(string requirement, string id, string? range)
    {
        var dependency = PackageRequirements.Parse(requirement);
        Assert.Equal(id, dependency.Id);
        Assert.Equal(range, dependency.VersionRange);
    }

    [Theory]
    [InlineData(">=1.0")]
    [InlineData("Snek!=1.0")]
    [InlineData("Snek>=abc")]
    [InlineData("Snek [1.0")]
    [InlineData("Snek [, ]")]
    [InlineData("Snek>=1.0,>=2.0")]
    [InlineData("Snek==1.0,<2.0")]
    [InlineData("Snek~=1")]
    public void MalformedRequirementsAreE144(string requirement)
    {
        var e = Assert.Throws<PipelineException>(() => PackageRequirements.Parse(requirement, "model/meta.json"));
        Assert.Equal("E144", e.Code);
        Assert.Contains("model/meta.json", e.Message);
    }

    [Fact]
    public void MetaFileEntriesMayBeStringsOrObjects()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["meta.json"], """
            {"lang": "snk", "name": "core_snek_sm", "version": "1.0.0", "pipeline": ["snek"],
             "requirements": ["Snek>=1.0", {"name": "Scales", "version": "2.1"}, {"name": "Fangs"},
                              {"name": "Rattle", "version": "[1.0, 2.0)"}, {"name": "Hiss", "version": "<3"}]}
            """);
        var dependencies = PackageRequirements.FromMetaFile(dir["meta.json"]);
        Assert.Equal(
            ["Snek [1.0, )", "Scales [2.1, )", "Fangs", "Rattle [1.0, 2.0)", "Hiss (, 3)"],
            dependencies.Select(d => d.ToString()));
        Assert.Equal("<PackageReference Include=\"Snek\" Version=\"[1.0, )\" />", dependencies[0].ToPackageReference());
        Assert.Equal("<dependency id=\"Fangs\" />", dependencies[2].ToNuspecDependency());

        // The object form reads back as strings, so meta.json keeps one shape after a round trip.
        Assert.Equal(["Snek>=1.0", "Scales>=2.1", "Fangs", "Rattle [1.0, 2.0)", "Hiss<3"], ModelMeta.Read(dir["meta.json"]).Requirements);
    }

    [Fact]
    public void APackageListedTwiceIsE144()
    {
        var meta = ModelMeta.Parse("""{"lang": "en", "name": "x", "version": "1.0.0", "requirements": ["Snek>=1.0", "snek<2"]}""");
        Assert.Equal("E144", Assert.Throws<PipelineException>(() => PackageRequirements.FromMeta(meta)).Code);
        Assert.Empty(PackageRequirements.FromMeta(ModelMeta.Parse("""{"lang": "en", "name": "x", "version": "1.0.0"}""")));
    }
}
