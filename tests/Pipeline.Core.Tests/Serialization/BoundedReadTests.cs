using System.IO.Compression;
using System.Text;
using MessagePack;
using Pipeline.Corpora;
using Pipeline.IO;
using Pipeline.Serialization.DocBin;

namespace Pipeline.Tests.Serialization;

/// <summary>
/// Untrusted files are read within caps checked before allocating: file sizes (E161), line lengths (E162) and
/// decompressed sizes (E163), each refusal naming the file and the limit.
/// </summary>
public sealed class BoundedReadTests : TempDirTest
{
    // A sparse file: its size is real, its bytes take no disk and no time to write.
    private string Sparse(string name, long size)
    {
        var path = Dir[name];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        stream.SetLength(size);
        return path;
    }

    [Fact]
    public void FileSizesAroundTheLimitAreReadExactlyOrRefused()
    {
        var random = new Random(20);
        for (var i = 0; i < 200; i++)
        {
            var limit = random.Next(0, 5000);
            var size = Math.Max(0, limit + random.Next(-3, 4));
            var bytes = new byte[size];
            random.NextBytes(bytes);
            File.WriteAllBytes(Dir["f.bin"], bytes);

            if (size <= limit)
            {
                Assert.Equal(bytes, InputFiles.ReadAllBytes(Dir["f.bin"], limit, "the test file"));
            }
            else
            {
                var e = Assert.Throws<PipelineFormatException>(() => InputFiles.ReadAllBytes(Dir["f.bin"], limit, "the test file"));
                Assert.Equal("E161", e.Code);
                Assert.Equal(Dir["f.bin"], e.DataSource);
                Assert.Contains($"limit of {limit:N0} bytes", e.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void AStreamIsReadWholeWhateverSizeItDeclared()
    {
        var random = new Random(11);
        for (var i = 0; i < 300; i++)
        {
            var bytes = new byte[random.Next(0, 10_000)];
            random.NextBytes(bytes);
            var declared = Math.Max(0, bytes.Length + random.Next(-5000, 5000));
            var limit = bytes.Length + random.Next(-2, 3);
            using var stream = new LimitedStream(new MemoryStream(bytes), limit, () => new InvalidDataException("over"));
            if (bytes.Length <= limit)
            {
                Assert.Equal(bytes, InputFiles.ReadToLimit(stream, declared, limit));
            }
            else
            {
                Assert.Throws<InvalidDataException>(() => InputFiles.ReadToLimit(stream, declared, limit));
            }
        }
    }

    [Fact]
    public void AStreamLongerThanItsLimitStopsAtTheLimit()
    {
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var limit = random.Next(0, 3000);
            var size = Math.Max(0, limit + random.Next(-2, 3));
            var chunk = random.Next(1, 700);
            using var limited = new LimitedStream(new MemoryStream(new byte[size]), limit, () => new InvalidDataException("over"));
            var buffer = new byte[chunk];
            long total = 0;
            var over = false;
            try
            {
                int read;
                while ((read = limited.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += read;
                }
            }
            catch (InvalidDataException)
            {
                over = true;
            }

            Assert.Equal(size > limit, over);
            Assert.True(total <= limit);
        }
    }

    [Fact]
    public void AHugeMetaJsonIsRefusedBeforeItIsRead()
    {
        Sparse("model/meta.json", 2L << 30);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var e = Assert.Throws<PipelineFormatException>(() => ModelMeta.Read(Dir["model/meta.json"]));

        Assert.Equal("E161", e.Code);
        Assert.Contains("16,777,216", e.Message, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20, "meta.json was read before its size was checked");
        Assert.Equal("E161", Assert.Throws<PipelineFormatException>(() => Nlp.Load(Dir["model"])).Code);
    }

    [Fact]
    public void AHugeTokenizerFileIsAFormatErrorOfLoadNotAnIOException()
    {
        var nlp = Nlp.Blank("en");
        nlp.ToDisk(Dir["model"]);
        Sparse("model/tokenizer", 3L << 30);

        var e = Assert.Throws<PipelineFormatException>(() => Nlp.Load(Dir["model"]));

        Assert.Equal("E161", e.Code);
        Assert.Contains("tokenizer", e.DataSource, StringComparison.Ordinal);
        Assert.Contains("1,073,741,824", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHugeDocBinFileIsRefused()
    {
        Sparse("docs.docbin", (1L << 30) + 1);

        Assert.Equal("E161", Assert.Throws<PipelineFormatException>(() => DocBin.FromDisk(Dir["docs.docbin"])).Code);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void LinesUpToTheLimitReadAsTextReaderReadsThem(string ending)
    {
        var random = new Random(ending.Length);
        for (var i = 0; i < 300; i++)
        {
            var limit = random.Next(0, 40);
            var lines = Enumerable.Range(0, random.Next(0, 6)).Select(_ => new string('x', random.Next(0, limit + 1))).ToList();
            var text = string.Join(ending, lines) + (random.Next(2) == 0 ? ending : string.Empty);
            var expected = new List<string>();
            using (var reference = new StringReader(text))
            {
                while (reference.ReadLine() is { } line)
                {
                    expected.Add(line);
                }
            }

            var actual = new List<string>();
            using var reader = new StringReader(text);
            while (TextFiles.ReadLine(reader, "test", isFile: false, actual.Count + 1, limit) is { } line)
            {
                actual.Add(line);
            }

            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void ALineOverTheLimitIsRefusedWithItsNumber()
    {
        var random = new Random(3);
        for (var i = 0; i < 100; i++)
        {
            var limit = random.Next(2, 50);
            var before = random.Next(0, 4);
            var text = string.Concat(Enumerable.Repeat("ok\n", before)) + new string('y', limit + 1 + random.Next(0, 10)) + "\nok\n";
            using var reader = new StringReader(text);
            var number = 0L;
            var e = Assert.Throws<PipelineFormatException>(() =>
            {
                while (TextFiles.ReadLine(reader, "corpus.txt", isFile: false, ++number, limit) is not null)
                {
                }
            });

            Assert.Equal("E162", e.Code);
            Assert.Equal($"corpus.txt:{before + 1}", e.DataSource);
        }
    }

    [Fact]
    public void AnEndlessCorpusLineIsRefusedAtTheCap()
    {
        var path = Dir["long.conllu"];
        using (var writer = new StreamWriter(path))
        {
            writer.Write("# text = a\n1\ta\ta\tX\t_\t_\t0\troot\t_\t_\n\n# comment ");
            writer.Write(new string('z', InputFiles.LineChars + 10));
            writer.Write('\n');
        }

        var e = Assert.Throws<PipelineFormatException>(() => ConlluReader.Read(path).ToList());

        Assert.Equal("E162", e.Code);
        Assert.Equal($"{path}:4", e.DataSource);
        Assert.Contains("8,388,608", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADocBinBombIsRefusedWithoutAllocatingItsDeclaredSize()
    {
        // 300 MiB of zeros compress to a few hundred KiB; the header claims 256 MiB, under the 1 GiB cap.
        var body = new MemoryStream();
        using (var brotli = new BrotliStream(body, CompressionLevel.Fastest, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 300; i++)
            {
                brotli.Write(zeros);
            }
        }

        var bomb = Envelope(256 << 20, body.ToArray());
        var before = GC.GetAllocatedBytesForCurrentThread();

        var e = Assert.Throws<PipelineFormatException>(() => DocBin.Read(bomb, "bomb.docbin"));

        Assert.Equal("E008", e.Code);
        Assert.Contains("more than the declared", e.Message, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 16 << 20, "the declared size was allocated before the payload was measured");
    }

    [Fact]
    public void ADocBinDeclaringMoreThanTheCapIsRefused()
    {
        var e = Assert.Throws<PipelineFormatException>(() => DocBin.Read(Envelope((1 << 30) + 1, [1, 2, 3]), "big.docbin"));

        Assert.Equal("E163", e.Code);
        Assert.Contains("1,073,741,824", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARealDocBinStillRoundTrips()
    {
        var nlp = Nlp.Blank("en");
        var bin = new DocBin();
        for (var i = 0; i < 50; i++)
        {
            bin.Add(nlp.MakeDoc($"Sentence number {i} is here."));
        }

        bin.ToDisk(Dir["docs.docbin"]);

        Assert.Equal(50, DocBin.FromDisk(Dir["docs.docbin"]).GetDocs(nlp.Vocab).Count());
    }

    private static byte[] Envelope(int size, byte[] body)
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        var w = new MessagePackWriter(output);
        w.WriteMapHeader(6);
        w.Write("kind");
        w.Write("docbin");
        w.Write("format");
        w.Write(DocBinEnvelope.FormatVersion);
        w.Write("codec");
        w.Write("brotli");
        w.Write("size");
        w.Write(size);
        w.Write("payload");
        w.Write(body);
        w.Write("columns");
        w.WriteMapHeader(0);
        w.Flush();
        return output.WrittenSpan.ToArray();
    }
}
