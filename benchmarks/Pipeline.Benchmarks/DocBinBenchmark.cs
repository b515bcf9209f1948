using MessagePack;

namespace Pipeline.Benchmarks;

/// <summary>
/// Measures DocBin encode/decode speed and size on ~100k tokens of UD English EWT (FORM, LEMMA, UPOS, XPOS, HEAD,
/// DEPREL, SpaceAfter) with entity spans derived from PROPN runs, or on seeded Zipfian data when the corpus is absent.
/// </summary>
public static class DocBinBenchmark
{
    private const string DefaultCorpus = "/work/shared/corpora/ud/en_ewt/train.conllu";
    private const int TargetTokens = 100_000;
    private const int Runs = 20;
    private static readonly Attr[] Stored = [Attr.Orth, Attr.Lemma, Attr.Pos, Attr.Tag, Attr.Head, Attr.Dep, Attr.EntIob, Attr.EntType];
    private static readonly string[] EntLabels = ["PERSON", "ORG", "GPE", "LOC"];

    public static void Run()
    {
        var corpus = Environment.GetEnvironmentVariable("PIPELINE_DOCBIN_CORPUS") ?? DefaultCorpus;
        var vocab = new Vocab("en");
        List<Doc> docs;
        if (File.Exists(corpus))
        {
            docs = ReadConllu(vocab, corpus, TargetTokens);
            Console.WriteLine($"data: {corpus} (first {docs.Sum(d => d.Length)} tokens, {docs.Count} docs)");
        }
        else
        {
            docs = Synthetic(vocab, TargetTokens);
            Console.WriteLine($"data: {corpus} not found; seeded synthetic Zipfian data ({docs.Count} docs)");
        }

        var tokens = docs.Sum(d => d.Length);
        Console.WriteLine($"attrs: {string.Join(", ", Stored)}");
        var bytes = Encode(docs);
        var filled = new DocBin(Stored);
        filled.AddAll(docs);
        var parsed = DocBin.FromBytes(bytes);
        var actions = new (string Name, Action Run)[]
        {
            ("encode (new DocBin + Add + ToBytes)", () => bytes = Encode(docs)),
            ("  Add only", () => new DocBin(Stored).AddAll(docs)),
            ("  ToBytes only", () => filled.ToBytes()),
            ("decode (FromBytes + GetDocs, blank Vocab)", () => Consume(DocBin.FromBytes(bytes).GetDocs(new Vocab()))),
            ("  FromBytes only", () => DocBin.FromBytes(bytes)),
            ("  GetDocs only (blank Vocab)", () => Consume(parsed.GetDocs(new Vocab()))),
        };

        // Warm up everything first, so that tiered JIT compilation has settled before anything is timed.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed.TotalSeconds < 3)
        {
            foreach (var (_, run) in actions)
            {
                run();
            }
        }

        var times = actions.Select(a => Measure(a.Run)).ToList();
        Console.WriteLine($"tokens: {tokens:N0} in {docs.Count} docs; bytes: {bytes.Length:N0}; bytes/token: {(double)bytes.Length / tokens:F3}");
        Console.WriteLine($"{"",-44} {"best wall",12} {"tokens/s",10} {"mean CPU",12} {"tokens/s",10}");
        for (var i = 0; i < actions.Length; i++)
        {
            Report(actions[i].Name, times[i], tokens);
        }

        Sections(bytes, tokens);
        Console.WriteLine($"Doc.ToBytes of one {docs[0].Length}-token doc: {docs[0].ToBytes().Length} bytes");
    }

    private static void AddAll(this DocBin bin, List<Doc> docs) => docs.ForEach(bin.Add);

    private static byte[] Encode(List<Doc> docs)
    {
        var bin = new DocBin(Stored);
        bin.AddAll(docs);
        return bin.ToBytes();
    }

    private static void Consume(IEnumerable<Doc> docs)
    {
        var n = 0;
        foreach (var doc in docs)
        {
            n += doc.Length;
        }

        GC.KeepAlive(n);
    }

    /// <summary>Best wall-clock time of single runs, and mean process CPU time over a batch (fairer on a busy machine).</summary>
    private static (double Wall, double Cpu) Measure(Action action)
    {
        action();
        var best = double.MaxValue;
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuStart = process.TotalProcessorTime;
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        process.Refresh();
        return (best, (process.TotalProcessorTime - cpuStart).TotalSeconds / Runs);
    }

    private static void Report(string what, (double Wall, double Cpu) time, int tokens) =>
        Console.WriteLine($"{what,-44} {time.Wall * 1000,9:F2} ms {tokens / time.Wall / 1e6,7:F2} M {time.Cpu * 1000,9:F2} ms {tokens / time.Cpu / 1e6,7:F2} M");

