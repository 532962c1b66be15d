using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;
using Codec.Runtime.Binary.Image;
using Codec.Runtime.Findings;

namespace Codec.Runtime.Binary.Exr;

/// <summary>
/// Decodes the pixels of one part of an OpenEXR file whose header <see cref="ExrFile"/> has read: scanline or tiled
/// (one level) parts, compressed with none, RLE, ZIPS, ZIP, PIZ, PXR24, B44 or B44A, of half, float and uint channels
/// sampled at every pixel. Each channel comes out as a one-channel <see cref="ImagePixels"/> (Float16, Float32 or
/// UInt32) of the data window, top row first. Every chunk is checked against the offset table, the file and the size
/// its lines or tile need; a compression codec does not decode (DWAA, DWAB) is a located finding naming it.
/// </summary>
public static class ExrPixels
{
    // PIZ's tables (about 1 MB) are kept per thread: a folder's EXRs are decoded one after another on each core.
    [ThreadStatic]
    private static ExrPiz? _piz;

    public static IReadOnlyDictionary<string, ImagePixels>? Decode(ReadOnlySpan<byte> file, ExrFile exr, int partIndex, FindingSink sink, string path = "")
    {
        var part = exr.Parts[partIndex];
        if (part.DataWindow is not { } window || part.Compression is not { } compression)
        {
            sink.ReportAt(FindingCodes.BadHeader, path, 8, "the part has no data window or compression to decode its pixels by");
            return null;
        }

        if (compression is ExrCompression.Dwaa or ExrCompression.Dwab or > ExrCompression.Dwab)
        {
            sink.ReportAt(FindingCodes.UnsupportedEntry, path, part.Get("compression")?.Offset ?? 8, $"{compression} compression: codec decodes the pixels of none, RLE, ZIPS, ZIP, PIZ, PXR24, B44 and B44A parts (it reads every header)");
            return null;
        }

        if (compression is ExrCompression.B44 or ExrCompression.B44a && part.Channels.Any(c => c.Type == ExrPixelType.Half && c.PerceptuallyLinear))
        {
            sink.ReportAt(FindingCodes.UnsupportedElementType, path, part.Get("channels")?.Offset ?? 8, "a perceptually linear half channel in a B44 part: codec does not undo B44's logarithmic form of such channels");
            return null;
        }

        if (exr.IsDeep || part.Channels.Any(c => c.XSampling != 1 || c.YSampling != 1) || part.Tiles is { LevelMode: not 0 })
        {
            sink.ReportAt(FindingCodes.UnsupportedElementType, path, part.Get("channels")?.Offset ?? 8, "deep data, sub-sampled channels or mip/rip-map levels: codec decodes flat, fully sampled, one-level parts");
            return null;
        }

        long width = window.Width, height = window.Height;
        var channels = part.Channels.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        int pixelBytes = channels.Sum(c => Size(c.Type));
        if (width * height * pixelBytes > Array.MaxLength || width * pixelBytes > int.MaxValue / 256)
        {
            sink.ReportAt(FindingCodes.SizeOverflow, path, part.Get("dataWindow")?.Offset ?? 8, $"a data window of {width} × {height} pixels of {pixelBytes} bytes is more than codec decodes at once");
            return null;
        }

        // Where this part's offset table is: after the headers, behind the tables of the parts before it.
        long table = exr.HeaderBytes + (8 * exr.Parts.Take(partIndex).Sum(p => p.ChunkCount));
        // What the chunks can decode to at most (deflate about 1,032:1, RLE 64:1): a window promising more is refused
        // before anything is allocated (PIZ's Huffman runs reach about 450:1, PXR24 inflates to three quarters of
        // its floats). The channels then grow with the lines that really decode (doubling), so a window that the
        // chunks do not fill costs about twice what they hold.
        long ratio = compression switch { ExrCompression.None => 1, ExrCompression.Rle => 64, ExrCompression.B44 or ExrCompression.B44a => 12, ExrCompression.Pxr24 => 1400, _ => 1040 };
        if (width * height * pixelBytes > (file.Length + 1) * ratio)
        {
            sink.ReportAt(FindingCodes.CompressionBomb, path, part.Get("dataWindow")?.Offset ?? 8, $"a data window of {width} × {height} pixels of {pixelBytes} bytes cannot come from a file of {file.Length} bytes");
            return null;
        }

        var outputs = channels.Select(c => new byte[Math.Min(width * height, Math.Max(width, 1 << 16)) * Size(c.Type)]).ToList();
        bool tiled = part.Tiles is not null;
        int blockLines = compression switch { ExrCompression.Zip or ExrCompression.Pxr24 => 16, ExrCompression.Piz or ExrCompression.B44 or ExrCompression.B44a => 32, _ => 1 };
        var types = channels.Select(c => c.Type).ToList();
        var words = types.Select(t => Size(t) / 2).ToList();
        var piz = compression == ExrCompression.Piz ? (_piz ??= new ExrPiz()) : null;
        long tileWidth = part.Tiles?.XSize ?? width, tileHeight = part.Tiles?.YSize ?? blockLines;
        long across = (width + tileWidth - 1) / tileWidth;
        var raw = Array.Empty<byte>();
        var scratch = Array.Empty<byte>();
        for (long c = 0; c < part.ChunkCount; c++)
        {
            long entry = table + (8 * c);
            long at = (long)BinaryPrimitives.ReadUInt64LittleEndian(file[(int)entry..]);
            int head = (exr.IsMultiPart ? 4 : 0) + (tiled ? 20 : 8);
            if (at < 0 || at > file.Length - head)
            {
                sink.ReportAt(FindingCodes.DataTruncated, path, entry, $"chunk {c} is at {at}, past the file's {file.Length} bytes");
                return null;
            }

            int q = (int)at + (exr.IsMultiPart ? 4 : 0);
            long x0, y0, lines, columns;
            if (tiled)
            {
                int tx = BinaryPrimitives.ReadInt32LittleEndian(file[q..]), ty = BinaryPrimitives.ReadInt32LittleEndian(file[(q + 4)..]);
                if (tx < 0 || ty < 0 || tx >= across || (long)ty * tileHeight >= height)
                {
                    sink.ReportAt(FindingCodes.BadHeader, path, at, $"chunk {c} names tile ({tx}, {ty}), outside the data window");
                    return null;
                }

                (x0, y0) = (tx * tileWidth, ty * tileHeight);
                q += 16;
            }
            else
            {
                long y = BinaryPrimitives.ReadInt32LittleEndian(file[q..]) - (long)window.YMin;
                if (y < 0 || y >= height || y % blockLines != 0)
                {
                    sink.ReportAt(FindingCodes.BadHeader, path, at, $"chunk {c} starts at line {y + window.YMin}, which is no block of the data window");
                    return null;
                }

                (x0, y0) = (0, y);
                q += 4;
            }

            columns = Math.Min(tileWidth, width - x0);
            lines = Math.Min(tileHeight, height - y0);
            int size = BinaryPrimitives.ReadInt32LittleEndian(file[q..]);
            q += 4;
            if (size < 0 || q + (long)size > file.Length)
            {
                sink.ReportAt(FindingCodes.DataTruncated, path, at, $"chunk {c} declares {size} bytes of data; the file ends {file.Length - q} bytes after its header: it is truncated");
                return null;
            }

            int need = (int)(lines * columns * pixelBytes);
            if (need > ((long)size + 1) * ratio)
            {
                sink.ReportAt(FindingCodes.CompressionBomb, path, at, $"chunk {c} holds {size} bytes, which cannot decode to the {need} its pixels need");
                return null;
            }

            if (raw.Length < need) raw = new byte[need];
            var data = file.Slice(q, size);
            var block = raw.AsSpan(0, need);
            // OpenEXR stores a chunk as it is whenever compressing it would not make it smaller.
            if (compression == ExrCompression.None || size == need)
            {
                if (size != need)
                {
                    sink.ReportAt(FindingCodes.EntrySizeMismatch, path, at, $"chunk {c} holds {size} bytes; its pixels need {need}");
                    return null;
                }

                data.CopyTo(block);
            }
            else if (Uncompress(compression, data, block, ref scratch, types, words, piz, (int)columns, (int)lines) is { } error)
            {
                sink.ReportAt(FindingCodes.DataTruncated, path, at, $"chunk {c}: {error}");
                return null;
            }

            long endLine = Math.Min(y0 + lines, height);
            for (int k = 0; k < channels.Count; k++)
            {
                long end = endLine * width * Size(channels[k].Type);
                if (end > outputs[k].Length)
                {
                    var grown = outputs[k];
                    Array.Resize(ref grown, (int)Math.Min(width * height * Size(channels[k].Type), Math.Max(end, 2L * grown.Length)));
                    outputs[k] = grown;
                }
            }

            // A chunk holds each line in turn, and within a line each channel's samples in turn (channels by name).
            int offset = 0;
            for (long line = 0; line < lines; line++)
            {
                for (int k = 0; k < channels.Count; k++)
                {
                    int bytes = Size(channels[k].Type);
                    int run = (int)(columns * bytes);
                    block.Slice(offset, run).CopyTo(outputs[k].AsSpan((int)((((y0 + line) * width) + x0) * bytes)));
                    offset += run;
                }
            }
        }

        var result = new Dictionary<string, ImagePixels>(StringComparer.Ordinal);
        for (int k = 0; k < channels.Count; k++)
        {
            // Every chunk was there (the offset table has one per block), so every channel has reached its full size.
            if (outputs[k].LongLength != width * height * Size(channels[k].Type))
            {
                sink.ReportAt(FindingCodes.DataTruncated, path, table, "the chunks do not cover the data window");
                return null;
            }

            if (!BitConverter.IsLittleEndian) SampleBytes.Swap(outputs[k], Size(channels[k].Type));
            var kind = channels[k].Type switch { ExrPixelType.Half => SampleKind.Float16, ExrPixelType.Float => SampleKind.Float32, _ => SampleKind.UInt32 };
            result[channels[k].Name] = new ImagePixels((int)width, (int)height, 1, kind, outputs[k]) { Format = $"OpenEXR {channels[k].Type} channel, {compression}" };
        }

        return result;
    }

