namespace Codec.Runtime.Text;

/// <summary>
/// Grow-only byte store owned by one decoded model. Decoded strings are copied here so the model does
/// not depend on the input buffer's lifetime; <see cref="Reset"/> keeps the capacity, so decoding the
/// next document of similar size allocates nothing.
/// </summary>
public sealed class Utf8Arena
{
    private byte[] _buffer;
    private int _used;

    public Utf8Arena(int initialCapacity = 4096) => _buffer = new byte[Math.Max(16, initialCapacity)];

    public int Used => _used;

    public void Reset() => _used = 0;

    /// <summary>Copies <paramref name="bytes"/> and returns a handle to the copy.</summary>
    public Utf8Text Store(ReadOnlySpan<byte> bytes)
    {
        var target = Reserve(bytes.Length, out int offset);
        bytes.CopyTo(target);
        return new Utf8Text(_buffer, offset, bytes.Length);
    }

    private Span<byte> Reserve(int length, out int offset)
    {
        if (_buffer.Length - _used < length)
        {
            // Earlier Utf8Text values keep pointing at the old array, which stays valid: nothing is pooled.
            int size = Math.Max(_buffer.Length * 2, _used + length);
            var grown = new byte[size];
            _buffer.AsSpan(0, _used).CopyTo(grown);
            _buffer = grown;
        }

        offset = _used;
        _used += length;
        return _buffer.AsSpan(offset, length);
    }
}
