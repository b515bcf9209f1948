using Pipeline.Docs.Examples;

namespace Pipeline.Tests.Docs;

/// <summary>Runs the .NET idiom examples of the docs (foreach, streams, LoadAsync, cancellation, error codes).</summary>
public class DotNetApiExamplesTests
{
    [Fact]
    public void ForeachVisitsTheDocsAndTheSpansTokens()
    {
        var (words, spanWords) = DotNetApiExamples.ForeachTokens(Nlp.Blank("en"));
        Assert.Equal(["Apple", "is", "looking", "at", "buying", "a", "startup"], words);
        Assert.Equal(["at", "buying"], spanWords);
    }

    [Fact]
    public void ADocBinTravelsThroughAFileStream()
    {
        using var dir = new TempDir();
        var docs = DotNetApiExamples.DocBinThroughAStream(Nlp.Blank("en"), dir["docs.spacy"]);
        Assert.Equal(["First text", "Second text"], docs.Select(d => d.Text));
    }

    [Fact]
    public void APipelineTravelsThroughAStream()
    {
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(nlp.CreatePipe("sentencizer", new Dictionary<string, object?> { ["punct_chars"] = new[] { "|" } }));
        var copy = DotNetApiExamples.PipelineThroughAStream(nlp);
        Assert.Equal(["sentencizer"], copy.PipeNames);
        Assert.Equal(2, copy.Process("one | two").Sents.Count());
    }

    [Fact]
    public async Task LoadAsyncLoadsASavedModel()
    {
        using var dir = new TempDir();
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(nlp.CreatePipe("sentencizer"));
        nlp.ToDisk(dir["model"]);
        var loaded = await DotNetApiExamples.LoadAsync(dir["model"], CancellationToken.None);
        Assert.Equal(["sentencizer"], loaded.PipeNames);
    }

    [Fact]
    public void PipeStopsSoonAfterTheTokenIsCancelled()
    {
        using var cts = new CancellationTokenSource();
        var texts = Enumerable.Range(0, 100_000).Select(i => $"text number {i}");
        var processed = DotNetApiExamples.PipeUntilCancelled(Nlp.Blank("en"), texts, cts);
        Assert.InRange(processed, 100, 99_999);
    }

    [Fact]
    public void AnUnknownModelFallsBackToABlankPipelineByItsCode()
    {
        using var dir = new TempDir();
        var nlp = DotNetApiExamples.LoadOrBlank(dir["no-such-model"]);
        Assert.Equal("en", nlp.Lang);
        Assert.Empty(nlp.PipeNames);
    }
}
