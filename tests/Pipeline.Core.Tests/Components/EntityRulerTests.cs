using Pipeline.Components;

namespace Pipeline.Tests.Components;

public class EntityRulerTests
{
    internal static List<string> Ents(Doc doc) => doc.Ents.Select(e => $"{e.Text}/{e.Label}").ToList();

    private static (Language Nlp, EntityRuler Ruler) Make(params string[] jsonPatterns)
    {
        var nlp = Nlp.Blank("en");
        var ruler = (EntityRuler)nlp.CreatePipe("entity_ruler");
        nlp.AddPipe(ruler);
        ruler.AddPatterns(jsonPatterns.Select(EntityPattern.FromJson));
        return (nlp, ruler);
    }

    [Fact]
    public void PhrasePatternsMatchTokenTexts()
    {
        var nlp = Nlp.Blank("en");
        var ruler = new EntityRuler(nlp);
        nlp.AddPipe(ruler);
        ruler.AddPatterns([new EntityPattern("ORG", "Apple"), new EntityPattern("GPE", "San Francisco")]);
        var doc = nlp.Process("Apple opened in San Francisco , not apple pie in San Jose .");
        Assert.Equal(["Apple/ORG", "San Francisco/GPE"], Ents(doc));
        Assert.Equal("B", doc[3].EntIob);
        Assert.Equal("I", doc[4].EntIob);
        Assert.Equal("O", doc[2].EntIob);
    }

    [Fact]
    public void LowerPhraseAttrIgnoresCase()
    {
        var nlp = Nlp.Blank("en");
        var ruler = EntityRuler.FromConfig(nlp, new Dictionary<string, object?> { ["phrase_matcher_attr"] = "LOWER" });
        ruler.AddPatterns([new EntityPattern("ORG", "Apple Inc")]);
        Assert.Equal("LOWER", ruler.PhraseMatcherAttr);
        Assert.Equal(["APPLE INC/ORG", "apple inc/ORG"], Ents(ruler.Process(nlp.MakeDoc("APPLE INC and apple inc"))));

        ruler.PhraseMatcherAttr = "ORTH";
        Assert.Empty(Ents(ruler.Process(nlp.MakeDoc("APPLE INC and apple inc"))));
        Assert.Equal(["Apple Inc/ORG"], Ents(ruler.Process(nlp.MakeDoc("Apple Inc"))));
    }

    [Theory]
    [InlineData("[{\"ORTH\": \"Apple\"}]", "Apple apple", "Apple")]
    [InlineData("[{\"TEXT\": \"Apple\"}]", "Apple apple", "Apple")]
    [InlineData("[{\"LOWER\": \"apple\"}]", "Apple x apple", "Apple|apple")]
    [InlineData("[{\"SHAPE\": \"dd\"}]", "a 12 345", "12")]
    [InlineData("[{\"IS_DIGIT\": true}]", "a 12 b", "12")]
    [InlineData("[{\"IS_ALPHA\": false}]", "ab 12 cd", "12")]
    [InlineData("[{\"IS_PUNCT\": true}]", "hi , there", ",")]
    [InlineData("[{\"LIKE_NUM\": true}]", "pay 1,000 now", "1,000")]
    [InlineData("[{\"IS_SPACE\": true}]", "a  b", " ")]
    [InlineData("[{\"LENGTH\": 3}]", "a bb ccc dddd", "ccc")]
    [InlineData("[{\"LENGTH\": {\">=\": 4}}]", "a bb ccc dddd", "dddd")]
    [InlineData("[{\"LENGTH\": {\"<\": 2}}]", "a bb ccc dddd", "a")]
    [InlineData("[{\"LENGTH\": {\"IN\": [1, 4]}}]", "a bb ccc dddd", "a|dddd")]
    [InlineData("[{\"LOWER\": {\"IN\": [\"cat\", \"dog\"]}}]", "Cat bird dog", "Cat|dog")]
    [InlineData("[{\"LOWER\": {\"NOT_IN\": [\"the\", \"a\"]}}]", "the cat a", "cat")]
    [InlineData("[{\"ORTH\": {\"REGEX\": \"^[A-Z]{2,}$\"}}]", "NASA and Nasa", "NASA")]
    [InlineData("[{\"LOWER\": {\"REGEX\": \"^colou?r$\"}}]", "Color or COLOUR or colr", "Color|COLOUR")]
    [InlineData("[{\"LOWER\": \"new\"}, {\"IS_TITLE\": true}]", "new York and new york", "new York")]
    [InlineData("[{\"lower\": \"x\", \"length\": 1}]", "x xx", "x")]
    public void TokenPatternValueForms(string pattern, string text, string expected)
    {
        var (nlp, _) = Make($"{{\"label\": \"L\", \"pattern\": {pattern}}}");
        var found = nlp.Process(text).Ents.Select(e => e.Text);
        Assert.Equal(expected.Split('|'), found);
    }

