using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Codec.Runtime.Findings;

namespace Codec.Runtime.Binary.PointCache;

/// <summary>The 32-byte header of a 3ds Max / Blender Point Cache 2 file (<c>.pc2</c>), little-endian.</summary>
public sealed record Pc2Header(int Version, int PointCount, float StartFrame, float SampleRate, int SampleCount)
{
    public const int Size = 32;

    /// <summary>Bytes of samples the header declares: samples × points × 3 float32.</summary>
    public long DataLength => (long)SampleCount * PointCount * 12;

    internal static ReadOnlySpan<byte> Signature => "POINTCACHE2\0"u8;
}

/// <summary>
/// A decoded <c>.pc2</c> file: <see cref="Header"/> and the samples as stored (frame-major x,y,z float32 per point),
/// viewed without a copy. The file's length must equal 32 + samples × points × 12 exactly.
/// </summary>
public sealed class PointCache2
{
    private PointCache2(Pc2Header header, ReadOnlyMemory<byte> data)
    {
        Header = header;
        Data = data;
    }

    public Pc2Header Header { get; }
    public ReadOnlyMemory<byte> Data { get; }
    public int Frames => Header.SampleCount;
    public int Vertices => Header.PointCount;

    /// <summary>All samples as <c>[frames, vertices, 3]</c> float32, without a copy (the file is little-endian).</summary>
    public ReadOnlySpan<float> Positions => MemoryMarshal.Cast<byte, float>(Data.Span);

    /// <summary>
    /// Maps <paramref name="path"/> read-only and decodes it; the positions are served from the mapping without a copy.
    /// Dispose the result to unmap. Null (with findings) when the file is not a usable point cache.
    /// </summary>
    public static MappedPointCache? Open(string path, FindingSink sink)
    {
        var file = MappedFile.Open(path, sink);
        if (file is null) return null;
        var cache = Decode(file.Memory, sink, path);
        if (cache is not null) return new MappedPointCache(cache, file);
        file.Dispose();
        return null;
    }

    /// <summary>Decodes a whole file held in memory; null (with findings) when it is not a usable point cache.</summary>
    public static PointCache2? Decode(ReadOnlyMemory<byte> file, FindingSink sink, string path = "")
    {
        var bytes = file.Span;
        if (bytes.Length < Pc2Header.Size)
        {
            sink.ReportAt(FindingCodes.DataTruncated, path, 0, $"the file has {bytes.Length} bytes; a point cache header alone has 32");
            return null;
        }

        if (!bytes.StartsWith(Pc2Header.Signature))
        {
            sink.ReportAt(FindingCodes.BadSignature, path, 0, "not a point cache: it does not start with POINTCACHE2 and a NUL");
            return null;
        }

        var header = new Pc2Header(
            BinaryPrimitives.ReadInt32LittleEndian(bytes[12..]),
            BinaryPrimitives.ReadInt32LittleEndian(bytes[16..]),
            BinaryPrimitives.ReadSingleLittleEndian(bytes[20..]),
            BinaryPrimitives.ReadSingleLittleEndian(bytes[24..]),
            BinaryPrimitives.ReadInt32LittleEndian(bytes[28..]));
        if (header.Version != 1)
        {
            sink.Add(new Finding(FindingCodes.UnsupportedFormatVersion, Severity.Warning, path, $"file version {header.Version}; every writer known writes 1 (some readers refuse others)") { Offset = 12 });
        }

        if (header.PointCount <= 0 || header.SampleCount < 0)
        {
            sink.ReportAt(FindingCodes.SizeOverflow, path, header.PointCount <= 0 ? 16 : 28, $"{header.PointCount} points and {header.SampleCount} samples: the point count must be positive and the sample count not negative");
            return null;
        }

        if (header.SampleCount > 0 && header.PointCount > (long.MaxValue - Pc2Header.Size) / 12 / header.SampleCount)
        {
            sink.ReportAt(FindingCodes.SizeOverflow, path, 16, $"{header.SampleCount} samples of {header.PointCount} points are more bytes than 64 bits can count");
            return null;
        }

        long expected = Pc2Header.Size + header.DataLength;
        if (expected != bytes.Length)
        {
            sink.ReportAt(expected > bytes.Length ? FindingCodes.DataTruncated : FindingCodes.TrailingBytes, path, Pc2Header.Size,
                $"{header.SampleCount} samples of {header.PointCount} points need {expected} bytes; the file has {bytes.Length}");
            return null;
        }

        if (!float.IsFinite(header.SampleRate) || header.SampleRate <= 0)
        {
            sink.Add(new Finding(FindingCodes.BadHeader, Severity.Warning, path, $"sample rate {header.SampleRate} is not a positive number (readers take the frame rate from elsewhere)") { Offset = 24 });
        }

        return new PointCache2(header, file[Pc2Header.Size..]);
    }

    /// <summary>Writes a point cache: version 1, positions as <c>[frames, vertices, 3]</c> float32.</summary>
    public static void Write(IBufferWriter<byte> output, ReadOnlySpan<float> positions, int vertices, float startFrame = 0, float sampleRate = 1)
    {
        if (vertices <= 0 || positions.Length % (vertices * 3) != 0) throw new ArgumentException($"{positions.Length} floats are not whole frames of {vertices} vertices × 3");
        int frames = positions.Length / (vertices * 3);
        var header = output.GetSpan(Pc2Header.Size);
        Pc2Header.Signature.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], vertices);
        BinaryPrimitives.WriteSingleLittleEndian(header[20..], startFrame);
        BinaryPrimitives.WriteSingleLittleEndian(header[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header[28..], frames);
        output.Advance(Pc2Header.Size);
        output.Write(MemoryMarshal.AsBytes(positions));
    }
}

/// <summary>A point cache served from a read-only file mapping (see <see cref="PointCache2.Open"/>).</summary>
public sealed class MappedPointCache : IDisposable
{
    private readonly IDisposable _file;

    internal MappedPointCache(PointCache2 cache, IDisposable file)
    {
        Cache = cache;
        _file = file;
    }

    public PointCache2 Cache { get; }

    public void Dispose() => _file.Dispose();
}
