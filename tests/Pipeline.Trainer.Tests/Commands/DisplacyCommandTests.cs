using Pipeline.Components;
using Pipeline.Trainer.Tests.Support;

namespace Pipeline.Trainer.Tests.Commands;

public class DisplacyCommandTests
{
    private static (int Code, string Console, string Error) Run(params string[] args) => CliRunner.Run(args);

    private static string RulerModel(TempDir dir)
    {
        var nlp = Nlp.Blank("en");
        var ruler = (EntityRuler)nlp.CreatePipe(EntityRuler.FactoryName);
        ruler.AddPatterns([new EntityPattern("ORG", "Acme Corp"), new EntityPattern("REPTILE", "iguana")]);
        nlp.AddPipe(ruler);
        var model = dir["model"];
        nlp.ToDisk(model);
        return model;
    }

    [Fact]
    public void WritesAnEntityPage()
    {
        using var dir = new TempDir();
        var model = RulerModel(dir);
        var (code, console, error) = Run("displacy", model, "Acme Corp sold an iguana <cheap>.", "-o", dir["out/ent.html"]);
        Assert.True(code == 0, error);
        Assert.Contains("ent.html", console);
        var html = File.ReadAllText(dir["out/ent.html"]);
        Assert.Contains("data-label=\"ORG\"", html);
        Assert.Contains("data-label=\"REPTILE\" style=\"background: #ddd\"", html);
        Assert.Contains("&lt;cheap&gt;", html);
    }

    [Fact]
    public void DependencyStyleOfAModelWithoutParserIsAClearError()
    {
        using var dir = new TempDir();
        var model = RulerModel(dir);
        var (code, _, error) = Run("displacy", model, "Acme Corp", "-o", dir["dep.html"], "--style", "dep");
        Assert.Equal(1, code);
        Assert.Contains("E142", error);
        Assert.False(File.Exists(dir["dep.html"]));
        Assert.NotEqual(0, Run("displacy", model, "Acme Corp", "-o", dir["x.html"], "--style", "tree").Code);
    }

    [Fact]
    public void EntityStyleOfAModelWithoutAnEntityComponentIsAClearError()
    {
        using var dir = new TempDir();
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(new Sentencizer());
        nlp.ToDisk(dir["model"]);

        var (code, _, error) = Run("displacy", dir["model"], "Acme Corp", "-o", dir["ent.html"]);

        Assert.Equal(1, code);
        Assert.Contains("[E150]", error);
        Assert.Contains("sentencizer", error);
        Assert.False(File.Exists(dir["ent.html"]));
    }
}