    [Theory]
    [InlineData("[{\"LOWER\": \"a\"}, {\"LOWER\": \"b\", \"OP\": \"?\"}, {\"LOWER\": \"c\"}]", "a c", "a c")]
    [InlineData("[{\"LOWER\": \"a\"}, {\"LOWER\": \"b\", \"OP\": \"?\"}, {\"LOWER\": \"c\"}]", "a b c", "a b c")]
    [InlineData("[{\"LOWER\": \"a\"}, {\"LOWER\": \"b\", \"OP\": \"?\"}, {\"LOWER\": \"c\"}]", "a b b c", "")]
    [InlineData("[{\"LOWER\": \"x\"}, {\"LOWER\": \"y\", \"OP\": \"*\"}, {\"LOWER\": \"z\"}]", "x z", "x z")]
    [InlineData("[{\"LOWER\": \"x\"}, {\"LOWER\": \"y\", \"OP\": \"*\"}, {\"LOWER\": \"z\"}]", "q x y y y z", "x y y y z")]
    [InlineData("[{\"LOWER\": \"x\"}, {\"LOWER\": \"y\", \"OP\": \"+\"}, {\"LOWER\": \"z\"}]", "x z", "")]
    [InlineData("[{\"LOWER\": \"x\"}, {\"LOWER\": \"y\", \"OP\": \"+\"}, {\"LOWER\": \"z\"}]", "x y z", "x y z")]
    [InlineData("[{\"LOWER\": \"x\"}, {\"LOWER\": \"y\", \"OP\": \"+\"}, {\"LOWER\": \"z\"}]", "x y y z", "x y y z")]
    [InlineData("[{\"LOWER\": \"x\"}, {\"LOWER\": \"y\", \"OP\": \"!\"}, {\"LOWER\": \"z\"}]", "x q z", "x q z")]
    [InlineData("[{\"LOWER\": \"x\"}, {\"LOWER\": \"y\", \"OP\": \"!\"}, {\"LOWER\": \"z\"}]", "x y z", "")]
    [InlineData("[{\"LOWER\": \"x\"}, {\"LOWER\": \"y\", \"OP\": \"!\"}, {\"LOWER\": \"z\"}]", "x z", "")]
    [InlineData("[{\"IS_DIGIT\": true, \"OP\": \"+\"}]", "1 2 3 a 4", "1 2 3|4")]
    [InlineData("[{\"LOWER\": \"very\", \"OP\": \"*\"}, {\"LOWER\": \"good\"}]", "very very good", "very very good")]
    [InlineData("[{\"LOWER\": \"from\"}, {}, {\"LOWER\": \"to\"}]", "from A to B", "from A to")]
    [InlineData("[{\"LOWER\": \"x\", \"OP\": \"?\"}]", "x y", "x")]
    [InlineData("[{\"LOWER\": \"a\", \"OP\": \"+\"}, {\"LOWER\": \"a\"}]", "a a a", "a a a")]
    public void TokenPatternOperators(string pattern, string text, string expected)
    {
        var (nlp, _) = Make($"{{\"label\": \"L\", \"pattern\": {pattern}}}");
        var found = nlp.Process(text).Ents.Select(e => e.Text).ToList();
        Assert.Equal(expected.Length == 0 ? [] : expected.Split('|'), found);
    }

    [Fact]
    public void AnnotationAttributesComeFromTheDocColumns()
    {
        var vocab = new Vocab("en");
        var doc = new Doc(vocab, ["Ada", "Lovelace", "was", "writing", "notes"]);
        string[] pos = ["PROPN", "PROPN", "AUX", "VERB", "NOUN"];
        string[] tags = ["NNP", "NNP", "VBD", "VBG", "NNS"];
        string[] lemmas = ["Ada", "Lovelace", "be", "write", "note"];
        string[] deps = ["compound", "nsubj", "aux", "ROOT", "dobj"];
        for (var i = 0; i < doc.Length; i++)
        {
            doc[i].Pos = pos[i];
            doc[i].Tag = tags[i];
            doc[i].Lemma = lemmas[i];
            doc[i].Dep = deps[i];
        }

        var (_, ruler) = Make(
            "{\"label\": \"PERSON\", \"pattern\": [{\"POS\": \"PROPN\", \"OP\": \"+\"}]}",
            "{\"label\": \"ACTIVITY\", \"pattern\": [{\"LEMMA\": \"be\"}, {\"TAG\": \"VBG\"}, {\"DEP\": \"dobj\"}]}");
        Assert.Equal(["Ada Lovelace/PERSON", "was writing notes/ACTIVITY"], Ents(ruler.Process(doc)));
    }

