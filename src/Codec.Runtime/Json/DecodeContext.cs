using Codec.Runtime.Findings;
using Codec.Runtime.Text;

namespace Codec.Runtime.Json;

/// <summary>
/// Reusable state behind a <see cref="JsonCursor"/>: the path stack (for JSON-pointer locations), scratch space
/// for unescaping, and where findings and strings go. One per decoder instance; not thread-safe.
/// </summary>
public sealed class DecodeContext
{
    internal int[] KeyStart;
    internal int[] KeyLength;
    internal int[] Index;
    internal bool[] IsArray;
    internal bool[] HasValue;
    internal byte[] Scratch = new byte[256];

    public DecodeContext(DecodeOptions? options = null)
    {
        Options = options ?? DecodeOptions.Default;
        int frames = Options.MaxDepth + 2;
        KeyStart = new int[frames];
        KeyLength = new int[frames];
        Index = new int[frames];
        IsArray = new bool[frames];
        HasValue = new bool[frames];
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
