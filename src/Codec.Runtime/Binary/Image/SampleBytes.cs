using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;

namespace Codec.Runtime.Binary.Image;

/// <summary>Byte-level helpers the image decoders (PNG, TIFF, EXR) share: zlib blocks of known size and byte order.</summary>
internal static class SampleBytes
{
    /// <summary>
    /// Inflates a zlib stream into <paramref name="output"/>; the bytes written, or -1 when it is not valid zlib.
    /// <paramref name="more"/> says whether the stream holds more than the room it was given.
    /// </summary>
    public static unsafe int Inflate(ReadOnlySpan<byte> input, Span<byte> output, out bool more)
    {
        more = false;
        // No bytes inflate to nothing (and an empty span has no address to read from: `fixed` gives null).
        if (input.IsEmpty) return 0;
        try
        {
            // Read where the bytes are (a strip of a mapped or read file): no copy of the compressed data.
            fixed (byte* start = input)
            {
                using var zlib = new ZLibStream(new UnmanagedMemoryStream(start, input.Length), CompressionMode.Decompress);
                int written = 0;
                while (written < output.Length)
                {
                    int n = zlib.Read(output[written..]);
                    if (n == 0) return written;
                    written += n;
                }

                more = zlib.ReadByte() >= 0;
                return written;
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return -1;
        }
    }

    /// <summary>
    /// Every 16-bit float's value, by its bits: a table lookup is several times faster than converting each sample
    /// (the images of a render hold millions), and 256 KB stays in the cache.
    /// </summary>
    public static float[] HalfValues => LazyHalfValues.Value;

    private static readonly Lazy<float[]> LazyHalfValues = new(() =>
    {
        var table = new float[1 << 16];
        for (int bits = 0; bits < table.Length; bits++) table[bits] = (float)BitConverter.UInt16BitsToHalf((ushort)bits);
        return table;
    });

    /// <summary>
    /// Replaces <paramref name="buffer"/> with a larger one of <paramref name="size"/> bytes holding its first
    /// <paramref name="keep"/>: the rest is not cleared (the decoders write what they read).
    /// </summary>
    public static void Grow(ref byte[] buffer, int size, int keep)
    {
        var larger = GC.AllocateUninitializedArray<byte>(size);
        buffer.AsSpan(0, keep).CopyTo(larger);
        buffer = larger;
    }

    /// <summary>Reverses the byte order of every 2- or 4-byte sample of <paramref name="data"/>, in place.</summary>
    public static void Swap(Span<byte> data, int bytesPerSample)
    {
        if (bytesPerSample == 2) BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ushort>(data), MemoryMarshal.Cast<byte, ushort>(data));
        else if (bytesPerSample == 4) BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, uint>(data), MemoryMarshal.Cast<byte, uint>(data));
    }
}