    [Fact]
    public void LongestMatchWinsThenEarliestStartThenFirstPattern()
    {
        var nlp = Nlp.Blank("en");
        var ruler = new EntityRuler(nlp);
        ruler.AddPatterns(
        [
            new EntityPattern("GPE", "New York"),
            new EntityPattern("CITY", "New York City"),
            new EntityPattern("AB", "a b"),
            new EntityPattern("BC", "b c"),
            new EntityPattern("FIRST", "z"),
            new EntityPattern("SECOND", "z"),
        ]);
        Assert.Equal(["New York City/CITY", "a b/AB", "z/FIRST"], Ents(ruler.Process(nlp.MakeDoc("in New York City a b c z"))));
    }

    [Fact]
    public void IdsBecomeTheEntityKbIds()
    {
        var (nlp, _) = Make(
            "{\"label\": \"GPE\", \"pattern\": [{\"LOWER\": \"san\"}, {\"LOWER\": \"francisco\"}], \"id\": \"san-francisco\"}",
            "{\"label\": \"GPE\", \"pattern\": \"SF\", \"id\": \"san-francisco\"}",
            "{\"label\": \"ORG\", \"pattern\": \"Apple\"}");
        var doc = nlp.Process("Apple left San Francisco for SF");
        Assert.Equal(["Apple/ORG", "San Francisco/GPE", "SF/GPE"], Ents(doc));
        Assert.Equal(string.Empty, doc[0].EntId);
        Assert.Equal("san-francisco", doc[2].EntId);
        Assert.Equal("san-francisco", doc[3].EntId);
        Assert.Equal("san-francisco", doc[5].EntId);
        Assert.Equal(string.Empty, doc[1].EntId);
    }

    [Fact]
    public void ExistingEntitiesAreKeptByDefault()
    {
        var nlp = Nlp.Blank("en");
        var ruler = new EntityRuler(nlp);
        ruler.AddPatterns([new EntityPattern("ORG", "Apple Inc"), new EntityPattern("GPE", "Paris")]);
        var doc = nlp.MakeDoc("Apple Inc in Paris");
        doc.Ents = [new Span(doc, 0, 1, "PERSON")];
        Assert.Equal(["Apple/PERSON", "Paris/GPE"], Ents(ruler.Process(doc)));
    }

    [Fact]
    public void OverwriteEntsReplacesOverlappingEntities()
    {
        var nlp = Nlp.Blank("en");
        var ruler = EntityRuler.FromConfig(nlp, new Dictionary<string, object?> { ["overwrite_ents"] = true });
        Assert.True(ruler.OverwriteEnts);
        ruler.AddPatterns([new EntityPattern("ORG", "Apple Inc", "apple"), new EntityPattern("GPE", "Paris")]);
        var doc = nlp.MakeDoc("Apple Inc in Paris with Bob");
        doc.Ents = [new Span(doc, 0, 1, "PERSON"), new Span(doc, 5, 6, "PERSON")];
        Assert.Equal(["Apple Inc/ORG", "Paris/GPE", "Bob/PERSON"], Ents(ruler.Process(doc)));
        Assert.Equal("apple", doc[1].EntId);
    }

    [Fact]
    public void OverwrittenEntityLosesItsKbId()
    {
        var nlp = Nlp.Blank("en");
        var ruler = new EntityRuler(nlp, overwriteEnts: true);
        ruler.AddPatterns([new EntityPattern("CITY", "York")]);
        var doc = nlp.MakeDoc("New York");
        doc.Ents = [new Span(doc, 0, 2, "GPE")];
        doc[0].EntId = "ny";
        doc[1].EntId = "ny";
        ruler.Process(doc);
        Assert.Equal(["York/CITY"], Ents(doc));
        Assert.Equal(string.Empty, doc[0].EntId);
        Assert.Equal(string.Empty, doc[1].EntId);
    }

    [Fact]
    public void EntTypeSeesEntitiesSetEarlier()
    {
        var nlp = Nlp.Blank("en");
        var ruler = new EntityRuler(nlp, overwriteEnts: true);
        ruler.AddPatterns([EntityPattern.FromJson("{\"label\": \"TITLED\", \"pattern\": [{\"LOWER\": \"dr\"}, {\"ENT_TYPE\": \"PERSON\", \"OP\": \"+\"}]}")]);
        var doc = nlp.MakeDoc("Dr Ada Lovelace spoke");
        doc.Ents = [new Span(doc, 1, 3, "PERSON")];
        Assert.Equal(["Dr Ada Lovelace/TITLED"], Ents(ruler.Process(doc)));
    }

