using Pipeline.Components;

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
        Assert.Contains("[E224]", error);
        Assert.Contains("has no parser", error);
        Assert.Contains("--style ent", error); // it has entities: the other style works
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

    [Fact]
    public void A_model_with_neither_entities_nor_a_parser_is_told_so_for_both_styles_without_sending_the_user_round()
    {
        using var dir = new TempDir();
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(new Sentencizer());
        nlp.ToDisk(dir["model"]);

        var ent = Run("displacy", dir["model"], "Acme Corp", "-o", dir["ent.html"]).Error;
        Assert.Contains("[E150]", ent);
        Assert.Contains("no parser either", ent);
        Assert.DoesNotContain("render the \"dep\" style", ent);

        var dep = Run("displacy", dir["model"], "Acme Corp", "-o", dir["dep.html"], "--style", "dep").Error;
        Assert.Contains("[E224]", dep);
        Assert.Contains("neither style has anything to show", dep);
        Assert.DoesNotContain("--style ent", dep);
    }

    [Fact]
    public void The_text_can_come_from_a_file_and_exactly_one_source_is_required()
    {
        using var dir = new TempDir();
        var model = RulerModel(dir);
        File.WriteAllText(dir["text.txt"], "They sold an iguana to Acme Corp.\n");

        var (code, _, error) = Run("displacy", model, "--file", dir["text.txt"], "-o", dir["file.html"]);
        Assert.True(code == 0, error);
        Assert.Contains("data-label=\"REPTILE\"", File.ReadAllText(dir["file.html"]));

        Assert.Contains("[E225]", Run("displacy", model, "Acme", "--file", dir["text.txt"], "-o", dir["x.html"]).Error);
        Assert.Contains("[E225]", Run("displacy", model, "-o", dir["x.html"]).Error);
        Assert.Contains("Text file (--file)", Run("displacy", model, "--file", dir["missing.txt"], "-o", dir["x.html"]).Error);
    }

    [Fact]
    public void A_text_that_names_an_existing_file_gets_a_hint_to_use_file()
    {
        using var dir = new TempDir();
        var model = RulerModel(dir);
        File.WriteAllText(dir["text.txt"], "Acme Corp");
        var warnings = new WarningCollector();
        using (warnings)
        {
            Assert.Equal(0, Run("displacy", model, dir["text.txt"], "-o", dir["t.html"]).Code);
        }

        Assert.Contains(warnings.All, w => w.Code == "W047" && w.Message.Contains($"--file {dir["text.txt"]}", StringComparison.Ordinal));
    }
}
