using System.Buffers.Binary;
using System.Text;
using Codec.Runtime.Findings;

namespace Codec.Runtime.Binary.Zip;

/// <summary>One member of a ZIP archive, as its central directory and local header describe it (all bounds-checked).</summary>
public sealed record ZipEntry(
    string Name,
    int Method,
    uint Crc32,
    long CompressedSize,
    long UncompressedSize,
    long LocalHeaderOffset,
    long DataOffset);

/// <summary>
/// Reads a ZIP archive's central directory (ZIP64 included) from the archive's bytes. Nothing in the directory is
/// trusted until checked against the archive's real length: the end record, the directory, every local header and
/// every member's data must lie inside the file. Problems are findings; members that fail a check are left out.
/// </summary>
public static class ZipDirectory
{
    private const uint EndSignature = 0x06054b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint CentralSignature = 0x02014b50;
    private const uint LocalSignature = 0x04034b50;
    private const int MaxEntries = 1 << 20;

    /// <summary>The members in directory order, or null (with findings) when the archive's structure is unusable.</summary>
    public static IReadOnlyList<ZipEntry>? Read(ReadOnlySpan<byte> archive, FindingSink sink, string path = "")
    {
        long end = FindEnd(archive);
        if (end < 0)
        {
            sink.ReportAt(FindingCodes.BadSignature, path, 0, archive.Length >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(archive) == LocalSignature
                ? "the ZIP archive has no end-of-central-directory record (truncated?)"
                : "not a ZIP archive: no end-of-central-directory record");
            return null;
        }

        var e = archive[(int)end..];
        long count = BinaryPrimitives.ReadUInt16LittleEndian(e[10..]);
        long directorySize = BinaryPrimitives.ReadUInt32LittleEndian(e[12..]);
        long directoryOffset = BinaryPrimitives.ReadUInt32LittleEndian(e[16..]);
        if (count == 0xFFFF || directorySize == 0xFFFFFFFF || directoryOffset == 0xFFFFFFFF)
        {
            // ZIP64: a locator just before the end record points at the 64-bit end record.
            long locator = end - 20;
            if (locator < 0 || BinaryPrimitives.ReadUInt32LittleEndian(archive[(int)locator..]) != Zip64LocatorSignature)
            {
                sink.ReportAt(FindingCodes.BadArchive, path, end, "the end record asks for ZIP64 but there is no ZIP64 locator");
                return null;
            }

            long record = (long)BinaryPrimitives.ReadUInt64LittleEndian(archive[(int)(locator + 8)..]);
            if (record < 0 || record + 56 > locator || BinaryPrimitives.ReadUInt32LittleEndian(archive[(int)record..]) != Zip64EndSignature)
            {
                sink.ReportAt(FindingCodes.BadArchive, path, locator, "the ZIP64 locator points outside the archive or at no ZIP64 end record");
                return null;
            }

            var r = archive[(int)record..];
            count = (long)BinaryPrimitives.ReadUInt64LittleEndian(r[32..]);
            directorySize = (long)BinaryPrimitives.ReadUInt64LittleEndian(r[40..]);
            directoryOffset = (long)BinaryPrimitives.ReadUInt64LittleEndian(r[48..]);
        }

        if (directoryOffset < 0 || directorySize < 0 || directoryOffset > archive.Length || directorySize > archive.Length - directoryOffset)
        {
            sink.ReportAt(FindingCodes.BadArchive, path, end, $"the central directory ({directorySize} bytes at {directoryOffset}) lies outside the {archive.Length}-byte archive");
            return null;
        }

        // Each directory entry takes at least 46 bytes: a count the directory cannot hold is a lie.
        if (count < 0 || count > MaxEntries || count * 46 > directorySize)
        {
            sink.ReportAt(FindingCodes.BadArchive, path, end, $"{count} members cannot fit in a {directorySize}-byte central directory");
            return null;
        }

        var entries = new List<ZipEntry>((int)count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        long at = directoryOffset, limit = directoryOffset + directorySize;
        for (long i = 0; i < count; i++)
        {
            if (at + 46 > limit || BinaryPrimitives.ReadUInt32LittleEndian(archive[(int)at..]) != CentralSignature)
            {
                sink.ReportAt(FindingCodes.BadArchive, path, at, $"central directory entry {i} is missing or malformed");
                return null;
            }

            var c = archive[(int)at..];
            int flags = BinaryPrimitives.ReadUInt16LittleEndian(c[8..]);
            int method = BinaryPrimitives.ReadUInt16LittleEndian(c[10..]);
            uint crc = BinaryPrimitives.ReadUInt32LittleEndian(c[16..]);
            long compressed = BinaryPrimitives.ReadUInt32LittleEndian(c[20..]);
            long uncompressed = BinaryPrimitives.ReadUInt32LittleEndian(c[24..]);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(c[28..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(c[30..]);
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(c[32..]);
            long localOffset = BinaryPrimitives.ReadUInt32LittleEndian(c[42..]);
            long next = at + 46 + nameLength + extraLength + commentLength;
            if (next > limit)
            {
                sink.ReportAt(FindingCodes.BadArchive, path, at, $"central directory entry {i} runs past the directory's end");
                return null;
            }

            string name = (flags & 0x800) != 0 ? Encoding.UTF8.GetString(c.Slice(46, nameLength)) : Encoding.Latin1.GetString(c.Slice(46, nameLength));
            ReadZip64Extra(c.Slice(46 + nameLength, extraLength), ref uncompressed, ref compressed, ref localOffset);
            long entryAt = at;
            at = next;

            if (!names.Add(name))
            {
                sink.ReportAt(FindingCodes.DuplicateEntry, path, entryAt, $"member '{name}' appears twice; the first is used");
                continue;
            }

            if (name.Length == 0 || name.Contains('/') || name.Contains('\\') || name.Contains(':') || name.Split('.').All(p => p.Length == 0) || name.Contains(".."))
            {
                sink.ReportAt(FindingCodes.UnsafeEntryName, path, entryAt, $"member name '{name}' is a path (separators, a drive or '..'); it is not read");
                continue;
            }

            if ((flags & 1) != 0 || method is not (0 or 8))
            {
                sink.ReportAt(FindingCodes.UnsupportedEntry, path, entryAt, (flags & 1) != 0 ? $"member '{name}' is encrypted" : $"member '{name}' uses compression method {method} (stored and deflate are read)");
                continue;
            }

            // Compared by subtraction: a ZIP64 offset near 2^63 must not overflow into a "valid" one.
            if (localOffset < 0 || localOffset > archive.Length - 30L || BinaryPrimitives.ReadUInt32LittleEndian(archive[(int)localOffset..]) != LocalSignature)
            {
                sink.ReportAt(FindingCodes.BadArchive, path, entryAt, $"member '{name}': its local header offset {localOffset} is outside the archive or holds no local header");
                continue;
            }

            var local = archive[(int)localOffset..];
            long dataOffset = localOffset + 30 + BinaryPrimitives.ReadUInt16LittleEndian(local[26..]) + BinaryPrimitives.ReadUInt16LittleEndian(local[28..]);
            if (compressed < 0 || uncompressed < 0 || dataOffset > archive.Length || compressed > archive.Length - dataOffset)
            {
                sink.ReportAt(FindingCodes.EntrySizeMismatch, path, localOffset, $"member '{name}' declares {compressed} bytes of data at {dataOffset}, past the archive's end ({archive.Length} bytes)");
                continue;
            }

            if (method == 0 && compressed != uncompressed)
            {
                sink.ReportAt(FindingCodes.EntrySizeMismatch, path, entryAt, $"stored member '{name}' declares {compressed} bytes stored but {uncompressed} bytes uncompressed");
                continue;
            }

            entries.Add(new ZipEntry(name, method, crc, compressed, uncompressed, localOffset, dataOffset));
        }

        return entries;
    }

    // The end record is at least 22 bytes from the end, followed by a comment of up to 65535 bytes.
    private static long FindEnd(ReadOnlySpan<byte> archive)
    {
        for (long i = archive.Length - 22; i >= 0 && i >= archive.Length - 22 - 65535; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(archive[(int)i..]) == EndSignature
                && i + 22 + BinaryPrimitives.ReadUInt16LittleEndian(archive[(int)(i + 20)..]) == archive.Length)
            {
                return i;
            }
        }

        return -1;
    }

    // ZIP64 extra field (id 1): the 64-bit values, in order, of the fields whose 32-bit value is 0xFFFFFFFF.
    private static void ReadZip64Extra(ReadOnlySpan<byte> extra, ref long uncompressed, ref long compressed, ref long localOffset)
    {
        while (extra.Length >= 4)
        {
            int id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            int size = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (4 + size > extra.Length) return;
            var data = extra.Slice(4, size);
            if (id == 1)
            {
                if (uncompressed == 0xFFFFFFFF && data.Length >= 8) { uncompressed = (long)BinaryPrimitives.ReadUInt64LittleEndian(data); data = data[8..]; }
                if (compressed == 0xFFFFFFFF && data.Length >= 8) { compressed = (long)BinaryPrimitives.ReadUInt64LittleEndian(data); data = data[8..]; }
                if (localOffset == 0xFFFFFFFF && data.Length >= 8) localOffset = (long)BinaryPrimitives.ReadUInt64LittleEndian(data);
                return;
            }

            extra = extra[(4 + size)..];
        }
    }
}
