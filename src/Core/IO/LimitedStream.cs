namespace Pipeline.IO;

/// <summary>
/// A read-only view of a stream that raises an error (made by the caller, so it names the file and the limit) as soon
/// as more than a given number of bytes would be read: a size declared elsewhere, or a file's size read before
/// opening, cannot be trusted to bound what actually comes. Public for tools that unpack archive entries (a model
/// package's meta.json) within a cap.
/// </summary>
/// <param name="inner">The stream read from.</param>
/// <param name="limit">The most bytes that may be read.</param>
/// <param name="tooLarge">Makes the error raised when more would come.</param>
/// <param name="leaveOpen">Whether disposing this leaves <paramref name="inner"/> open.</param>
public sealed class LimitedStream(Stream inner, long limit, Func<Exception> tooLarge, bool leaveOpen = false) : Stream
{
    private long _read;

    /// <summary>The inner stream's length when it can tell (0 when it cannot), as a first guess of the size.</summary>
    public long InnerLength => inner.CanSeek ? inner.Length : 0;

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        // Ask for at most one byte past the limit: getting it proves the data is too large.
        var room = (int)Math.Min(buffer.Length, limit - _read + 1);
        var read = inner.Read(buffer[..room]);
        _read += read;
        if (_read > limit)
        {
            throw tooLarge();
        }

        return read;
    }

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
