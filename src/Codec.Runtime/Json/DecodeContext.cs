using Codec.Runtime.Findings;
using Codec.Runtime.Text;

namespace Codec.Runtime.Json;

/// <summary>
/// Reusable state behind a <see cref="JsonCursor"/>: the path stack (for JSON-pointer locations), scratch space
/// for unescaping, and where findings and strings go. One per decoder instance; not thread-safe.
/// </summary>
public sealed class DecodeContext
{
    // One frame per open container: written on every member and element, so kept together (one bounds check, one
    // cache line) rather than in an array per field.
    internal Frame[] Frames;
    internal byte[] Scratch = new byte[256];

    public DecodeContext(DecodeOptions? options = null)
    {
        Options = options ?? DecodeOptions.Default;
        Frames = new Frame[Options.MaxDepth + 2];
    }

    /// <summary>An open container: an array (its current index) or an object (where its current member's name is).</summary>
    internal struct Frame
    {
        public int KeyStart;
        public int KeyLength;
        public int Index;
        public bool IsArray;
        public bool HasValue;
    }

    public DecodeOptions Options { get; }

    /// <summary>Where findings go during the current decode.</summary>
    public FindingSink Sink { get; set; } = new();

    /// <summary>Where decoded strings are copied during the current decode.</summary>
    public Utf8Arena Arena { get; set; } = new();

    internal Span<byte> ScratchOf(int length)
    {
        if (Scratch.Length < length) Scratch = new byte[Math.Max(length, Scratch.Length * 2)];
        return Scratch;
    }
}
