using Pipeline.Serialization;

namespace Pipeline.IO;

/// <summary>
/// The stream <see cref="AtomicFile.Write(string, Action{Stream})"/> hands out: writes go to the file being made,
/// and a failure to write (disk full, device error) becomes <c>E025</c> naming the destination, so it cannot be
/// mistaken for a failure of whatever the caller reads meanwhile. Disposing it leaves the file open for
/// <see cref="AtomicFile"/> to finish.
/// </summary>
internal sealed class WriteGuardStream(Stream inner, string path) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
        try
        {
            inner.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Errors.WriteFailed(path, e);
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            inner.Write(buffer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Errors.WriteFailed(path, e);
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