    /// <summary>Prints the size of each part of the bytes, read from the envelope with the public MessagePack reader.</summary>
    private static void Sections(byte[] bytes, int tokens)
    {
        var reader = new MessagePackReader(bytes);
        var fields = reader.ReadMapHeader();
        var parts = new List<string>();
        for (var i = 0; i < fields; i++)
        {
            var name = reader.ReadString();
            if (name == "payload")
            {
                parts.Add($"strings+dictionaries+docs (Brotli) {reader.ReadBytes()!.Value.Length:N0}");
            }
            else if (name == "columns")
            {
                var count = reader.ReadMapHeader();
                for (var c = 0; c < count; c++)
                {
                    var column = reader.ReadString();
                    var length = reader.ReadBytes()!.Value.Length;
                    parts.Add($"{column} {length:N0} ({8.0 * length / tokens:F2} bits/token)");
                }
            }
            else
            {
                reader.Skip();
            }
        }

        Console.WriteLine("sections: " + string.Join("; ", parts));
    }

    private static List<Doc> ReadConllu(Vocab vocab, string path, int maxTokens)
    {
        var docs = new List<Doc>();
        var rows = new List<string[]>();
        var sentStarts = new List<int>();
        var total = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("# newdoc", StringComparison.Ordinal) && rows.Count > 0)
            {
                total += Flush(vocab, docs, rows, sentStarts);
                if (total >= maxTokens)
                {
                    return docs;
                }
            }

            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length < 10 || cols[0].Contains('-') || cols[0].Contains('.'))
            {
                continue;
            }

            if (cols[0] == "1")
            {
                sentStarts.Add(rows.Count);
            }

            rows.Add(cols);
        }

        Flush(vocab, docs, rows, sentStarts);
        return docs;
    }

    private static int Flush(Vocab vocab, List<Doc> docs, List<string[]> rows, List<int> sentStarts)
    {
        var words = rows.Select(r => r[1]).ToList();
        var spaces = rows.Select(r => !r[9].Contains("SpaceAfter=No", StringComparison.Ordinal)).ToList();
        var doc = new Doc(vocab, words, spaces);
        var sentence = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            if (sentStarts.Contains(i))
            {
                sentence = i;
            }

            var r = rows[i];
            var token = doc[i];
            token.Lemma = r[2];
            token.Pos = r[3];
            token.Tag = r[4];
            token.Dep = r[7];
            var head = int.Parse(r[6], System.Globalization.CultureInfo.InvariantCulture);
            token.HeadIndex = head == 0 ? i : sentence + head - 1;
            token.IsSentStart = i == sentence;
        }

        doc.Ents = PropnRuns(doc, rows.Select(r => r[3] == "PROPN").ToList());
        docs.Add(doc);
        var n = rows.Count;
        rows.Clear();
        sentStarts.Clear();
        return n;
    }

    private static List<Span> PropnRuns(Doc doc, IReadOnlyList<bool> isPropn)
    {
        var spans = new List<Span>();
        for (var i = 0; i < isPropn.Count;)
        {
            if (!isPropn[i])
            {
                i++;
                continue;
            }

            var start = i;
            while (i < isPropn.Count && isPropn[i])
            {
                i++;
            }

            var label = EntLabels[(int)(Pipeline.StringStore.Hash(doc[start].Text) % (ulong)EntLabels.Length)];
            spans.Add(new Span(doc, start, i, label));
        }

        return spans;
    }

    private static List<Doc> Synthetic(Vocab vocab, int maxTokens)
    {
        var random = new Random(42);
        var lexicon = Enumerable.Range(0, 20_000).Select(i => $"w{i}").ToArray();
        string[] pos = ["NOUN", "VERB", "ADJ", "ADP", "DET", "PROPN", "PRON", "PUNCT", "ADV", "AUX"];
        string[] deps = ["nsubj", "obj", "det", "amod", "case", "nmod", "punct", "advmod", "root", "conj"];
        var docs = new List<Doc>();
        var total = 0;
        while (total < maxTokens)
        {
            var n = random.Next(10, 60);
            var words = new string[n];
            var ranks = new int[n];
            for (var i = 0; i < n; i++)
            {
                ranks[i] = Math.Min(lexicon.Length - 1, (int)Math.Floor(Math.Pow(lexicon.Length, random.NextDouble())) - 1);
                words[i] = lexicon[ranks[i]];
            }

            var doc = new Doc(vocab, words);
            for (var i = 0; i < n; i++)
            {
                var token = doc[i];
                token.Lemma = ranks[i] % 3 == 0 ? words[i] + "_l" : words[i];
                token.Pos = pos[ranks[i] % pos.Length];
                token.Tag = pos[ranks[i] % pos.Length] + (ranks[i] % 2);
                token.Dep = deps[random.Next(deps.Length)];
                token.HeadIndex = Math.Clamp(i + random.Next(-4, 5), 0, n - 1);
            }

            doc.Ents = PropnRuns(doc, Enumerable.Range(0, n).Select(i => doc[i].Pos == "PROPN").ToList());
            docs.Add(doc);
            total += n;
        }

        return docs;
    }
}
