using Pipeline.Tokens;

namespace Pipeline.Docs.Examples;

/// <summary>The .NET idioms shown in docs/saving-and-loading.md, docs/errors.md and the README: foreach, streams, async, tokens.</summary>
public static class DotNetApiExamples
{
    public static (List<string> Words, List<string> SpanWords) ForeachTokens(Language nlp)
    {
        var words = new List<string>();
        var spanWords = new List<string>();
        #region ForeachTokens
        var doc = nlp.Process("Apple is looking at buying a startup");
        foreach (var token in doc)
        {
            words.Add(token.Text);       // spaCy's `for token in doc`
        }

        foreach (var token in doc[3..5])
        {
            spanWords.Add(token.Text);   // "at", "buying"
        }
        #endregion
        return (words, spanWords);
    }

    public static List<Doc> DocBinThroughAStream(Language nlp, string path)
    {
        #region DocBinStream
        var bin = new DocBin();
        foreach (var doc in nlp.Pipe(["First text", "Second text"]))
        {
            bin.Add(doc);
        }

        using (var output = File.Create(path))  // or a network, blob or compression stream
        {
            bin.WriteTo(output);
        }

        using var input = File.OpenRead(path);
        var docs = DocBin.ReadFrom(input).GetDocs(nlp.Vocab).ToList();
        #endregion
        return docs;
    }

    public static Language PipelineThroughAStream(Language nlp)
    {
        #region PipelineStream
        using var buffer = new MemoryStream();
        nlp.WriteTo(buffer);                     // the same bytes as nlp.ToBytes()

        buffer.Position = 0;
        var copy = Nlp.Blank(nlp.Lang);
        foreach (var name in nlp.PipeNames)
        {
            copy.AddPipe(copy.CreatePipe(name));
        }

        copy.ReadFrom(buffer);
        #endregion
        return copy;
    }

    public static async Task<Language> LoadAsync(string path, CancellationToken cancellationToken)
    {
        #region LoadAsync
        // Loads on the thread pool; cancelling the token stops the load between its steps.
        Language nlp = await Nlp.LoadAsync(path, cancellationToken: cancellationToken);
        #endregion
        return nlp;
    }

    public static int PipeUntilCancelled(Language nlp, IEnumerable<string> texts, CancellationTokenSource cts)
    {
        var processed = 0;
        #region PipeCancellation
        try
        {
            foreach (var doc in nlp.Pipe(texts, threads: 2, cancellationToken: cts.Token))
            {
                processed++;
                if (processed == 100)
                {
                    cts.Cancel();                // e.g. the user pressed Stop
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The enumeration ended early; the docs seen so far are complete.
        }
        #endregion
        return processed;
    }

    public static Language LoadOrBlank(string path)
    {
        Language nlp;
        #region BranchOnErrorCode
        try
        {
            nlp = Nlp.Load(path);
        }
        catch (PipelineException e) when (e.Code == "E006")
        {
            // Not a model directory and not a referenced package: fall back to a blank pipeline.
            nlp = Nlp.Blank("en");
        }
        #endregion
        return nlp;
    }
}
