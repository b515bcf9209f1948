using Pipeline.Components;

namespace Pipeline.Tests.Tokens;

public class DocTensorTests
{
    [Fact]
    public void ATensorHasOneRowPerToken()
    {
        var doc = new Doc(new Vocab("en"), ["a", "b", "c"]);
        Assert.Null(doc.Tensor);
        Assert.Equal(0, doc.TokenVector(1).Length);
        doc.SetTensor([1, 2, 3, 4, 5, 6], 2);
        Assert.Equal(2, doc.TensorWidth);
        Assert.Equal([3f, 4f], doc.TokenVector(1).ToArray());
        Assert.Equal("E020", Assert.Throws<PipelineException>(() => doc.SetTensor([1, 2, 3, 4], 2)).Code);
        Assert.Equal("E020", Assert.Throws<PipelineException>(() => doc.SetTensor([], 0)).Code);
        Assert.Equal("E017", Assert.Throws<PipelineException>(() => doc.TokenVector(3)).Code);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void PipeHandsBatchComponentsWholeBatchesInOrder(int threads)
    {
        var nlp = Nlp.Blank("en");
        var counter = new BatchCounter();
        nlp.AddPipe(counter, "counter");
        var texts = Enumerable.Range(0, 10).Select(i => $"text {i}").ToList();
        var docs = nlp.Pipe(texts, batchSize: 4, threads: threads).ToList();
        Assert.Equal(texts, docs.ConvertAll(d => d.Text.TrimEnd()));
        Assert.Equal([4, 4, 2], counter.Sizes.Order().Reverse());
        Assert.All(docs, d => Assert.Equal(1, d.TensorWidth));
    }

    private sealed class BatchCounter : IBatchPipe
    {
        public List<int> Sizes { get; } = [];

        public string Name => "counter";

        public Doc Process(Doc doc)
        {
            ProcessBatch([doc]);
            return doc;
        }

        public void ProcessBatch(IReadOnlyList<Doc> docs)
        {
            lock (Sizes)
            {
                Sizes.Add(docs.Count);
            }

            foreach (var doc in docs)
            {
                doc.SetTensor(new float[doc.Length], 1);
            }
        }
    }
}
