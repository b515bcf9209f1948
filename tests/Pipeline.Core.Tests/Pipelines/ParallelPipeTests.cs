using Pipeline.Components;
using Pipeline.Tokens;

namespace Pipeline.Core.Tests.Pipelines;

/// <summary>Language.Pipe with threads, through its batch runner: order, failures, early stops and load balance.</summary>
public sealed class ParallelPipeTests
{
    [Fact]
    public void DocsComeInInputOrderWhateverTheBatchesCost()
    {
        // Every seventh text is slow, so later batches often finish first.
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(new Probe(text => Thread.Sleep(text.EndsWith('0') ? 2 : 0)), "probe");
        var texts = Enumerable.Range(0, 400).Select(i => $"text {i}").ToList();
        Assert.Equal(texts, nlp.Pipe(texts, batchSize: 3, threads: 4).Select(d => d.Text));
    }

    [Fact]
    public void AFailureComesAfterEveryDocBeforeIt()
    {
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(new Probe(text =>
        {
            if (text == "text 250")
            {
                throw new InvalidOperationException("bad doc");
            }
        }), "probe");
        var seen = new List<string>();
        var texts = Enumerable.Range(0, 1000).Select(i => $"text {i}");
        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var doc in nlp.Pipe(texts, batchSize: 8, threads: 3))
            {
                seen.Add(doc.Text);
            }
        });
        Assert.Equal("bad doc", error.Message);
        Assert.Equal(Enumerable.Range(0, 250).Select(i => $"text {i}"), seen);
    }

    [Fact]
    public void TheInputsOwnFailureComesAfterTheTextsItGave()
    {
        static IEnumerable<string> Texts()
        {
            for (var i = 0; i < 10; i++)
            {
                yield return $"text {i}";
            }

            throw new IOException("input broke");
        }

        var seen = new List<string>();
        Assert.Throws<IOException>(() =>
        {
            foreach (var doc in Nlp.Blank("en").Pipe(Texts(), batchSize: 4, threads: 2))
            {
                seen.Add(doc.Text);
            }
        });
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"text {i}"), seen);
    }

    [Fact]
    public void StoppingEarlyStopsReadingTheInputAndReleasesIt()
    {
        var read = 0;
        var disposed = false;
        IEnumerable<string> Texts()
        {
            try
            {
                for (var i = 0; i < 1_000_000; i++)
                {
                    Interlocked.Increment(ref read);
                    yield return $"text {i}";
                }
            }
            finally
            {
                disposed = true;
            }
        }

        var first = Nlp.Blank("en").Pipe(Texts(), batchSize: 10, threads: 2).Take(5).ToList();
        Assert.Equal(5, first.Count);
        Assert.True(disposed);

        // Workers run at most a few batches ahead of the reader.
        Assert.InRange(Volatile.Read(ref read), 5, 100);
    }

    [Fact]
    public void EveryThreadWorksWhileTheInputLasts()
    {
        // With no batch component, a large batch size is split into small work units, so both threads take part.
        var threads = new HashSet<int>();
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(new Probe(_ =>
        {
            lock (threads)
            {
                threads.Add(Environment.CurrentManagedThreadId);
            }

            Thread.Sleep(1);
        }), "probe");
        var docs = nlp.Pipe(Enumerable.Range(0, 200).Select(i => $"t{i}"), batchSize: 1000, threads: 2).ToList();
        Assert.Equal(200, docs.Count);
        Assert.Equal(2, threads.Count);
    }

    [Fact]
    public void OneThreadAndSeveralGiveTheSameDocs()
    {
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(new Probe(_ => { }), "probe");
        var texts = Enumerable.Range(0, 300).Select(i => $"Mr. Smith's {i} dogs ran, didn't they?").ToList();
        var one = nlp.Pipe(texts, threads: 1).Select(d => string.Join('|', d.Tokens.Select(t => t.Text + t.Tag))).ToList();
        var many = nlp.Pipe(texts, threads: 4).Select(d => string.Join('|', d.Tokens.Select(t => t.Text + t.Tag))).ToList();
        Assert.Equal(one, many);
    }

    // Runs an action on each doc's text and tags every token "P".
    private sealed class Probe(Action<string> onText) : IPipe
    {
        public string Name => "probe";

        public Doc Process(Doc doc)
        {
            onText(doc.Text);
            foreach (var token in doc)
            {
                token.Tag = "P";
            }

            return doc;
        }
    }
}