    private static int Size(ExrPixelType type) => type == ExrPixelType.Half ? 2 : 4;

    // One compressed chunk into its pixels, laid out line by line, each channel's samples in turn; null, or what is wrong.
    private static string? Uncompress(ExrCompression compression, ReadOnlySpan<byte> data, Span<byte> block, ref byte[] scratch, List<ExrPixelType> types, List<int> words, ExrPiz? piz, int columns, int lines)
    {
        switch (compression)
        {
            case ExrCompression.Piz:
                return piz!.Decode(data, block, words, columns, lines);
            case ExrCompression.Pxr24:
                return ExrPxr24.Decode(data, block, types, columns, lines, ref scratch);
            case ExrCompression.B44 or ExrCompression.B44a:
                return ExrB44.Decode(data, block, types, columns, lines, ref scratch);
        }

        if (scratch.Length < block.Length) scratch = new byte[block.Length];
        var packed = scratch.AsSpan(0, block.Length);
        int got = compression == ExrCompression.Rle ? Rle(data, packed) : Inflate(data, packed);
        if (got != block.Length) return got < 0 ? $"not valid {compression} data" : $"decodes to {got} bytes; its pixels need {block.Length}";
        Unpredict(packed);
        Deinterleave(packed, block);
        return null;
    }

    // OpenEXR's RLE: a negative count copies that many bytes as they are, a count n ≥ 0 repeats the next byte n + 1 times.
    private static int Rle(ReadOnlySpan<byte> input, Span<byte> output)
    {
        int at = 0, written = 0;
        while (at < input.Length)
        {
            int count = (sbyte)input[at++];
            if (count < 0)
            {
                if (at - count > input.Length || written - count > output.Length) return -1;
                input.Slice(at, -count).CopyTo(output[written..]);
                at -= count;
                written -= count;
            }
            else
            {
                if (at >= input.Length || written + count + 1 > output.Length) return -1;
                output.Slice(written, count + 1).Fill(input[at++]);
                written += count + 1;
            }
        }

        return written;
    }