    [Fact]
    public void NoMatchLeavesTheDocUntouched()
    {
        var (nlp, _) = Make("{\"label\": \"ORG\", \"pattern\": \"Apple\"}");
        var doc = nlp.Process("nothing here");
        Assert.Empty(doc.Ents);
        Assert.Equal(string.Empty, doc[0].EntIob);
    }

    [Fact]
    public void PatternsAndLabelsAreListed()
    {
        var (_, ruler) = Make(
            "{\"label\": \"ORG\", \"pattern\": \"Apple\"}",
            "{\"label\": \"GPE\", \"pattern\": [{\"LOWER\": \"paris\"}], \"id\": \"paris\"}",
            "{\"label\": \"ORG\", \"pattern\": \"Google\"}");
        Assert.Equal(["GPE", "ORG"], ruler.Labels);
        Assert.Equal(3, ruler.Patterns.Count);
        Assert.True(ruler.Patterns[0].IsPhrase);
        Assert.Equal("{\"label\":\"GPE\",\"pattern\":[{\"LOWER\":\"paris\"}],\"id\":\"paris\"}", ruler.Patterns[1].ToJson());

        ruler.AddPatterns([new EntityPattern("PERSON", [new Dictionary<string, object?> { ["LOWER"] = "ada", ["OP"] = "+" }])]);
        Assert.Equal(["GPE", "ORG", "PERSON"], ruler.Labels);
        Assert.Equal("{\"label\":\"PERSON\",\"pattern\":[{\"LOWER\":\"ada\",\"OP\":\"+\"}]}", ruler.Patterns[3].ToJson());
    }

    [Fact]
    public void CSharpValuesAreAcceptedInTokenSpecs()
    {
        var nlp = Nlp.Blank("en");
        var ruler = new EntityRuler(nlp);
        ruler.AddPatterns(
        [
            new EntityPattern("NUM", [new Dictionary<string, object?> { ["LENGTH"] = new Dictionary<string, object?> { ["IN"] = new List<int> { 2, 3 } }, ["IS_DIGIT"] = true }]),
            new EntityPattern("ANIMAL", [new Dictionary<string, object?> { ["LOWER"] = new Dictionary<string, object> { ["IN"] = new[] { "cat", "dog" } } }]),
        ]);
        Assert.Equal(["12/NUM", "Dog/ANIMAL"], Ents(ruler.Process(nlp.MakeDoc("1 12 1234 Dog"))));
    }

    [Fact]
    public void ConfigPatternsAreAddedAtCreation()
    {
        var nlp = Nlp.Blank("en");
        var jsonl = "{\"label\": \"ORG\", \"pattern\": \"Apple\"}\n\n{\"label\": \"GPE\", \"pattern\": [{\"LOWER\": \"paris\"}]}\n";
        var fromText = (EntityRuler)nlp.CreatePipe("entity_ruler", new Dictionary<string, object?> { ["patterns"] = jsonl });
        Assert.Equal(2, fromText.Patterns.Count);

        var fromList = (EntityRuler)nlp.CreatePipe("entity_ruler", new Dictionary<string, object?>
        {
            ["patterns"] = new object[]
            {
                new EntityPattern("ORG", "Apple"),
                new Dictionary<string, object?> { ["label"] = "GPE", ["pattern"] = new[] { new Dictionary<string, object?> { ["LOWER"] = "paris" } } },
                System.Text.Json.JsonDocument.Parse("{\"label\": \"X\", \"pattern\": \"y\"}").RootElement,
            },
        });
        Assert.Equal(3, fromList.Patterns.Count);
        Assert.Equal(["Apple/ORG", "Paris/GPE"], Ents(fromList.Process(nlp.MakeDoc("Apple in Paris"))));
    }

    [Fact]
    public async Task ProcessingIsSafeWhilePatternsAreAdded()
    {
        var (nlp, ruler) = Make("{\"label\": \"ORG\", \"pattern\": \"Apple\"}", "{\"label\": \"N\", \"pattern\": [{\"IS_DIGIT\": true, \"OP\": \"+\"}]}");
        var texts = Enumerable.Range(0, 400).Select(i => $"Apple sold {i} {i + 1} phones").ToList();
        var adder = Task.Run(() =>
        {
            for (var k = 0; k < 200; k++)
            {
                ruler.AddPatterns([new EntityPattern($"X{k}", $"word{k}")]);
            }
        });
        var docs = nlp.Pipe(texts, batchSize: 8, threads: 4).ToList();
        await adder;
        for (var i = 0; i < texts.Count; i++)
        {
            Assert.Equal(["Apple/ORG", $"{i} {i + 1}/N"], Ents(docs[i]));
        }

        Assert.Equal(202, ruler.Patterns.Count);
    }
}
