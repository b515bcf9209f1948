using Pipeline.Serialization;
using Pipeline.Tokens;

namespace Pipeline.Tests.Tokens;

/// <summary>
/// Mutated, truncated and re-compressed DocBin bytes must fail with <see cref="PipelineFormatException"/> only, or
/// decode into docs that work and serialize again. Every case is reproducible from the seed in the failure message.
/// </summary>
public class DocBinFuzzTests
{
    private static readonly byte[] Interesting = [0x00, 0x01, 0x7F, 0x80, 0xFF, 0x90, 0x9F, 0xC0, 0xC2, 0xC3, 0xC4, 0xCC, 0xCD, 0xCE, 0xCF, 0xD0, 0xD2, 0xDA, 0xDC, 0xDD, 0xDE, 0xDF, 0xE0];

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
    public void MutatedBytesOnlyThrowFormatErrors()
    {
        var seeds = Seeds.Value;
        for (var i = 0; i < 12_000; i++)
        {
            var rng = new Random(i);
            var original = seeds[(i % 9) switch { 5 => 3, 6 => 4, 7 => 5, 8 => 6, _ => i % 3 }];
            Exercise(Mutate(original, rng), $"bytes seed {i}");
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
                payload = Mutate(payload, rng);
            }
            else
            {
                var k = rng.Next(blobs.Count);
                blobs[k] = (blobs[k].Name, Mutate(blobs[k].Blob.ToArray(), rng));
            }

            Exercise(DocBinEnvelope.Wrap(payload, blobs), $"payload seed {1_000_000 + i}");
        }
    }

    private static byte[] Mutate(byte[] original, Random rng)
    {
        var data = new List<byte>(original);
        for (var step = rng.Next(1, 4); step > 0; step--)
        {
            var at = data.Count == 0 ? 0 : rng.Next(data.Count);
            switch (rng.Next(7))
            {
                case 0 when data.Count > 0:
                    data[at] ^= (byte)(1 << rng.Next(8));
                    break;
                case 1 when data.Count > 0:
                    data[at] = (byte)rng.Next(256);
                    break;
                case 2 when data.Count > 0:
                    data[at] = Interesting[rng.Next(Interesting.Length)];
                    break;
                case 3:
                    data.InsertRange(at, Enumerable.Range(0, rng.Next(1, 9)).Select(_ => (byte)rng.Next(256)));
                    break;
                case 4 when data.Count > 0:
                    data.RemoveRange(at, Math.Min(rng.Next(1, 17), data.Count - at));
                    break;
                case 5:
                    data.RemoveRange(at, data.Count - at);
                    break;
                case 6 when data.Count > 0:
                    var length = Math.Min(rng.Next(1, 33), data.Count - at);
                    data.InsertRange(rng.Next(data.Count), data.GetRange(at, length));
                    break;
            }
        }

        return [.. data];
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
