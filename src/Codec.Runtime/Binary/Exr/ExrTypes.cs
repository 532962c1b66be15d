namespace Codec.Runtime.Binary.Exr;

/// <summary>How a part's pixel data is compressed (the <c>compression</c> attribute).</summary>
public enum ExrCompression : byte
{
    None = 0,
    Rle = 1,
    Zips = 2,
    Zip = 3,
    Piz = 4,
    Pxr24 = 5,
    B44 = 6,
    B44a = 7,
    Dwaa = 8,
    Dwab = 9,
}

/// <summary>A channel's sample type.</summary>
public enum ExrPixelType
{
    Uint = 0,
    Half = 1,
    Float = 2,
}

/// <summary>An integer rectangle, inclusive at both ends (<c>box2i</c>).</summary>
public readonly record struct ExrBox(int XMin, int YMin, int XMax, int YMax)
{
    public long Width => (long)XMax - XMin + 1;
    public long Height => (long)YMax - YMin + 1;
    public bool IsEmpty => XMax < XMin || YMax < YMin;
    public override string ToString() => $"({XMin} {YMin}) - ({XMax} {YMax})";
}

/// <summary>One entry of a <c>chlist</c>.</summary>
public sealed record ExrChannel(string Name, ExrPixelType Type, bool PerceptuallyLinear, int XSampling, int YSampling);

/// <summary>The <c>tiles</c> attribute: tile size and level mode (0 one level, 1 mipmap, 2 ripmap) with rounding.</summary>
public sealed record ExrTiles(int XSize, int YSize, int LevelMode, int RoundingMode);

/// <summary>
/// One header attribute: name, type name, where its value starts in the file, and the value decoded for the types
/// the OpenEXR specification defines (<c>box2i</c> → <see cref="ExrBox"/>, <c>chlist</c> → channels, <c>string</c>
/// → string, <c>stringvector</c> → string[], numbers, vectors and matrices → float/double/int arrays, ...). Values
/// of other (custom) types stay as their bytes.
/// </summary>
public sealed record ExrAttribute(string Name, string Type, long Offset, int Size, object Value);

/// <summary>
/// A Cryptomatte layer described in a header: <c>cryptomatte/&lt;id&gt;/name|hash|conversion|manifest</c>. The
/// manifest maps names to the hex of their MurmurHash3_32 (seed 0, float-safe), as written by the renderer.
/// </summary>
public sealed record ExrCryptomatte(string Id, string? Name, string? Hash, string? Conversion, IReadOnlyList<(string Name, string Hash)> Manifest);
