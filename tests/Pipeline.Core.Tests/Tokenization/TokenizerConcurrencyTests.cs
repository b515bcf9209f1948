using Pipeline.Lang;
using Pipeline.Tokenization;
using static Pipeline.Tests.Tokenization.TokenizerTestUtil;

namespace Pipeline.Tests.Tokenization;

public class TokenizerConcurrencyTests
{
    private static readonly string[] Texts =
    [
        "Mr. Smith didn't go to the U.S. today, did he?", "Prices rose 10% to $5.50 (see http://x.com/p).",
        "I'm sure it's John's e-mail: john@example.com!", "\"Well-known\" facts... aren't always true :)",
        "Call 713-654-0365 at 5pm or 9 a.m. on Monday.", "The 15-year-old's dog can't swim; it won't try.",
    ];

    [Fact]
    public void ConcurrentTokenizeMatchesSequential()
    {
        var inputs = Enumerable.Range(0, 3000).Select(i => Texts[i % Texts.Length] + " w" + (i % 97)).ToArray();
        var sequential = new Tokenizer(new Vocab(), EnglishRules.Create());
        var expected = inputs.Select(t => TokenizerTestUtil.Texts(sequential.Tokenize(t))).ToArray();

        // A fresh tokenizer, so threads race to fill the chunk cache.
        var shared = new Tokenizer(new Vocab(), EnglishRules.Create());
        var results = new string[inputs.Length][];
        Parallel.For(0, inputs.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            results[i] = TokenizerTestUtil.Texts(shared.Tokenize(inputs[i])));
        for (var i = 0; i < inputs.Length; i++)
        {
            Assert.Equal(expected[i], results[i]);
        }
    }

    [Fact]
    public void PipeWithThreadsMatchesSequential()
    {
        var nlp = Nlp.Blank("en");
        var inputs = Enumerable.Range(0, 2000).Select(i => Texts[i % Texts.Length] + " n" + i).ToList();
        var sequential = nlp.Pipe(inputs).Select(TokenizerTestUtil.Texts).ToList();
        var parallel = Nlp.Blank("en").Pipe(inputs, batchSize: 16, threads: 4).Select(TokenizerTestUtil.Texts).ToList();
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public async Task AddingSpecialCasesWhileTokenizingIsSafe()
    {
        var tokenizer = new Tokenizer(new Vocab(), EnglishRules.Create());
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var text in Texts)
                {
                    Assert.Equal(text, tokenizer.Tokenize(text).Text);
                }
            }
        })).ToArray();
        for (var i = 0; i < 50; i++)
        {
            tokenizer.AddSpecialCase("case" + i, ["case", i.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        stop.Cancel();
        await Task.WhenAll(readers);
        Assert.Equal(["case", "7", "!"], TokenizerTestUtil.Texts(tokenizer.Tokenize("case7!")));
    }
}
