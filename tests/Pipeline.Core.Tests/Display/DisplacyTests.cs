using Pipeline.Display;

namespace Pipeline.Tests.Display;

public class DisplacyTests
{
    [Fact]
    public void EntitiesAreMarkedInTheirColorsWithEscapedText()
    {
        var nlp = Nlp.Blank("snk");
        nlp.AddPipe(nlp.CreatePipe("snek"));
        var doc = nlp.Process("A snake <b>bit</b> & Ann");
        var ann = doc.Tokens.Single(t => t.Text == "Ann").I;
        doc.Ents = [.. doc.Ents, new Span(doc, ann, ann + 1, "PER")];
        var html = Displacy.Render(doc, "ent");
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("data-label=\"SNAKE\" style=\"background: #2e8b57\">snake<span class=\"entity-label\">SNAKE</span></mark>", html);
        Assert.Contains($"data-label=\"PER\" style=\"background: {Displacy.ColorOf("PER")}\">Ann", html);
        Assert.Contains("&lt;b&gt;", html);
        Assert.Contains("&amp;", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Equal("#ddd", Displacy.ColorOf("NO_SUCH_LABEL_ANYWHERE"));
        Assert.Equal("#2e8b57", Displacy.Colors["SNAKE"]);
        Assert.DoesNotContain("<html", Displacy.Render(doc, "ent", page: false));
    }

    [Fact]
    public void DependenciesAreDrawnAsLabelledArcs()
    {
        var doc = new Doc(new Vocab("en"), ["Sneks", "hiss", "<loudly>"]);
        doc[0].Tag = "NNS";
        doc[1].Tag = "VBP";
        doc[0].HeadIndex = 1;
        doc[0].Dep = "nsubj";
        doc[1].HeadIndex = 1;
        doc[1].Dep = "ROOT";
        doc[2].HeadIndex = 1;
        doc[2].Dep = "advmod";
        var html = Displacy.Render(doc, "dep");
        Assert.Contains("<svg", html);
        Assert.Equal(2, html.Split("class=\"arc\"").Length - 1);
        Assert.Contains("data-label=\"nsubj\"", html);
        Assert.Contains(">advmod</text>", html);
        Assert.Contains(">NNS</tspan>", html);
        Assert.Contains("&lt;loudly&gt;", html);
        Assert.DoesNotContain("ROOT", html);
    }

    [Fact]
    public void EachSentenceOfADependencyParseGetsItsOwnFigure()
    {
        // Two sentences: "Sneks hiss ." and "Cats purr loudly ."; the parse implies the boundary.
        var doc = new Doc(new Vocab("en"), ["Sneks", "hiss", ".", "Cats", "purr", "loudly", "."]);
        int[] heads = [1, 1, 1, 4, 4, 4, 4];
        string[] deps = ["nsubj", "ROOT", "punct", "nsubj", "ROOT", "advmod", "punct"];
        for (var i = 0; i < doc.Length; i++)
        {
            doc[i].HeadIndex = heads[i];
            doc[i].Dep = deps[i];
        }

        var html = Displacy.Render(doc, "dep", page: false);
        var figures = html.Split("<figure class=\"dependencies\">", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, figures.Length);
        Assert.Contains(">Sneks</tspan>", figures[0]);
        Assert.DoesNotContain(">Cats</tspan>", figures[0]);
        Assert.Contains(">Cats</tspan>", figures[1]);
        Assert.Contains("width=\"470\"", figures[0]);
        Assert.Contains("width=\"600\"", figures[1]);
        Assert.Equal(5, html.Split("class=\"arc\"").Length - 1);

        // Each figure is drawn as the sentence alone would be.
        var second = new Doc(new Vocab("en"), ["Cats", "purr", "loudly", "."]);
        for (var i = 0; i < second.Length; i++)
        {
            second[i].HeadIndex = heads[i + 3] - 3;
            second[i].Dep = deps[i + 3];
        }

        Assert.Equal("<figure class=\"dependencies\">" + figures[1], Displacy.Render(second, "dep", page: false));

        // A sentence start set against the parse (an arc crosses it) does not split the arc's figure.
        doc[2].IsSentStart = true;
        doc[3].IsSentStart = true;
        Assert.Equal(2, Displacy.Render(doc, "dep", page: false).Split("<figure").Length - 1);
    }

    [Fact]
    public void BadStylesUnparsedDocsAndBadColorsAreRefused()
    {
        var doc = new Doc(new Vocab("en"), ["a", "b"]);
        Assert.Equal("E141", Assert.Throws<PipelineException>(() => Displacy.Render(doc, "tree")).Code);
        Assert.Equal("E142", Assert.Throws<PipelineException>(() => Displacy.Render(doc, "dep")).Code);
        Assert.Equal("E143", Assert.Throws<PipelineException>(() => Displacy.SetColor("X_TEST", "\"><script>")).Code);
        Displacy.SetColor("X_TEST_LABEL", "linear-gradient(90deg, #aa9cfc, #fc9ce7)");
        Assert.Equal("linear-gradient(90deg, #aa9cfc, #fc9ce7)", Displacy.ColorOf("X_TEST_LABEL"));
    }
}
