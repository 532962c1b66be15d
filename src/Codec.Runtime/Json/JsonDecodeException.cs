namespace Codec.Runtime.Json;

/// <summary>
/// Thrown by <see cref="JsonCursor"/> when the text cannot be decoded any further. Generated decoders catch it
/// at the top and turn it into a located finding; it never escapes a <c>Decode</c> call.
/// </summary>
public sealed class JsonDecodeException : Exception
{
    public JsonDecodeException(string code, string message, int offset) : base(message)
    {
        Code = code;
        Offset = offset;
    }

    public string Code { get; }
    public int Offset { get; }
}
