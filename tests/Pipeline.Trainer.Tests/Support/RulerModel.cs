using Pipeline.Components;

namespace Pipeline.Trainer.Tests.Support;

/// <summary>A small model for packaging tests: English tokenizer, sentencizer and an entity ruler.</summary>
public static class RulerModel
{
    public const string Text = "Acme Corp opened an office in Paris. Globex hired Ann Lee in Berlin!";

    public static Language Create(string name = "test_ruler", string version = "1.0.0")
    {
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(new Sentencizer());
        var ruler = new EntityRuler(nlp);
        ruler.AddPatterns(
        [
            new EntityPattern("ORG", "Acme Corp"),
            new EntityPattern("ORG", "Globex"),
            new EntityPattern("GPE", "Paris"),
            new EntityPattern("GPE", "Berlin"),
            new EntityPattern("PERSON", "Ann Lee"),
        ]);
        nlp.AddPipe(ruler);
        nlp.Meta.Name = name;
        nlp.Meta.Version = version;
        nlp.Meta.Description = "Rules that find a few companies, places and people";
        nlp.Meta.Author = "Pipeline tests";
        nlp.Meta.Url = "https://example.com/models";
        nlp.Meta.License = "MIT";
        nlp.Meta.Sources = [new ModelSource { Name = "hand-written patterns" }];
        nlp.Meta.Accuracy = new Dictionary<string, double> { ["ents_f"] = 100 };
        return nlp;
    }

    /// <summary>Saves <see cref="Create"/> to <paramref name="path"/> and returns the path.</summary>
    public static string Save(string path, string name = "test_ruler", string version = "1.0.0")
    {
        Create(name, version).ToDisk(path);
        return path;
    }

    /// <summary>One line describing the annotations of <see cref="Text"/>: entities, then sentences.</summary>
    public static string Describe(Language nlp)
    {
        var doc = nlp.Process(Text);
        return string.Join(" ", doc.Ents.Select(e => $"{e.Text}/{e.Label}")) + " || " + string.Join(" | ", doc.Sents.Select(s => s.Text));
    }
}
