using System.Buffers.Binary;
using System.Text;
using Codec.Runtime.Findings;

namespace Codec.Runtime.Binary.Image;

/// <summary>
/// Decodes the first image of a TIFF file as image writers produce it (Synthesis AI's depth, normals and alpha, and
/// the usual libraries): classic TIFF in either byte order; strips or tiles; no compression, LZW, Deflate or
/// PackBits; no predictor, horizontal differencing or the floating-point predictor; 8-, 16- and 32-bit unsigned
/// integers and 16- and 32-bit floats; 1 to 4 samples per pixel, interleaved. The ImageDescription is kept (the
/// producer writes <c>{"shape": [h, w(, c)]}</c> there). Every size and offset is checked against the file before
/// anything is allocated, and each strip or tile must decode to exactly its size: a cut-off file is a located finding.
/// </summary>
public static class TiffDecoder
{
    private const int ImageWidth = 256, ImageLength = 257, BitsPerSample = 258, Compression = 259, ImageDescription = 270,
        StripOffsets = 273, SamplesPerPixel = 277, RowsPerStrip = 278, StripByteCounts = 279, PlanarConfiguration = 284,
        Predictor = 317, TileWidth = 322, TileLength = 323, TileOffsets = 324, TileByteCounts = 325, SampleFormat = 339;

    // What a strip's and the image's buffers start at before they grow with the data.
    private const int InitialBytes = 1 << 20;

    // How many times its compressed bytes an image may hold and still be allocated whole before a strip is decoded.
    private const long PlausibleRatio = 64;

    // An IFD of more entries than this is not an image's (real ones have 10 to 30).
    private const int MaxEntries = 4096;

    /// <summary>True when the bytes start like a classic TIFF file, in either byte order.</summary>
    public static bool HasSignature(ReadOnlySpan<byte> file) =>
        file.Length >= 8 && ((file[0] == 'I' && file[1] == 'I' && file[2] == 42 && file[3] == 0) || (file[0] == 'M' && file[1] == 'M' && file[2] == 0 && file[3] == 42));

