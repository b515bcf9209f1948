using Pipeline.IO;

namespace Pipeline.Tests.Api;

/// <summary>The Stream overloads of DocBin, Doc and Language: same bytes as ToBytes, stream left open, bounded reads.</summary>
public class StreamOverloadTests
{
    private static readonly byte[] Prefix = [1, 2, 3];

    [Fact]
    public void DocBinWritesItsBytesAtTheStreamPositionAndReadsThemBack()
    {
        var nlp = Nlp.Blank("en");
        var bin = new DocBin();
        bin.Add(nlp.Process("Hello world."));
        bin.Add(nlp.Process("A second doc"));
        using var stream = new MemoryStream();
        stream.Write(Prefix);
        bin.WriteTo(stream);
        Assert.True(stream.CanWrite);
        Assert.Equal([.. Prefix, .. bin.ToBytes()], stream.ToArray());

        stream.Position = Prefix.Length;
        var docs = DocBin.ReadFrom(stream).GetDocs(new Vocab("en")).Select(d => d.Text);
        Assert.Equal(["Hello world.", "A second doc"], docs);
    }

    [Fact]
    public void DocRoundTripsThroughAStreamThatCannotSeek()
    {
        var doc = Nlp.Blank("en").Process("Streams carry docs too.");
        doc.Cats["news"] = 0.5;
        using var stream = new MemoryStream();
        doc.WriteTo(stream);
        Assert.Equal(doc.ToBytes(), stream.ToArray());

        var read = Doc.ReadFrom(new Vocab("en"), new ForwardOnlyStream(stream.ToArray()));
        Assert.Equal(doc.Text, read.Text);
        Assert.Equal(0.5, read.Cats["news"]);
    }

    [Fact]
    public void LanguageRoundTripsThroughAStreamHonouringExclude()
    {
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(new FixedTagger("NN"), "tagger");
        using var stream = new MemoryStream();
        nlp.WriteTo(stream);
        Assert.Equal(nlp.ToBytes(), stream.ToArray());

        var loaded = Nlp.Blank("en");
        loaded.AddPipe(new FixedTagger("unset"), "tagger");
        stream.Position = 0;
        Assert.Same(loaded, loaded.ReadFrom(stream));
        Assert.Equal("NN", loaded.Process("a b")[0].Tag);

        var skipped = Nlp.Blank("en");
        skipped.AddPipe(new FixedTagger("unset"), "tagger");
        stream.Position = 0;
        skipped.ReadFrom(stream, exclude: ["tagger"]);
        Assert.Equal("unset", skipped.Process("a b")[0].Tag);
    }

    [Fact]
    public void DamagedStreamsRaiseFormatErrorsNamingTheStream()
    {
        var bytes = new DocBin().ToBytes();
        var e = Assert.Throws<PipelineFormatException>(() => DocBin.ReadFrom(new MemoryStream(bytes[..^3])));
        Assert.Equal("DocBin stream", e.DataSource);
        Assert.Equal("Doc stream", Assert.Throws<PipelineFormatException>(() => Doc.ReadFrom(new Vocab("en"), new MemoryStream([0xc1]))).DataSource);
        Assert.Equal("pipeline bytes", Assert.Throws<PipelineFormatException>(() => Nlp.Blank("en").ReadFrom(new MemoryStream([0xc1]))).DataSource);
    }

    [Fact]
    public void StreamsTheCallCannotUseAreArgumentErrors()
    {
        using var closed = new MemoryStream();
        closed.Dispose();
        Assert.Equal("stream", Assert.Throws<ArgumentException>(() => DocBin.ReadFrom(closed)).ParamName);
        Assert.Equal("stream", Assert.Throws<ArgumentException>(() => new DocBin().WriteTo(new MemoryStream([], writable: false))).ParamName);
        Assert.Throws<ArgumentNullException>(() => DocBin.ReadFrom(null!));
        Assert.Throws<ArgumentNullException>(() => Doc.ReadFrom(new Vocab("en"), null!));
        Assert.Throws<ArgumentNullException>(() => Nlp.Blank("en").WriteTo(null!));
    }

    [Fact]
    public void AStreamLongerThanTheLimitIsRefusedBeforeItIsRead()
    {
        var e = Assert.Throws<PipelineFormatException>(() => DocBin.ReadFrom(new HugeStream()));
        Assert.Equal("E240", e.Code);
        Assert.Equal("DocBin stream", e.DataSource);

        var unseekable = Assert.Throws<PipelineFormatException>(() => StreamBytes.ReadToEnd(new ForwardOnlyStream(new byte[100]), "test stream", limit: 99));
        Assert.Equal("E240", unseekable.Code);
        Assert.Equal(100, StreamBytes.ReadToEnd(new ForwardOnlyStream(new byte[100]), "test stream", limit: 100).Length);
    }

    /// <summary>A readable stream that cannot seek and returns a few bytes per read, like a network stream.</summary>
    private sealed class ForwardOnlyStream(byte[] data) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, 7), data.Length - _position);
            Array.Copy(data, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A seekable stream that claims 2 GiB and fails if anything tries to read it.</summary>
    private sealed class HugeStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => 2L << 30;

        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("read");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
