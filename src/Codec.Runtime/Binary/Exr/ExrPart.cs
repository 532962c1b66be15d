namespace Codec.Runtime.Binary.Exr;

/// <summary>One part of an EXR file (single-part files have one): its attributes, the standard ones decoded.</summary>
public sealed class ExrPart
{
    // By name, the first of a repeated name winning: headers of tens of thousands of attributes (Cryptomatte layers)
    // are looked up many times, so a scan per lookup would make reading them quadratic.
    private readonly Dictionary<string, ExrAttribute> _byName = new(StringComparer.Ordinal);

    internal ExrPart(IReadOnlyList<ExrAttribute> attributes)
    {
        Attributes = attributes;
        foreach (var a in attributes) _byName.TryAdd(a.Name, a);
        Channels = Get("channels")?.Value as IReadOnlyList<ExrChannel> ?? [];
        Compression = Get("compression")?.Value is ExrCompression c ? c : null;
        DataWindow = Get("dataWindow")?.Value is ExrBox d ? d : null;
        DisplayWindow = Get("displayWindow")?.Value is ExrBox w ? w : null;
        LineOrder = Get("lineOrder")?.Value is byte l ? l : null;
        Tiles = Get("tiles")?.Value as ExrTiles;
        Name = Get("name")?.Value as string;
        Type = Get("type")?.Value as string;
        DeclaredChunkCount = Get("chunkCount")?.Value is int n ? n : null;
    }

    /// <summary>Every attribute in file order.</summary>
    public IReadOnlyList<ExrAttribute> Attributes { get; }

    public IReadOnlyList<ExrChannel> Channels { get; }
    public ExrCompression? Compression { get; }
    public ExrBox? DataWindow { get; }
    public ExrBox? DisplayWindow { get; }

    /// <summary>0 increasing y, 1 decreasing y, 2 random (tiles only).</summary>
    public byte? LineOrder { get; }

    public ExrTiles? Tiles { get; }

    /// <summary>The part's name (required in multi-part files).</summary>
    public string? Name { get; }

    /// <summary>scanlineimage, tiledimage, deepscanline or deeptile (required in multi-part and deep files).</summary>
    public string? Type { get; }

    public int? DeclaredChunkCount { get; }

    /// <summary>Chunks of pixel data this part has (its offset table's length), or -1 when the header does not say.</summary>
    public long ChunkCount { get; internal set; } = -1;

    /// <summary>The attribute named <paramref name="name"/> (the first, if the header repeats it), or null.</summary>
    public ExrAttribute? Get(string name) => _byName.GetValueOrDefault(name);
}