    public static ImagePixels? Decode(ReadOnlySpan<byte> file, FindingSink sink, string path = "")
    {
        if (!HasSignature(file))
        {
            bool bigTiff = file.Length >= 4 && (file[2] == 43 || file[3] == 43);
            sink.ReportAt(bigTiff ? FindingCodes.UnsupportedFormatVersion : FindingCodes.BadSignature, path, 0,
                bigTiff ? "a BigTIFF file: codec reads classic TIFF" : "not a TIFF file: it does not start with II*\\0 or MM\\0*");
            return null;
        }

        bool little = file[0] == 'I';
        uint ifd = U32(file, 4, little);
        if (ifd < 8 || ifd > file.Length - 2L)
        {
            sink.ReportAt(FindingCodes.DataTruncated, path, 4, $"the first image's directory is at {ifd}, outside the file's {file.Length} bytes");
            return null;
        }

        var directory = ReadDirectory(file, (int)ifd, little, sink, path);
        if (directory is null) return null;

        // The tags the pixels depend on are integers; one of another type is a damaged or foreign directory, said at
        // its entry, never read as if its bytes were numbers.
        var tags = new Dictionary<int, long[]>();
        foreach (var (tag, entry) in directory)
        {
            if (!NumericTags.Contains(tag)) continue;
            if (entry.Type is not (1 or 3 or 4 or 6 or 8 or 9))
            {
                sink.ReportAt(FindingCodes.BadHeader, path, entry.At, $"tag {tag} ({NameOf(tag)}) is of type {TypeName(entry.Type)}; TIFF stores it as an unsigned integer (SHORT or LONG)");
                return null;
            }

            tags[tag] = entry.Values;
        }

        long Get(int tag, long fallback) => tags.TryGetValue(tag, out var v) && v.Length > 0 ? v[0] : fallback;
        long width = Get(ImageWidth, 0), height = Get(ImageLength, 0), samples = Get(SamplesPerPixel, 1);
        long bits = Get(BitsPerSample, 1), format = Get(SampleFormat, 1), compression = Get(Compression, 1), predictor = Get(Predictor, 1);
        if (width <= 0 || height <= 0 || width * height > PngImage.MaxPixels)
        {
            sink.ReportAt(FindingCodes.SizeOverflow, path, ifd, $"{width} × {height} pixels: empty, or more than {PngImage.MaxPixels}");
            return null;
        }

        long[] allBits = tags.GetValueOrDefault(BitsPerSample) ?? [bits];
        if (samples is < 1 or > 4 || allBits.Any(b => b != bits))
        {
            sink.ReportAt(FindingCodes.UnsupportedElementType, path, ifd, $"{samples} samples per pixel of {string.Join("/", allBits)} bits: codec reads 1 to 4 samples of one size");
            return null;
        }

        SampleKind? kind = (format, bits) switch
        {
            (1, 8) => SampleKind.UInt8,
            (1, 16) => SampleKind.UInt16,
            (1, 32) => SampleKind.UInt32,
            (3, 16) => SampleKind.Float16,
            (3, 32) => SampleKind.Float32,
            _ => null,
        };
        if (kind is null)
        {
            sink.ReportAt(FindingCodes.UnsupportedElementType, path, ifd, $"{bits}-bit samples of format {format} ({(format == 2 ? "signed integers" : format == 3 ? "floats" : "unsigned integers")}): codec reads 8/16/32-bit unsigned integers and 16/32-bit floats");
            return null;
        }

        if (Get(PlanarConfiguration, 1) != 1 && samples > 1)
        {
            sink.ReportAt(FindingCodes.UnsupportedElementType, path, ifd, "samples stored plane by plane (PlanarConfiguration 2): codec reads interleaved samples");
            return null;
        }

        if (compression is not (1 or 5 or 8 or 32946 or 32773) || predictor is not (1 or 2 or 3) || (predictor == 3 && format != 3) || (predictor == 2 && format == 3))
        {
            sink.ReportAt(FindingCodes.UnsupportedEntry, path, ifd, $"compression {compression} with predictor {predictor}: codec reads none, LZW, Deflate and PackBits, with horizontal or floating-point prediction");
            return null;
        }

        int bytesPerSample = (int)bits / 8, channels = (int)samples;
        long pixelBytes = (long)channels * bytesPerSample;
        bool tiled = tags.ContainsKey(TileOffsets);
        long blockWidth = tiled ? Get(TileWidth, 0) : width;
        long blockHeight = tiled ? Get(TileLength, 0) : Math.Min(Get(RowsPerStrip, height), height);
        if (blockWidth <= 0 || blockHeight <= 0 || blockWidth * blockHeight > PngImage.MaxPixels)
        {
            sink.ReportAt(FindingCodes.BadHeader, path, ifd, tiled ? $"tiles of {blockWidth} × {blockHeight} pixels" : $"strips of {blockHeight} rows");
            return null;
        }

        long across = (width + blockWidth - 1) / blockWidth, down = (height + blockHeight - 1) / blockHeight;
        tags.TryGetValue(tiled ? TileOffsets : StripOffsets, out var offsets);
        tags.TryGetValue(tiled ? TileByteCounts : StripByteCounts, out var counts);
        if (offsets is null || counts is null || offsets.Length != across * down || counts.Length != offsets.Length)
        {
            sink.ReportAt(FindingCodes.BadHeader, path, ifd, $"{offsets?.Length ?? 0} {(tiled ? "tile" : "strip")} offsets and {counts?.Length ?? 0} byte counts for {across * down} {(tiled ? "tiles" : "strips")}");
            return null;
        }

        for (int i = 0; i < offsets.Length; i++)
        {
            if (offsets[i] < 0 || counts[i] < 0 || offsets[i] + counts[i] > file.Length)
            {
                sink.ReportAt(FindingCodes.DataTruncated, path, offsets[i], $"{(tiled ? "tile" : "strip")} {i} of {counts[i]} bytes at {offsets[i]} ends past the file's {file.Length} bytes: the file is cut short");
                return null;
            }
        }

        // What the compressed bytes can decode to at most (LZW's 12-bit codes stand for up to 4,096 bytes, deflate about
        // 1,032:1, PackBits 64:1): a header promising more is refused before its buffers are allocated.
        long ratio = compression switch { 1 => 1, 32773 => 64, 5 => 2800, _ => 1040 };
        long decoded = tiled ? offsets.Length * blockWidth * blockHeight * pixelBytes : width * height * pixelBytes;
        if (decoded > (counts.Sum() + offsets.Length) * ratio || width * height * pixelBytes > Array.MaxLength || blockWidth * blockHeight * pixelBytes > Array.MaxLength)
        {
            sink.ReportAt(FindingCodes.CompressionBomb, path, ifd, $"{width} × {height} pixels of {pixelBytes} bytes cannot come from {counts.Sum()} compressed bytes");
            return null;
        }

        // An image that its compressed bytes plausibly hold (real files compress 3 to 20 times) is allocated whole, and
        // its strips are decoded straight into their rows. Past that, the image and a strip's (or tile's) buffer grow
        // with what really decodes, so a header that promises more than its data holds costs at most twice the real
        // data: a strip is decoded into a buffer of what it could need or less, and decoded again into one twice as
        // large only when it filled it.
        long total = width * height * pixelBytes;
        bool whole = total <= Math.Max(InitialBytes, PlausibleRatio * (counts.Sum() + offsets.Length));
        bool inPlace = whole && !tiled;
        // Every byte of the image and of a strip's buffer is written before it is read: no clearing first.
        var data = ImageArrays.Uninitialized<byte>((int)(whole ? total : Math.Min(total, InitialBytes)));
        var block = Array.Empty<byte>();
        byte[]? scratch = null;
        for (int i = 0; i < offsets.Length; i++)
        {
            long top = i / across * blockHeight, left = i % across * blockWidth;
            // A strip at the bottom holds only the rows left; a tile is always whole (padded past the image).
            long rows = tiled ? blockHeight : Math.Min(blockHeight, height - top);
            int need = (int)(rows * blockWidth * pixelBytes);
            var input = file.Slice((int)offsets[i], (int)counts[i]);
            int got;
            if (inPlace)
            {
                got = Decompress(compression, input, data.AsSpan((int)(top * width * pixelBytes), need));
            }
            else
            {
                for (int room = Math.Min(need, Math.Max(block.Length, InitialBytes)); ; room = (int)Math.Min(need, 2L * room))
                {
                    if (block.Length < room) block = ImageArrays.Uninitialized<byte>(room);
                    got = Decompress(compression, input, block.AsSpan(0, room));
                    if (got < room || room == need) break;
                }
            }

            if (got < 0)
            {
                sink.ReportAt(FindingCodes.BadArchive, path, offsets[i], $"{(tiled ? "tile" : "strip")} {i} is not valid {(compression == 5 ? "LZW" : "Deflate")} data");
                return null;
            }

            if (got < need)
            {
                sink.ReportAt(FindingCodes.DataTruncated, path, offsets[i], $"{(tiled ? "tile" : "strip")} {i} decodes to {got} bytes; {need} are needed: the image is cut short");
                return null;
            }

            var target = inPlace ? data.AsSpan((int)(top * width * pixelBytes), need) : block.AsSpan(0, need);

            long end = Math.Min(top + rows, height) * width * pixelBytes;
            if (end > data.Length) ImageArrays.Grow(ref data, (int)Math.Min(total, Math.Max(end, 2L * data.Length)), data.Length);
            if (predictor == 3) scratch ??= new byte[blockWidth * pixelBytes];
            long rowBytes = blockWidth * pixelBytes;
            for (long r = 0; r < rows; r++)
            {
                var row = target.Slice((int)(r * rowBytes), (int)rowBytes);
                // The floating-point predictor's bytes come out in the machine's order; anything else is in the file's.
                if (predictor == 3) TiffCodecs.UndoFloatingPoint(row, scratch!, channels, bytesPerSample);
                else
                {
                    if (little != BitConverter.IsLittleEndian) SampleBytes.Swap(row, bytesPerSample);
                    if (predictor == 2) TiffCodecs.UndoHorizontal(row, channels, bytesPerSample);
                }

                long y = top + r;
                if (inPlace || y >= height) continue;
                long columns = Math.Min(blockWidth, width - left);
                row[..(int)(columns * pixelBytes)].CopyTo(data.AsSpan((int)(((y * width) + left) * pixelBytes)));
            }
        }

        string? description = null;
        if (directory.TryGetValue(ImageDescription, out var text))
        {
            if (text.Type == 2) description = Ascii(file, text.Values);
            else sink.Add(new Finding(FindingCodes.BadHeader, Severity.Warning, path, $"tag {ImageDescription} (ImageDescription) is of type {TypeName(text.Type)}, not ASCII: it is not read") { Offset = text.At });
        }

        string compressionName = compression switch { 1 => "uncompressed", 5 => "LZW", 32773 => "PackBits", _ => "Deflate" };
        string predictorName = predictor switch { 2 => ", horizontal predictor", 3 => ", floating-point predictor", _ => "" };
        return new ImagePixels((int)width, (int)height, channels, kind.Value, data)
        {
            Format = $"{bits}-bit {(format == 3 ? "float" : "unsigned")} × {channels}, {compressionName}{predictorName}, {offsets.Length} {(tiled ? "tiles" : "strips")}{(little ? "" : ", big-endian")}",
            Description = description,
        };
    }

