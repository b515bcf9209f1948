using Pipeline.Docs.Examples;

namespace Pipeline.Tests.Docs;

/// <summary>Runs the documentation's examples and checks that they do what the page says.</summary>
public class DocsExamplesTests
{
    [Fact]
    public void PipelineSerializesAndRebuildsFromMeta() => Assert.Equal(["sentencizer"], SerializationExamples.SerializePipeline());

    [Fact]
    public void CustomComponentSavesItsDataAndLoadsThroughItsFactory()
    {
        using var dir = new TempDir();
        var json = SerializationExamples.CustomComponentToDisk(dir["model"]);
        Assert.Contains("\"hello\":\"world\"", json);
        Assert.Equal("world", SerializationExamples.CustomComponentLoad(dir["model"]));
    }

    [Fact]
    public void DocBinRestoresDocsAndExtensionValuesIntoABlankVocab()
    {
        Doc.SetExtension("my_custom_attr", defaultValue: null);
        var nlp = Nlp.Blank("en");
        var docs = DocBinExamples.DocBinRoundTrip(new MarkingLanguage(nlp));
        Assert.Equal(["Some text", "Lots of texts...", "..."], docs.Select(d => d.Text));
        Doc.RemoveExtension("my_custom_attr");
        Assert.Equal(["marked:Some text", "marked:Lots of texts...", "marked:..."], DocBinExamples.ExtensionValues(docs));
    }

    [Fact]
    public void DocsSerializedTogetherAreSmaller()
    {
        var (separate, together) = DocBinExamples.SerializeTogether(Nlp.Blank("en"));
        Assert.True(together < separate, $"together {together} >= separate {separate}");
    }

    [Fact]
    public void SpanAsDocSerializesOnlyTheSpan()
    {
        var (span, whole) = SerializationExamples.SpanAsDoc();
        Assert.True(span < whole);
    }

    [Fact]
    public void PipelineTrainedFromCodeTagsLikeItsCorpus()
    {
        var (tags, nlp) = TrainingExamples.TrainPipeline();
        Assert.Equal(["PRON", "VERB", "ADJ", "NOUN"], tags);
        Assert.False(((Pipeline.Components.Tagging.Tagger)nlp.GetPipe("tagger")).IsTraining);
    }

    [Fact]
    public void OwnTrainingLoopUpdatesEveryTrainableComponent()
    {
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(nlp.CreatePipe("tagger"));
        var golds = new List<Doc>();
        foreach (var text in new[] { "I like eggs", "We eat apples", "They like apples" })
        {
            var gold = nlp.MakeDoc(text);
            string[] pos = ["PRON", "VERB", "NOUN"];
            for (var i = 0; i < gold.Length; i++)
            {
                gold[i].Pos = pos[i];
            }

            golds.Add(gold);
        }

        var loss = TrainingExamples.OwnLoop(nlp, golds, CancellationToken.None);
        Assert.Equal(5 * 9, loss.Total);
        Assert.Equal(["PRON", "VERB", "NOUN"], nlp.Process("We like eggs").Tokens.Select(t => t.Pos));
    }

    /// <summary>A pipeline whose component sets my_custom_attr, so the DocBin example has values to carry.</summary>
    private sealed class MarkingLanguage : Language
    {
        public MarkingLanguage(Language inner)
            : base(inner.Defaults)
        {
            AddPipe(new Marker());
        }

        private sealed class Marker : Pipeline.Components.IPipe
        {
            public string Name => "marker";

            public Doc Process(Doc doc)
            {
                doc.Ext["my_custom_attr"] = "marked:" + doc.Text;
                return doc;
            }
        }
    }
}
