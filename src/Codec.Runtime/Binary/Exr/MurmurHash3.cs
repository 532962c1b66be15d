using System.Buffers.Binary;
using System.Numerics;

namespace Codec.Runtime.Binary.Exr;

/// <summary>MurmurHash3 x86 32-bit, as Cryptomatte names its ids (seed 0), with Cryptomatte's float-safe adjustment.</summary>
public static class MurmurHash3
{
    public static uint Hash32(ReadOnlySpan<byte> data, uint seed = 0)
    {
        const uint c1 = 0xcc9e2d51, c2 = 0x1b873593;
        uint h = seed;
        int blocks = data.Length / 4;
        for (int i = 0; i < blocks; i++)
        {
            uint k = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(i * 4));
            k *= c1;
            k = BitOperations.RotateLeft(k, 15);
            k *= c2;
            h ^= k;
            h = BitOperations.RotateLeft(h, 13);
            h = h * 5 + 0xe6546b64;
        }

        var tail = data.Slice(blocks * 4);
        uint t = 0;
        if (tail.Length == 3) t ^= (uint)tail[2] << 16;
        if (tail.Length >= 2) t ^= (uint)tail[1] << 8;
        if (tail.Length >= 1)
        {
            t ^= tail[0];
            t *= c1;
            t = BitOperations.RotateLeft(t, 15);
            t *= c2;
            h ^= t;
        }

        h ^= (uint)data.Length;
        h ^= h >> 16;
        h *= 0x85ebca6b;
        h ^= h >> 13;
        h *= 0xc2b2ae35;
        h ^= h >> 16;
        return h;
    }

    /// <summary>
    /// The id Cryptomatte stores for a name: the hash, with one exponent bit flipped when the exponent would make the
    /// float a denormal, an infinity or a NaN (<c>uint32_to_float32</c>).
    /// </summary>
    public static uint CryptomatteId(ReadOnlySpan<byte> utf8Name)
    {
        uint h = Hash32(utf8Name);
        uint exponent = (h >> 23) & 0xFF;
        return exponent is 0 or 0xFF ? h ^ (1u << 23) : h;
    }
}