    // Decodes one strip or tile into output; the bytes written, or -1 for data that is not of its compression.
    private static int Decompress(long compression, ReadOnlySpan<byte> input, Span<byte> output) => compression switch
    {
        1 => Copy(input, output),
        5 => TiffCodecs.Lzw(input, output),
        32773 => TiffCodecs.PackBits(input, output),
        _ => TiffCodecs.Deflate(input, output),
    };

    private static int Copy(ReadOnlySpan<byte> input, Span<byte> output)
    {
        int n = Math.Min(input.Length, output.Length);
        input[..n].CopyTo(output);
        return n;
    }

    // An ASCII tag's text (its values hold the offset and length, see ReadDirectory), without the final NUL.
    private static string Ascii(ReadOnlySpan<byte> file, long[] where) =>
        Encoding.ASCII.GetString(file.Slice((int)where[0], (int)where[1])).TrimEnd('\0');

    // The tags the decoder reads as numbers (the image's layout, its strips or tiles, its samples).
    private static readonly HashSet<int> NumericTags =
        [ImageWidth, ImageLength, BitsPerSample, Compression, StripOffsets, SamplesPerPixel, RowsPerStrip, StripByteCounts, PlanarConfiguration, Predictor, TileWidth, TileLength, TileOffsets, TileByteCounts, SampleFormat];

