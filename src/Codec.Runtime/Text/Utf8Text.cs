using System.Text;

namespace Codec.Runtime.Text;

/// <summary>
/// A decoded JSON string kept as UTF-8 bytes. Nothing is allocated until <see cref="ToString"/> is called.
/// Default value = absent/empty.
/// </summary>
public readonly struct Utf8Text : IEquatable<Utf8Text>
{
    private readonly byte[]? _buffer;
    private readonly int _offset;
    private readonly int _length;

    public Utf8Text(byte[] buffer, int offset, int length)
    {
        _buffer = buffer;
        _offset = offset;
        _length = length;
    }

    /// <summary>Wraps a standalone byte array (handy when building models by hand).</summary>
    public static Utf8Text From(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        return new Utf8Text(bytes, 0, bytes.Length);
    }

    public ReadOnlySpan<byte> Span => _buffer is null ? default : new ReadOnlySpan<byte>(_buffer, _offset, _length);
    public int Length => _length;
    public bool IsEmpty => _length == 0;

    public bool Equals(ReadOnlySpan<byte> utf8) => Span.SequenceEqual(utf8);
    public bool Equals(Utf8Text other) => Span.SequenceEqual(other.Span);
    public override bool Equals(object? obj) => obj is Utf8Text t && Equals(t);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Span);
        return hash.ToHashCode();
    }

    public override string ToString() => _length == 0 ? string.Empty : Encoding.UTF8.GetString(Span);

    public static bool operator ==(Utf8Text left, Utf8Text right) => left.Equals(right);
    public static bool operator !=(Utf8Text left, Utf8Text right) => !left.Equals(right);
}
