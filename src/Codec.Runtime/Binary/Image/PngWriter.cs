using System.Buffers.Binary;
using System.IO.Compression;

namespace Codec.Runtime.Binary.Image;

/// <summary>The pixel layouts <see cref="PngWriter"/> writes.</summary>
public enum PngPixelFormat
{
    /// <summary>8-bit greyscale (colour type 0): one byte per pixel.</summary>
    Grey8,

    /// <summary>16-bit greyscale (colour type 0), the layout of Synthesis segmentation masks: values big-endian.</summary>
    Grey16,

    /// <summary>8-bit RGB (colour type 2): three bytes per pixel.</summary>
    Rgb8,
}

/// <summary>
/// Writes non-interlaced PNG files: IHDR, one zlib stream split into IDAT chunks, IEND, every chunk with its CRC.
/// Each row gets the filter (None, Sub, Up, Average, Paeth) whose output has the smallest sum of absolute values —
/// the heuristic the PNG specification recommends — so label masks, mostly runs, compress well.
/// </summary>
public static class PngWriter
{
    private const int IdatChunkSize = 1 << 16;
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Writes a label image: 8-bit when every value fits a byte and <paramref name="format"/> allows it.</summary>
    public static void WriteLabels(Stream output, ReadOnlySpan<ushort> labels, int width, int height, PngPixelFormat format)
    {
        if (format == PngPixelFormat.Rgb8) throw new ArgumentException("labels are greyscale", nameof(format));
        CheckSize(labels.Length, width, height, 1);
        int bytesPerPixel = format == PngPixelFormat.Grey16 ? 2 : 1;
        var rows = new byte[(long)width * height * bytesPerPixel];
        for (int i = 0; i < labels.Length; i++)
        {
            if (bytesPerPixel == 2) BinaryPrimitives.WriteUInt16BigEndian(rows.AsSpan(i * 2), labels[i]);
            else rows[i] = labels[i] <= byte.MaxValue ? (byte)labels[i] : throw new ArgumentException($"label {labels[i]} does not fit 8 bits; write Grey16", nameof(labels));
        }

        Write(output, rows, width, height, format);
    }

    /// <summary>Writes packed rows (<paramref name="pixels"/>: height × width × bytes per pixel, 16-bit values big-endian).</summary>
    public static void Write(Stream output, ReadOnlySpan<byte> pixels, int width, int height, PngPixelFormat format)
    {
        int bytesPerPixel = format switch { PngPixelFormat.Grey8 => 1, PngPixelFormat.Grey16 => 2, _ => 3 };
        CheckSize(pixels.Length, width, height, bytesPerPixel);
        int stride = width * bytesPerPixel;

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = (byte)(format == PngPixelFormat.Grey16 ? 16 : 8);
        header[9] = (byte)(format == PngPixelFormat.Rgb8 ? 2 : 0);
        // compression 0, filter method 0, no interlace
        output.Write(Signature);
        WriteChunk(output, "IHDR"u8, header);

        using (var idat = new IdatStream(output))
        {
            using var zlib = new ZLibStream(idat, CompressionLevel.Optimal, leaveOpen: true);
            var filtered = new byte[stride + 1];
            var scratch = new byte[stride];
            for (int y = 0; y < height; y++)
            {
                var row = pixels.Slice(y * stride, stride);
                var previous = y == 0 ? ReadOnlySpan<byte>.Empty : pixels.Slice((y - 1) * stride, stride);
                FilterRow(row, previous, bytesPerPixel, filtered, scratch);
                zlib.Write(filtered);
            }
        }

        WriteChunk(output, "IEND"u8, ReadOnlySpan<byte>.Empty);
    }

    private static void CheckSize(int length, int width, int height, int unitsPerPixel)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), "width and height must be positive");
        if ((long)width * height * unitsPerPixel != length) throw new ArgumentException($"expected {(long)width * height * unitsPerPixel} values for {width}×{height}, got {length}");
    }

    // Tries the five filters and keeps the one whose bytes, read as signed, sum smallest in absolute value.
    private static void FilterRow(ReadOnlySpan<byte> row, ReadOnlySpan<byte> previous, int bpp, Span<byte> best, Span<byte> scratch)
    {
        long bestScore = long.MaxValue;
        for (byte filter = 0; filter <= 4; filter++)
        {
            if (filter >= 2 && previous.IsEmpty) break; // without a previous row Up/Average/Paeth add nothing over None/Sub
            long score = 0;
            for (int i = 0; i < row.Length; i++)
            {
                int a = i >= bpp ? row[i - bpp] : 0;
                int b = previous.IsEmpty ? 0 : previous[i];
                int c = i >= bpp && !previous.IsEmpty ? previous[i - bpp] : 0;
                int predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) >> 1,
                    _ => Paeth(a, b, c),
                };
                byte value = (byte)(row[i] - predictor);
                scratch[i] = value;
                int signed = (sbyte)value; // as int: |-128| must not overflow
                score += signed < 0 ? -signed : signed;
            }

            if (score < bestScore)
            {
                bestScore = score;
                best[0] = filter;
                scratch[..row.Length].CopyTo(best[1..]);
            }
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        var crc = new System.IO.Hashing.Crc32();
        crc.Append(type);
        crc.Append(data);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, crc.GetCurrentHashAsUInt32());
        output.Write(word);
    }

    /// <summary>Buffers the zlib stream and emits it as IDAT chunks of at most 64 KiB.</summary>
    private sealed class IdatStream(Stream output) : Stream
    {
        private readonly byte[] _buffer = new byte[IdatChunkSize];
        private int _count;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> data)
        {
            while (!data.IsEmpty)
            {
                int n = Math.Min(data.Length, _buffer.Length - _count);
                data[..n].CopyTo(_buffer.AsSpan(_count));
                _count += n;
                data = data[n..];
                if (_count == _buffer.Length) Flush();
            }
        }

        public override void Flush()
        {
            if (_count == 0) return;
            WriteChunk(output, "IDAT"u8, _buffer.AsSpan(0, _count));
            _count = 0;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) Flush();
            base.Dispose(disposing);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
