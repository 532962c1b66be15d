namespace Codec.Tests.Infrastructure;

/// <summary>A read-only stream that repeats a block of bytes up to a length, so large inputs need no disk or memory.</summary>
public sealed class RepeatingStream(byte[] block, long length) : Stream
{
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length && _position < length)
        {
            int at = (int)(_position % block.Length);
            int n = (int)Math.Min(Math.Min(block.Length - at, buffer.Length - total), length - _position);
            block.AsSpan(at, n).CopyTo(buffer[total..]);
            total += n;
            _position += n;
        }

        return total;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
