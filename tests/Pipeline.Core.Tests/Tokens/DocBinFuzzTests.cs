using Pipeline.Serialization.DocBin;

namespace Pipeline.Tests.Tokens;

/// <summary>
/// Mutated, truncated and re-compressed DocBin bytes must fail with <see cref="PipelineFormatException"/> only, or
/// decode into docs that work and serialize again. Every case is reproducible from the seed in the failure message.
/// </summary>
public class DocBinFuzzTests
{

    private static readonly Lazy<byte[][]> Seeds = new(() =>
    {
        var rng = new Random(2024);
        var vocab = new Vocab();
        var small = new DocBin(storeUserData: true);
        for (var i = 0; i < 6; i++)
        {
            small.Add(RandomDocs.Make(rng, vocab, 12));
        }

        var subset = new DocBin([Attr.Tag, Attr.Head, Attr.EntIob]);
        for (var i = 0; i < 4; i++)
        {
            subset.Add(RandomDocs.Make(rng, vocab, 10, userData: false));
        }

        // Long enough for the rANS coder, and (the last one) for per-context frequency tables.
        var medium = new DocBin();
        while (medium.Count < 40)
        {
            medium.Add(RandomDocs.Make(rng, vocab, 20, userData: false));
        }

        var large = new DocBin([Attr.Tag, Attr.Dep, Attr.Head, Attr.EntIob, Attr.EntType]);
        while (large.Count < 400)
        {
            large.Add(RandomDocs.Make(rng, vocab, 30, userData: false));
        }

        // A payload that decompresses far beyond its compressed size, so the reader's buffer has to grow.
        var compressible = new Doc(vocab, ["x", "y"]);
        compressible.UserData[new UserDataKey("app", "zeros")] = new byte[300_000];
        // A payload Brotli cannot shrink, stored as it is.
        var noise = new byte[3000];
        rng.NextBytes(noise);
        var incompressible = new Doc(vocab, ["z"]);
        incompressible.UserData[new UserDataKey("app", "noise")] = noise;
        return
        [
            small.ToBytes(), subset.ToBytes(), RandomDocs.Make(rng, vocab, 15).ToBytes(), medium.ToBytes(), large.ToBytes(),
            incompressible.ToBytes(), compressible.ToBytes(),
        ];
    });

    [Fact]
    [Trait("Category", "Slow")]
    public void MutatedBytesOnlyThrowFormatErrors()
    {
        var seeds = Seeds.Value;
        for (var i = 0; i < 12_000; i++)
        {
            var rng = new Random(i);
            var original = seeds[(i % 9) switch { 5 => 3, 6 => 4, 7 => 5, 8 => 6, _ => i % 3 }];
            Exercise(Mutator.Mutate(original, rng), $"bytes seed {i}");
        }
    }

    [Fact]
    public void TruncatedBytesOnlyThrowFormatErrors()
    {
        foreach (var original in Seeds.Value.Take(3).Concat(Seeds.Value.TakeLast(2)))
        {
            for (var length = 0; length < original.Length; length++)
            {
                Exercise(original[..length], $"truncated to {length} of {original.Length}");
            }
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void MutatedPayloadsAndColumnsOnlyThrowFormatErrors()
    {
        var parts = Seeds.Value.Take(4).Append(Seeds.Value[5]).Select(bytes =>
        {
            var payload = DocBinEnvelope.Unwrap(bytes, "seed", out _, out var columns).ToArray();
            return (Payload: payload, Columns: columns.ConvertAll(c => (c.Name, c.Blob.ToArray())));
        }).ToArray();
        for (var i = 0; i < 4_000; i++)
        {
            var rng = new Random(1_000_000 + i);
            var (payload, columns) = parts[rng.Next(parts.Length)];
            var blobs = columns.ConvertAll(c => (c.Name, Blob: (ReadOnlyMemory<byte>)c.Item2));
            if (i % 2 == 0)
            {
                payload = Mutator.Mutate(payload, rng);
            }
            else
            {
                var k = rng.Next(blobs.Count);
                blobs[k] = (blobs[k].Name, Mutator.Mutate(blobs[k].Blob.ToArray(), rng));
            }

            Exercise(DocBinEnvelope.Wrap(payload, blobs), $"payload seed {1_000_000 + i}");
        }
    }

    private static void Exercise(byte[] bytes, string label)
    {
        try
        {
            var bin = DocBin.FromBytes(bytes);
            var docs = bin.GetDocs(new Vocab()).ToList();
            foreach (var doc in docs)
            {
                _ = doc.Text;
                _ = doc.Ents.Select(e => e.Label).ToList();
                if (doc.HasSentenceBoundaries)
                {
                    _ = doc.Sents.Count();
                }

                foreach (var value in doc.ToArray(RandomDocs.SettableAttrs))
                {
                    _ = value;
                }

                foreach (var token in doc.Tokens)
                {
                    _ = (token.Lemma, token.Tag, token.Pos, token.Dep, token.Morph, token.EntType, token.EntId, token.Head.I);
                }
            }

            var again = DocBin.FromBytes(bin.ToBytes());
            Assert.Equal(docs.Count, again.Count);
            if (docs.Count == 1)
            {
                Doc.FromBytes(new Vocab(), bytes);
            }
        }
        catch (PipelineFormatException)
        {
        }
        catch (Exception e)
        {
            Assert.Fail($"{label}: {e.GetType().Name} escaped: {e}");
        }
    }
}