    private static string NameOf(int tag) => tag switch
    {
        ImageWidth => "ImageWidth", ImageLength => "ImageLength", BitsPerSample => "BitsPerSample", Compression => "Compression",
        StripOffsets => "StripOffsets", SamplesPerPixel => "SamplesPerPixel", RowsPerStrip => "RowsPerStrip", StripByteCounts => "StripByteCounts",
        PlanarConfiguration => "PlanarConfiguration", Predictor => "Predictor", TileWidth => "TileWidth", TileLength => "TileLength",
        TileOffsets => "TileOffsets", TileByteCounts => "TileByteCounts", SampleFormat => "SampleFormat", _ => "ImageDescription",
    };

    private static string TypeName(int type) => type switch
    {
        1 => "BYTE", 2 => "ASCII", 3 => "SHORT", 4 => "LONG", 5 => "RATIONAL", 6 => "SBYTE", 7 => "UNDEFINED", 8 => "SSHORT",
        9 => "SLONG", 10 => "SRATIONAL", 11 => "FLOAT", 12 => "DOUBLE", _ => type.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    // One directory entry: its type, where it is (for findings), and its values — integers for an integer type, the
    // offset and byte count for ASCII, nothing for the other types (rationals and floats are not needed for the pixels).
    private readonly record struct TiffEntry(int Type, long At, long[] Values);

    private static Dictionary<int, TiffEntry>? ReadDirectory(ReadOnlySpan<byte> file, int at, bool little, FindingSink sink, string path)
    {
        int entries = U16(file, at, little);
        if (entries == 0 || entries > MaxEntries || at + 2L + (entries * 12L) > file.Length)
        {
            sink.ReportAt(FindingCodes.BadHeader, path, at, $"a directory of {entries} entries at {at} does not fit in the file's {file.Length} bytes");
            return null;
        }

        var tags = new Dictionary<int, TiffEntry>();
        for (int e = 0; e < entries; e++)
        {
            int entry = at + 2 + (e * 12);
            int tag = U16(file, entry, little), type = U16(file, entry + 2, little);
            uint count = U32(file, entry + 4, little);
            int size = type switch { 1 or 2 or 6 or 7 => 1, 3 or 8 => 2, 4 or 9 or 11 => 4, 5 or 10 or 12 => 8, _ => 0 };
            if (size == 0) continue; // a type TIFF 6.0 does not define: readers skip it
            long bytes = (long)count * size;
            long valueAt = bytes <= 4 ? entry + 8 : U32(file, entry + 8, little);
            if (valueAt + bytes > file.Length)
            {
                sink.ReportAt(FindingCodes.DataTruncated, path, entry, $"tag {tag} holds {bytes} bytes at {valueAt}, past the file's end ({file.Length} bytes)");
                return null;
            }

            if (type == 2)
            {
                tags[tag] = new TiffEntry(type, entry, [valueAt, count]);
                continue;
            }

            if (type is not (1 or 3 or 4 or 6 or 8 or 9))
            {
                tags[tag] = new TiffEntry(type, entry, []);
                continue;
            }

            var values = new long[count];
            for (int i = 0; i < count; i++)
            {
                long p = valueAt + ((long)i * size);
                values[i] = size switch
                {
                    1 => file[(int)p],
                    2 => U16(file, (int)p, little),
                    _ => U32(file, (int)p, little),
                };
            }

            tags[tag] = new TiffEntry(type, entry, values);
        }

        return tags;
    }

    private static ushort U16(ReadOnlySpan<byte> b, int at, bool little) => little ? BinaryPrimitives.ReadUInt16LittleEndian(b[at..]) : BinaryPrimitives.ReadUInt16BigEndian(b[at..]);

    private static uint U32(ReadOnlySpan<byte> b, int at, bool little) => little ? BinaryPrimitives.ReadUInt32LittleEndian(b[at..]) : BinaryPrimitives.ReadUInt32BigEndian(b[at..]);
}
