using System.Buffers.Binary;
using System.Text;
using Codec.Runtime.Files;
using Codec.Runtime.Findings;
using Codec.Runtime.Json;

namespace Codec.Runtime.Binary.Exr;

/// <summary>
/// The header of an OpenEXR file — magic, version and flags, every attribute of every part, the Cryptomatte layers
/// its attributes describe — and a bounds check of the chunk offset tables (a truncated file is found without reading
/// pixels). Pixel data is not decoded. Only the file's beginning is read: as much as the headers and tables need.
/// </summary>
public sealed class ExrFile
{
    /// <summary>Headers (with Cryptomatte manifests) are kilobytes to a few megabytes; larger is refused.</summary>
    public const int MaxHeaderBytes = 64 << 20;

    private const int Magic = 20000630;
    private const int TiledFlag = 0x200, LongNamesFlag = 0x400, NonImageFlag = 0x800, MultiPartFlag = 0x1000;
    // The attributes every part has, and the type each must have (OpenEXR's file layout); the rest by the flags.
    private static readonly (string Name, string Type)[] Required =
    [
        ("channels", "chlist"), ("compression", "compression"), ("dataWindow", "box2i"), ("displayWindow", "box2i"), ("lineOrder", "lineOrder"),
        ("pixelAspectRatio", "float"), ("screenWindowCenter", "v2f"), ("screenWindowWidth", "float"),
    ];

    private static readonly (string Name, string Type) Tiles = ("tiles", "tiledesc");
    private static readonly (string Name, string Type)[] PartIdentity = [("name", "string"), ("type", "string"), ("chunkCount", "int")];

    private ExrFile(int version, int flags, IReadOnlyList<ExrPart> parts, IReadOnlyList<ExrCryptomatte> cryptomattes, long headerBytes, long fileLength)
    {
        Version = version;
        Flags = flags;
        Parts = parts;
        Cryptomattes = cryptomattes;
        HeaderBytes = headerBytes;
        FileLength = fileLength;
    }

    /// <summary>The format version (2 for every current file).</summary>
    public int Version { get; }

    /// <summary>The version field's flag bits (0x200 single-part tiled, 0x400 long names, 0x800 deep, 0x1000 multi-part).</summary>
    public int Flags { get; }

    public bool IsTiled => (Flags & TiledFlag) != 0;
    public bool HasLongNames => (Flags & LongNamesFlag) != 0;
    public bool IsDeep => (Flags & NonImageFlag) != 0;
    public bool IsMultiPart => (Flags & MultiPartFlag) != 0;

    public IReadOnlyList<ExrPart> Parts { get; }
    public IReadOnlyList<ExrCryptomatte> Cryptomattes { get; }

    /// <summary>Where the headers end (the first offset table starts).</summary>
    public long HeaderBytes { get; }

    public long FileLength { get; }

    /// <summary>Reads the headers of <paramref name="path"/>; null (with located findings) when they are unusable.</summary>
    public static ExrFile? Read(string path, FindingSink sink)
    {
        using var handle = InputFile.TryOpenRead(path, sink);
        if (handle is null) return null;
        long length = RandomAccess.GetLength(handle);
        int size = (int)Math.Min(length, 64 << 10);
        while (true)
        {
            var buffer = new byte[size];
            int read = 0;
            while (read < size)
            {
                int n = RandomAccess.Read(handle, buffer.AsSpan(read), read);
                if (n == 0) break;
                read += n;
            }

            var mark = sink.Mark();
            var file = Parse(buffer.AsSpan(0, read), length, sink, path, out bool needMore);
            if (!needMore)
            {
                if (file?.LastChunk is { } last)
                {
                    var head = new byte[ChunkHeadBytes];
                    int got = RandomAccess.Read(handle, head, last.Offset);
                    file.CheckLastChunk(head.AsSpan(0, got), sink, path);
                }

                return file;
            }

            sink.Rewind(mark);
            if (size >= Math.Min(length, MaxHeaderBytes))
            {
                sink.ReportAt(FindingCodes.SizeOverflow, path, size, $"the headers and offset tables go on past {MaxHeaderBytes} bytes; not read");
                return null;
            }

            size = (int)Math.Min(Math.Min(length, MaxHeaderBytes), (long)size * 4);
        }
    }