    // More data than the chunk needs is as wrong as less: it says so as one byte more than the room.
    private static int Inflate(ReadOnlySpan<byte> input, Span<byte> output)
    {
        int written = SampleBytes.Inflate(input, output, out bool more);
        return more ? written + 1 : written;
    }

    // The byte predictor of RLE and ZIP chunks: each byte was stored as its difference from the one before, plus 128.
    // A running sum, 16 bytes at a time where the machine has vectors: within a block, log-step shifted sums; then
    // the sum carried from the block before.
    private static void Unpredict(Span<byte> bytes)
    {
        if (bytes.Length < 2) return;
        int i = 1;
        byte previous = bytes[0];
        if (Vector128.IsHardwareAccelerated)
        {
            var bias = Vector128.Create((byte)128);
            for (; i + 16 <= bytes.Length; i += 16)
            {
                var x = Vector128.LoadUnsafe(ref bytes[i]) - bias;
                x += Vector128.Shuffle(x, ShiftBy1);
                x += Vector128.Shuffle(x, ShiftBy2);
                x += Vector128.Shuffle(x, ShiftBy4);
                x += Vector128.Shuffle(x, ShiftBy8);
                x += Vector128.Create(previous);
                x.StoreUnsafe(ref bytes[i]);
                previous = x.GetElement(15);
            }
        }

        for (; i < bytes.Length; i++) bytes[i] = previous = (byte)(previous + bytes[i] - 128);
    }

