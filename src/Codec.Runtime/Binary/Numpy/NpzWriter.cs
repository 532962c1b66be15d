using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Codec.Runtime.Binary.Zip;

namespace Codec.Runtime.Binary.Numpy;

/// <summary>
/// Writes <c>.npz</c> archives: each array as a <c>&lt;key&gt;.npy</c> member, stored (like <c>np.savez</c>) or
/// deflated (like <c>np.savez_compressed</c>), with a central directory any ZIP reader — and NumPy — reads.
/// Members and the archive are limited to 4 GiB (no ZIP64 records are written).
/// </summary>
public static class NpzWriter
{
    private const ushort DosDate1980 = (0 << 9) | (1 << 5) | 1;

    /// <summary>Writes the archive to <paramref name="output"/>; <paramref name="members"/> are whole .npy files.</summary>
    public static void Write(Stream output, IEnumerable<(string Key, ReadOnlyMemory<byte> Npy)> members, bool compress)
    {
        var directory = new MemoryStream();
        long offset = 0;
        int count = 0;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, npy) in members)
        {
            if (key.Length == 0 || key.Contains('/') || key.Contains('\\') || key.Contains("..")) throw new ArgumentException($"key '{key}' is not a plain name");
            if (!keys.Add(key)) throw new ArgumentException($"key '{key}' is given twice");
            var name = Encoding.UTF8.GetBytes(key + ".npy");
            uint crc = Crc32.Compute(npy.Span);
            ReadOnlyMemory<byte> data = compress ? Deflate(npy.Span) : npy;
            if ((ulong)npy.Length >= uint.MaxValue || (ulong)data.Length >= uint.MaxValue || offset >= uint.MaxValue)
            {
                throw new ArgumentException("members and archives over 4 GiB need ZIP64, which this writer does not produce");
            }

            ushort method = compress ? (ushort)8 : (ushort)0;
            bool utf8 = name.Any(b => b >= 0x80);
            var local = new byte[30 + name.Length];
            BinaryPrimitives.WriteUInt32LittleEndian(local, 0x04034b50);
            BinaryPrimitives.WriteUInt16LittleEndian(local.AsSpan(4), 20);
            BinaryPrimitives.WriteUInt16LittleEndian(local.AsSpan(6), (ushort)(utf8 ? 0x800 : 0));
            BinaryPrimitives.WriteUInt16LittleEndian(local.AsSpan(8), method);
            BinaryPrimitives.WriteUInt16LittleEndian(local.AsSpan(12), DosDate1980);
            BinaryPrimitives.WriteUInt32LittleEndian(local.AsSpan(14), crc);
            BinaryPrimitives.WriteUInt32LittleEndian(local.AsSpan(18), (uint)data.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(local.AsSpan(22), (uint)npy.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(local.AsSpan(26), (ushort)name.Length);
            name.CopyTo(local, 30);
            output.Write(local);
            output.Write(data.Span);

            var central = new byte[46 + name.Length];
            BinaryPrimitives.WriteUInt32LittleEndian(central, 0x02014b50);
            BinaryPrimitives.WriteUInt16LittleEndian(central.AsSpan(4), 20);
            local.AsSpan(4, 26).CopyTo(central.AsSpan(6));
            BinaryPrimitives.WriteUInt32LittleEndian(central.AsSpan(42), (uint)offset);
            name.CopyTo(central, 46);
            directory.Write(central);
            offset += local.Length + data.Length;
            count++;
        }

        if (count > ushort.MaxValue) throw new ArgumentException("more than 65535 members need ZIP64");
        var end = new byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(8), (ushort)count);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(10), (ushort)count);
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(12), (uint)directory.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(16), (uint)offset);
        directory.Position = 0;
        directory.CopyTo(output);
        output.Write(end);
    }

    private static byte[] Deflate(ReadOnlySpan<byte> data)
    {
        var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) deflate.Write(data);
        return buffer.ToArray();
    }
}
