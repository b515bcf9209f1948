namespace Pipeline.Tests.Languages;

public class TemplateLanguageTests
{
    public static TheoryData<string, string> Codes => new()
    {
        { "da", "Danish" }, { "sv", "Swedish" }, { "hr", "Croatian" }, { "sr", "Serbian" }, { "sk", "Slovak" },
        { "zh", "Chinese" }, { "ga", "Irish" }, { "af", "Afrikaans" }, { "mt", "Maltese" }, { "vi", "Vietnamese" },
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryCorpusLanguageHasABlankPipelineUnderItsOwnCode(string code, string className)
    {
        var nlp = Nlp.Blank(code);
        Assert.Equal(code, nlp.Lang);
        Assert.Equal(className, Nlp.GetLanguageClass(code).Name);
        Doc doc = nlp.Process("Hello, world (test).");
        Assert.Equal(["Hello", ",", "world", "(", "test", ")", "."], doc.Tokens.Select(t => t.Text).ToArray());
    }

    [Fact]
    public void TheMetaTemplatesOnlyNameLanguagesThatExist()
    {
        var templates = Path.Combine(RepoPaths.Root, "meta-templates");
        foreach (var file in Directory.GetFiles(templates, "*.json"))
        {
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
            var lang = json.RootElement.GetProperty("lang").GetString()!;
            Assert.True(Nlp.Languages.Codes.Contains(lang), $"{Path.GetFileName(file)} names language '{lang}'");
        }
    }
}