    /// <summary>Reads the headers of a whole EXR file held in memory.</summary>
    public static ExrFile? Decode(ReadOnlySpan<byte> file, FindingSink sink, string path = "")
    {
        var exr = Parse(file, file.Length, sink, path, out _);
        if (exr?.LastChunk is { } last) exr.CheckLastChunk(file[(int)last.Offset..(int)Math.Min(file.Length, last.Offset + ChunkHeadBytes)], sink, path);
        return exr;
    }

    // The chunk that starts last: the file must hold its whole declared data, or it was cut short inside it.
    private (long Offset, int Part)? LastChunk { get; set; }

    // The largest chunk header: multi-part number + deep tile (4 ints, 3 longs).
    private const int ChunkHeadBytes = 4 + 16 + 24;

    private void CheckLastChunk(ReadOnlySpan<byte> head, FindingSink sink, string path)
    {
        var (offset, index) = LastChunk!.Value;
        var part = Parts[index];
        int at = IsMultiPart ? 4 : 0;
        bool tiled = part.Tiles is not null && (IsTiled || part.Type is "tiledimage" or "deeptile");
        bool deep = part.Type is "deepscanline" or "deeptile";
        at += tiled ? 16 : 4;
        long end;
        if (deep)
        {
            if (head.Length < at + 24)
            {
                sink.ReportAt(FindingCodes.DataTruncated, path, offset, "the file ends inside the last chunk's header: it is truncated");
                return;
            }

            long table = BinaryPrimitives.ReadInt64LittleEndian(head[at..]), samples = BinaryPrimitives.ReadInt64LittleEndian(head[(at + 8)..]);
            end = table < 0 || samples < 0 ? long.MaxValue : offset + at + 24 + table + samples;
        }
        else
        {
            if (head.Length < at + 4)
            {
                sink.ReportAt(FindingCodes.DataTruncated, path, offset, "the file ends inside the last chunk's header: it is truncated");
                return;
            }

            int size = BinaryPrimitives.ReadInt32LittleEndian(head[at..]);
            end = size < 0 ? long.MaxValue : offset + at + 4 + size;
        }

        if (end > FileLength)
        {
            sink.ReportAt(FindingCodes.DataTruncated, path, offset,
                $"the last chunk (at {offset}) declares data up to byte {(end == long.MaxValue ? "∞ (a negative size)" : end.ToString(System.Globalization.CultureInfo.InvariantCulture))}; the file ends at {FileLength}: it is truncated");
        }
    }

    // Parses from the start of the file; needMore when the span ends before what the headers need but the file does not.
    private static ExrFile? Parse(ReadOnlySpan<byte> data, long fileLength, FindingSink sink, string path, out bool needMore)
    {
        needMore = false;
        if (data.Length < 8 || BinaryPrimitives.ReadInt32LittleEndian(data) != Magic)
        {
            sink.ReportAt(FindingCodes.BadSignature, path, 0, "not an OpenEXR file: the magic number 76 2f 31 01 is missing");
            return null;
        }

        int field = BinaryPrimitives.ReadInt32LittleEndian(data.Slice(4));
        int version = field & 0xFF, flags = field & ~0xFF;
        if (version != 2)
        {
            sink.ReportAt(FindingCodes.UnsupportedFormatVersion, path, 4, $"format version {version}; OpenEXR files are version 2");
            return null;
        }

        if ((flags & ~(TiledFlag | LongNamesFlag | NonImageFlag | MultiPartFlag)) != 0)
        {
            sink.ReportAt(FindingCodes.UnsupportedFormatVersion, path, 4, $"unknown flag bits 0x{flags & ~(TiledFlag | LongNamesFlag | NonImageFlag | MultiPartFlag):x} in the version field");
            return null;
        }

        bool multi = (flags & MultiPartFlag) != 0;
        if (multi && (flags & TiledFlag) != 0)
        {
            sink.ReportAt(FindingCodes.BadHeader, path, 4, "the single-part tiled flag (0x200) is set on a multi-part file");
            return null;
        }

        var reader = new HeaderReader(data, fileLength, sink, path, (flags & LongNamesFlag) != 0 ? 255 : 31);
        var parts = new List<ExrPart>();
        while (true)
        {
            if (multi && parts.Count > 0)
            {
                // An empty header (a lone NUL) ends the list of parts.
                if (!reader.Peek(out byte next)) return reader.Ended(out needMore);
                if (next == 0)
                {
                    reader.Skip(1);
                    break;
                }
            }

            var attributes = reader.ReadHeader();
            if (attributes is null) return reader.Ended(out needMore);
            parts.Add(new ExrPart(attributes));
            if (!multi) break;
        }

        bool ok = true;
        for (int i = 0; i < parts.Count; i++) ok &= CheckPart(parts[i], i, flags, parts.Count, sink, path);
        if (!ok) return null;
        var names = new HashSet<string>();
        foreach (var part in parts)
        {
            if (part.Name is { } name && !names.Add(name))
                sink.ReportAt(FindingCodes.DuplicateEntry, path, part.Get("name")!.Offset, $"two parts are named \"{name}\"");
        }

        long headerEnd = reader.Position;
        if (!CheckOffsetTables(data, fileLength, headerEnd, parts, sink, path, out needMore, out var lastChunk)) return null;
        var cryptomattes = ReadCryptomattes(parts, sink, path);
        return new ExrFile(version, flags, parts, cryptomattes, headerEnd, fileLength) { LastChunk = lastChunk };
    }

