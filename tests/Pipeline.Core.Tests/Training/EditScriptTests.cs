using Pipeline.Components.Lemmatization;

namespace Pipeline.Tests.Training;

public class EditScriptTests
{
    [Theory]
    [InlineData("studies", "study")]
    [InlineData("Running", "run")]
    [InlineData("went", "go")]
    [InlineData("cats", "cat")]
    [InlineData("AP", "AP")]
    [InlineData("unhappier", "happy")]
    [InlineData("n't", "not")]
    [InlineData("x", "x")]
    public void ScriptsTurnFormsIntoLemmasAndSurviveTheirCode(string form, string lemma)
    {
        var script = EditScript.Between(form, lemma);
        Assert.True(script.TryApply(form, out var applied));
        Assert.Equal(lemma, applied);
        var parsed = EditScript.Parse(script.Code);
        Assert.Equal(script, parsed);
    }

    [Fact]
    public void ScriptsGeneralizeAndRefuseFormsTheyDoNotFit()
    {
        var plural = EditScript.Between("studies", "study");
        Assert.True(plural.TryApply("flies", out var fly));
        Assert.Equal("fly", fly);
        Assert.False(plural.TryApply("dog", out _));
        Assert.True(EditScript.Between("Running", "run").TryApply("Spinning", out var spin));
        Assert.Equal("spin", spin);
        Assert.Null(EditScript.Parse("nonsense"));
        Assert.True(EditScript.Identity.TryApply("word", out var same));
        Assert.Equal("word", same);
    }
}
