using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
    /// 16-bit floats (by their bits) to 32-bit floats, exactly, eight at a time: the build targets processors without
    /// a conversion instruction, and a table lookup per sample cost several times more. A half's exponent and
    /// mantissa, moved to a float's places, are that half's value scaled by 2^-112 for zero, subnormal and normal halves
    /// alike; one multiplication by 2^112 (exact: a power of two, the result normal) gives the value. Infinities and
    /// NaNs, whose exponent is all ones, get a float's all-ones exponent and keep their mantissa.
    /// </summary>
    public static void HalvesToSingles(ReadOnlySpan<ushort> halves, Span<float> into)
    {
        if (into.Length < halves.Length) throw new ArgumentException("room for every sample", nameof(into));
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 16 <= halves.Length; i += 16)
            {
                var (low, high) = Vector256.Widen(Vector256.Create(halves.Slice(i, 16)));
                HalvesToSingles(low).CopyTo(into.Slice(i, 8));
                HalvesToSingles(high).CopyTo(into.Slice(i + 8, 8));
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; i + 8 <= halves.Length; i += 8)
            {
                var (low, high) = Vector128.Widen(Vector128.Create(halves.Slice(i, 8)));
                HalvesToSingles(low).CopyTo(into.Slice(i, 4));
                HalvesToSingles(high).CopyTo(into.Slice(i + 4, 4));
            }
        }

        for (; i < halves.Length; i++) into[i] = (float)BitConverter.UInt16BitsToHalf(halves[i]);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> HalvesToSingles(Vector128<uint> bits)
    {
        var sign = (bits & Vector128.Create(0x8000u)) << 16;
        var magnitude = (bits & Vector128.Create(0x7FFFu)) << 13;
        var scaled = (magnitude.AsSingle() * Vector128.Create(BitConverter.UInt32BitsToSingle((127u + 112) << 23))).AsUInt32();
        var allOnes = Vector128.Equals(magnitude & Vector128.Create(0x0F800000u), Vector128.Create(0x0F800000u));
        return (Vector128.ConditionalSelect(allOnes, magnitude | Vector128.Create(0x7F800000u), scaled) | sign).AsSingle();
    }

    // The same conversion, eight at a time (native builds for x86-64-v3, and the JIT on such processors).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> HalvesToSingles(Vector256<uint> bits)
    {
        var sign = (bits & Vector256.Create(0x8000u)) << 16;
        var magnitude = (bits & Vector256.Create(0x7FFFu)) << 13;
        var scaled = (magnitude.AsSingle() * Vector256.Create(BitConverter.UInt32BitsToSingle((127u + 112) << 23))).AsUInt32();
        var allOnes = Vector256.Equals(magnitude & Vector256.Create(0x0F800000u), Vector256.Create(0x0F800000u));
        return (Vector256.ConditionalSelect(allOnes, magnitude | Vector256.Create(0x7F800000u), scaled) | sign).AsSingle();
    }

    /// <summary>Reverses the byte order of every 2- or 4-byte sample of <paramref name="data"/>, in place.</summary>
    public static void Swap(Span<byte> data, int bytesPerSample)
    {
        if (bytesPerSample == 2) BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ushort>(data), MemoryMarshal.Cast<byte, ushort>(data));
        else if (bytesPerSample == 4) BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, uint>(data), MemoryMarshal.Cast<byte, uint>(data));
    }
}