    private static bool CheckPart(ExrPart part, int index, int flags, int partCount, FindingSink sink, string path)
    {
        string where = partCount > 1 ? $"part {index}: " : "";
        bool ok = true;
        var required = new List<(string Name, string Type)>(Required);
        if ((flags & TiledFlag) != 0 || part.Get("type")?.Value is "tiledimage" or "deeptile") required.Add(Tiles);
        if ((flags & MultiPartFlag) != 0) required.AddRange(PartIdentity);
        if ((flags & NonImageFlag) != 0) required.AddRange(PartIdentity.Skip(1));
        foreach (var (name, expectedType) in required.Distinct())
        {
            if (part.Get(name) is not { } attribute)
            {
                sink.ReportAt(FindingCodes.BadHeader, path, part.Attributes.Count > 0 ? part.Attributes[0].Offset : 8, $"{where}the required attribute \"{name}\" is missing");
                ok = false;
            }
            else if (attribute.Type != expectedType)
            {
                sink.ReportAt(FindingCodes.BadHeader, path, attribute.Offset, $"{where}the required attribute \"{name}\" is a {attribute.Type}; OpenEXR makes it a {expectedType}");
                ok = false;
            }
        }

        if (!ok) return false;
        var data = part.DataWindow!.Value;
        if (data.IsEmpty || part.DisplayWindow!.Value.IsEmpty)
        {
            sink.ReportAt(FindingCodes.BadHeader, path, part.Get(data.IsEmpty ? "dataWindow" : "displayWindow")!.Offset, $"{where}a window whose maximum is below its minimum: {(data.IsEmpty ? data : part.DisplayWindow)}");
            return false;
        }

        foreach (var channel in part.Channels)
        {
            if (data.XMin % channel.XSampling != 0 || data.YMin % channel.YSampling != 0 || data.Width % channel.XSampling != 0 || data.Height % channel.YSampling != 0)
            {
                sink.ReportAt(FindingCodes.BadHeader, path, part.Get("channels")!.Offset,
                    $"{where}channel \"{channel.Name}\" samples every {channel.XSampling}×{channel.YSampling} pixels, which the data window {data} does not divide");
                ok = false;
            }
        }

        if (part.Type is { } type && type is not ("scanlineimage" or "tiledimage" or "deepscanline" or "deeptile"))
        {
            sink.ReportAt(FindingCodes.BadHeader, path, part.Get("type")!.Offset, $"{where}part type \"{type}\" is none of scanlineimage, tiledimage, deepscanline, deeptile");
            ok = false;
        }

        if (!ok) return false;
        bool tiled = part.Tiles is not null && ((flags & TiledFlag) != 0 || part.Type is "tiledimage" or "deeptile");
        long computed = tiled ? TileChunks(data, part.Tiles!) : (data.Height + LinesPerBlock(part.Compression!.Value) - 1) / LinesPerBlock(part.Compression!.Value);
        if (part.DeclaredChunkCount is { } declared)
        {
            bool deep = part.Type is "deepscanline" or "deeptile";
            if (declared < 0 || (!deep && computed >= 0 && declared != computed))
            {
                sink.ReportAt(FindingCodes.BadHeader, path, part.Get("chunkCount")!.Offset, $"{where}chunkCount is {declared}, but the data window and compression give {computed}");
                return false;
            }

            computed = declared;
        }

        if (computed < 0 || computed > int.MaxValue)
        {
            sink.ReportAt(FindingCodes.SizeOverflow, path, part.Get("dataWindow")!.Offset, $"{where}the data window {data} needs more chunks than a file can index");
            return false;
        }

        part.ChunkCount = computed;
        return true;
    }