    // Lane shifts towards the end by 1, 2, 4 and 8 bytes; an index past the vector yields 0.
    private static readonly Vector128<byte> ShiftBy1 = Vector128.Create((byte)255, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
    private static readonly Vector128<byte> ShiftBy2 = Vector128.Create((byte)255, 255, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
    private static readonly Vector128<byte> ShiftBy4 = Vector128.Create((byte)255, 255, 255, 255, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    private static readonly Vector128<byte> ShiftBy8 = Vector128.Create((byte)255, 255, 255, 255, 255, 255, 255, 255, 0, 1, 2, 3, 4, 5, 6, 7);

    // The bytes of even positions were stored first, then those of odd positions: zipped back together.
    private static void Deinterleave(ReadOnlySpan<byte> packed, Span<byte> output)
    {
        int half = (packed.Length + 1) / 2, pairs = packed.Length / 2, j = 0;
        var evens = packed[..half];
        var odds = packed[half..];
        if (Sse2.IsSupported)
        {
            for (; j + 16 <= pairs; j += 16)
            {
                var a = Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(evens), (nuint)j);
                var b = Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(odds), (nuint)j);
                Sse2.UnpackLow(a, b).StoreUnsafe(ref output[2 * j]);
                Sse2.UnpackHigh(a, b).StoreUnsafe(ref output[(2 * j) + 16]);
            }
        }
        else if (AdvSimd.Arm64.IsSupported)
        {
            for (; j + 16 <= pairs; j += 16)
            {
                var a = Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(evens), (nuint)j);
                var b = Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(odds), (nuint)j);
                AdvSimd.Arm64.ZipLow(a, b).StoreUnsafe(ref output[2 * j]);
                AdvSimd.Arm64.ZipHigh(a, b).StoreUnsafe(ref output[(2 * j) + 16]);
            }
        }

        for (; j < pairs; j++)
        {
            output[2 * j] = evens[j];
            output[(2 * j) + 1] = odds[j];
        }

        if ((packed.Length & 1) != 0) output[packed.Length - 1] = evens[half - 1];
    }
}
