namespace Pipeline.Tests.Api;

/// <summary>Nlp.LoadAsync and the CancellationToken parameters of Nlp.Load and Language.Pipe.</summary>
public class CancellationTests
{
    private const string Factory = "api_test_fixed_tagger";

    static CancellationTests()
    {
        Language.Factories[Factory] = (nlp, cfg) => new FixedTagger("unset");
    }

    private static string SaveModel(TempDir dir)
    {
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(new FixedTagger("VB"), Factory);
        nlp.ToDisk(dir["model"]);
        return dir["model"];
    }

    [Fact]
    public async Task LoadAsyncLoadsTheSameModelAsLoad()
    {
        using var dir = new TempDir();
        var path = SaveModel(dir);
        var nlp = await Nlp.LoadAsync(path);
        Assert.Equal([Factory], nlp.PipeNames);
        Assert.Equal("VB", nlp.Process("run")[0].Tag);
    }

    [Fact]
    public async Task ACancelledTokenStopsLoadAndLoadAsync()
    {
        using var dir = new TempDir();
        var path = SaveModel(dir);
        var cancelled = new CancellationToken(canceled: true);
        Assert.ThrowsAny<OperationCanceledException>(() => Nlp.Load(path, cancellationToken: cancelled));
        var task = Nlp.LoadAsync(path, cancellationToken: cancelled);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.True(task.IsCanceled);
    }

    [Fact]
    public async Task LoadAsyncReportsErrorsThroughItsTaskAndBadNamesAtOnce()
    {
        using var dir = new TempDir();
        var missing = Nlp.LoadAsync(dir["nothing-here"]);
        Assert.Equal("E006", (await Assert.ThrowsAsync<PipelineException>(() => missing)).Code);
        Assert.Throws<ArgumentException>(() => { _ = Nlp.LoadAsync(" "); });
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void CancellingDuringPipeStopsTheEnumeration(int threads)
    {
        var nlp = Nlp.Blank("en");
        using var cts = new CancellationTokenSource();
        var texts = Enumerable.Range(0, 10_000).Select(i => $"text {i}");
        var seen = new List<Doc>();
        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var doc in nlp.Pipe(texts, batchSize: 4, threads: threads, cancellationToken: cts.Token))
            {
                seen.Add(doc);
                cts.Cancel();
            }
        });
        Assert.NotEmpty(seen);
        Assert.True(seen.Count < 10_000);
        Assert.Equal("text 0", seen[0].Text);
    }

    [Fact]
    public void PipeWithoutATokenRunsToTheEnd() =>
        Assert.Equal(["a", "b", "c"], Nlp.Blank("en").Pipe(["a", "b", "c"], threads: 2).Select(d => d.Text));
}