    private static int LinesPerBlock(ExrCompression compression) => compression switch
    {
        ExrCompression.None or ExrCompression.Rle or ExrCompression.Zips => 1,
        ExrCompression.Zip or ExrCompression.Pxr24 => 16,
        ExrCompression.Dwab => 256,
        _ => 32,
    };

    // Tiles over every level: one level, mipmap (levels halve both sides) or ripmap (each side halves on its own).
    private static long TileChunks(ExrBox window, ExrTiles tiles)
    {
        if (tiles.XSize <= 0 || tiles.YSize <= 0) return -1;
        long w = window.Width, h = window.Height;
        long Tiles(long size, int tile) => (size + tile - 1) / tile;
        long Level(long size, int level) => Math.Max(1, tiles.RoundingMode == 1 ? (size + (1L << level) - 1) >> level : size >> level);
        int Levels(long size)
        {
            int n = 0;
            while ((1L << n) < size) n++; // ceil(log2)
            int floor = (1L << n) == size ? n : n - 1;
            return (tiles.RoundingMode == 1 ? n : floor) + 1;
        }

        switch (tiles.LevelMode)
        {
            case 0:
                return Tiles(w, tiles.XSize) * Tiles(h, tiles.YSize);
            case 1:
            {
                long total = 0;
                int levels = Levels(Math.Max(w, h));
                for (int l = 0; l < levels; l++) total += Tiles(Level(w, l), tiles.XSize) * Tiles(Level(h, l), tiles.YSize);
                return total;
            }
            case 2:
            {
                long total = 0;
                int xLevels = Levels(w), yLevels = Levels(h);
                for (int ly = 0; ly < yLevels; ly++)
                for (int lx = 0; lx < xLevels; lx++)
                    total += Tiles(Level(w, lx), tiles.XSize) * Tiles(Level(h, ly), tiles.YSize);
                return total;
            }
            default:
                return -1;
        }
    }

    // Each part's table of 8-byte chunk offsets follows the headers; every offset must point past the tables and
    // inside the file, or the file was cut short (or its tables overwritten).
    private static bool CheckOffsetTables(ReadOnlySpan<byte> data, long fileLength, long headerEnd, List<ExrPart> parts, FindingSink sink, string path,
        out bool needMore, out (long Offset, int Part)? lastChunk)
    {
        needMore = false;
        lastChunk = null;
        bool anyBad = false;
        long tablesEnd = headerEnd;
        foreach (var part in parts) tablesEnd += 8 * part.ChunkCount;
        if (tablesEnd > fileLength)
        {
            sink.ReportAt(FindingCodes.DataTruncated, path, headerEnd, $"the chunk offset tables need {tablesEnd - headerEnd} bytes after the headers; the file ends {fileLength - headerEnd} bytes after them");
            return false;
        }

        if (tablesEnd > data.Length)
        {
            needMore = true;
            return false;
        }

        long at = headerEnd;
        for (int p = 0; p < parts.Count; p++)
        {
            int bad = 0;
            long firstBad = -1, firstBadAt = 0;
            for (long c = 0; c < parts[p].ChunkCount; c++, at += 8)
            {
                ulong offset = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice((int)at));
                if (offset >= (ulong)tablesEnd && offset < (ulong)fileLength && (lastChunk is null || (long)offset > lastChunk.Value.Offset))
                {
                    lastChunk = ((long)offset, p);
                }

                if (offset < (ulong)tablesEnd || offset >= (ulong)fileLength)
                {
                    if (bad++ == 0)
                    {
                        firstBad = c;
                        firstBadAt = at;
                    }
                }
            }

            if (bad > 0)
            {
                anyBad = true;
                string where = parts.Count > 1 ? $"part {p}: " : "";
                sink.ReportAt(FindingCodes.DataTruncated, path, firstBadAt,
                    $"{where}{bad} of {parts[p].ChunkCount} chunk offsets point outside the pixel data (first: chunk {firstBad}); the file is truncated or its offset table damaged");
            }
        }

        // With broken offsets the last good chunk proves nothing more.
        if (anyBad) lastChunk = null;
        return true;
    }

    private static List<ExrCryptomatte> ReadCryptomattes(List<ExrPart> parts, FindingSink sink, string path)
    {
        var layers = new List<ExrCryptomatte>();
        foreach (var part in parts)
        {
            var ids = part.Attributes.Where(a => a.Name.StartsWith("cryptomatte/", StringComparison.Ordinal))
                .Select(a => a.Name.Split('/')).Where(s => s.Length == 3).Select(s => s[1]).Distinct().ToList();
            foreach (var id in ids)
            {
                string? Text(string key) => part.Get($"cryptomatte/{id}/{key}")?.Value as string;
                var manifestAttribute = part.Get($"cryptomatte/{id}/manifest");
                var manifest = new List<(string, string)>();
                string? hash = Text("hash"), conversion = Text("conversion");
                if (hash is not null && hash != "MurmurHash3_32")
                    Warn(sink, path, part.Get($"cryptomatte/{id}/hash")!.Offset, $"cryptomatte {id}: hash \"{hash}\" is not MurmurHash3_32, the only one defined");
                if (conversion is not null && conversion != "uint32_to_float32")
                    Warn(sink, path, part.Get($"cryptomatte/{id}/conversion")!.Offset, $"cryptomatte {id}: conversion \"{conversion}\" is not uint32_to_float32, the only one defined");
                if (manifestAttribute?.Value is string json) ReadManifest(id, json, manifestAttribute.Offset, manifest, sink, path);
                layers.Add(new ExrCryptomatte(id, Text("name"), hash, conversion, manifest));
            }
        }

        return layers;
    }

    private static void ReadManifest(string id, string json, long offset, List<(string, string)> into, FindingSink sink, string path)
    {
        var parse = new FindingSink();
        var root = JsonTree.Parse(Encoding.UTF8.GetBytes(json), parse);
        if (root is null)
        {
            string why = parse.Findings.FirstOrDefault(f => f.Severity == Severity.Error)?.Message ?? "not JSON";
            Warn(sink, path, offset, $"cryptomatte {id}: the manifest is not JSON ({why})");
            return;
        }

        if (!root.IsObject)
        {
            Warn(sink, path, offset, $"cryptomatte {id}: the manifest is not a JSON object");
            return;
        }

        int wrong = 0;
        string? example = null;
        foreach (var (name, node) in root.Members)
        {
            string value = node.Text ?? node.NumberText ?? node.Describe();
            into.Add((name, value));
            uint expected = MurmurHash3.CryptomatteId(Encoding.UTF8.GetBytes(name));
            if (!uint.TryParse(value, System.Globalization.NumberStyles.AllowHexSpecifier, null, out uint given) || value.Length != 8 || given != expected)
            {
                if (wrong++ == 0) example = $"\"{name}\" is {value}, MurmurHash3_32 gives {expected:x8}";
            }
        }

        if (wrong > 0)
            Warn(sink, path, offset, $"cryptomatte {id}: {wrong} of {into.Count} manifest ids are not their name's hash ({example})");
    }

    private static void Warn(FindingSink sink, string path, long offset, string message) =>
        sink.Add(new Finding(FindingCodes.CryptomatteMismatch, Severity.Warning, path, message) { Offset = offset });
}
