using System.IO.Compression;
using Codec.Runtime.Binary.Zip;
using Codec.Runtime.Findings;

namespace Codec.Runtime.Binary.Numpy;

/// <summary>One array of an <c>.npz</c> archive: its key (the member name without <c>.npy</c>) and its ZIP entry.</summary>
public sealed record NpzMember(string Key, ZipEntry Entry)
{
    public bool IsCompressed => Entry.Method == 8;
}

/// <summary>
/// Reads <c>.npz</c> archives (<c>np.savez</c>, <c>np.savez_compressed</c>): the file is mapped read-only; stored
/// members are served without a copy from the mapping, deflated members are inflated into a buffer of exactly
/// their declared size, after that size is checked against what deflate can produce from the data.
/// </summary>
public sealed class NpzArchive : IDisposable
{
    /// <summary>Deflate expands at most about 1032:1; a declared size beyond that is a lie (or a bomb).</summary>
    private const long MaxDeflateRatio = 1040;

    private readonly MappedFile? _file;
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly string _path;

    private NpzArchive(ReadOnlyMemory<byte> bytes, MappedFile? file, IReadOnlyList<NpzMember> members, string path)
    {
        _bytes = bytes;
        _file = file;
        Members = members;
        _path = path;
    }

    /// <summary>The arrays in archive order.</summary>
    public IReadOnlyList<NpzMember> Members { get; }

    /// <summary>Largest member inflated (default 2 GiB - 1: one span).</summary>
    public long MaxMemberBytes { get; init; } = int.MaxValue;

    /// <summary>Check each member's CRC-32 when it is read (default on, as NumPy's zipfile does).</summary>
    public bool VerifyChecksums { get; init; } = true;

    public static NpzArchive? Open(string path, FindingSink sink)
    {
        var file = MappedFile.Open(path, sink);
        if (file is null) return null;
        var archive = Read(file.Memory, file, sink, path);
        if (archive is null) file.Dispose();
        return archive;
    }

    /// <summary>An archive held in memory (members view <paramref name="bytes"/>).</summary>
    public static NpzArchive? Read(ReadOnlyMemory<byte> bytes, FindingSink sink, string path = "") => Read(bytes, null, sink, path);

    private static NpzArchive? Read(ReadOnlyMemory<byte> bytes, MappedFile? file, FindingSink sink, string path)
    {
        var entries = ZipDirectory.Read(bytes.Span, sink, path);
        if (entries is null) return null;
        var members = new List<NpzMember>(entries.Count);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            string key = entry.Name.EndsWith(".npy", StringComparison.Ordinal) ? entry.Name[..^4] : entry.Name;
            if (!keys.Add(key))
            {
                sink.ReportAt(FindingCodes.DuplicateEntry, path, entry.LocalHeaderOffset, $"two members give the key '{key}'; the first is used");
                continue;
            }

            members.Add(new NpzMember(key, entry));
        }

        return new NpzArchive(bytes, file, members, path);
    }

    public NpzMember? Find(string key) => Members.FirstOrDefault(m => m.Key == key);

    /// <summary>Decodes one member's array; null with findings when the member or its .npy content is bad.</summary>
    public NpyArray? GetArray(NpzMember member, FindingSink sink)
    {
        var entry = member.Entry;
        string where = _path + ":" + entry.Name;
        ReadOnlyMemory<byte> npy;
        if (entry.Method == 0)
        {
            npy = _bytes.Slice((int)entry.DataOffset, (int)entry.CompressedSize);
        }
        else
        {
            if (entry.UncompressedSize > MaxMemberBytes || entry.UncompressedSize > (entry.CompressedSize + 1) * MaxDeflateRatio)
            {
                sink.ReportAt(FindingCodes.CompressionBomb, where, entry.LocalHeaderOffset, $"declares {entry.UncompressedSize} bytes from {entry.CompressedSize} compressed bytes: more than deflate can produce or than the limit ({MaxMemberBytes})");
                return null;
            }

            var output = Inflate(_bytes.Slice((int)entry.DataOffset, (int)entry.CompressedSize), entry, sink, where);
            if (output is null) return null;
            npy = output;
        }

        if (VerifyChecksums && Crc32.Compute(npy.Span) != entry.Crc32)
        {
            sink.ReportAt(FindingCodes.ChecksumMismatch, where, entry.DataOffset, $"CRC-32 of the data is not the declared {entry.Crc32:x8}");
            return null;
        }

        return NpyFile.Decode(npy, sink, where);
    }

    // Inflates into a buffer that grows with what really comes out (doubling up to the declared size), so a header
    // that lies about the size costs at most twice the real output, not the declared size up front.
    private static byte[]? Inflate(ReadOnlyMemory<byte> compressed, ZipEntry entry, FindingSink sink, string where)
    {
        try
        {
            using var input = new ReadOnlyMemoryStream(compressed);
            using var deflate = new DeflateStream(input, CompressionMode.Decompress);
            long declared = entry.UncompressedSize;
            var output = new byte[(int)Math.Min(declared, (4 * compressed.Length) + 4096)];
            int filled = 0;
            while (true)
            {
                if (filled == output.Length)
                {
                    if (output.Length == declared) break;
                    Array.Resize(ref output, (int)Math.Min(declared, 2L * output.Length));
                }

                int n = deflate.Read(output, filled, output.Length - filled);
                if (n == 0) break;
                filled += n;
            }

            // The stream must end exactly at the declared size: one more byte means the size was a lie.
            Span<byte> probe = stackalloc byte[1];
            if (filled != declared || deflate.Read(probe) != 0)
            {
                sink.ReportAt(FindingCodes.EntrySizeMismatch, where, entry.DataOffset, filled != declared ? $"inflates to {filled} bytes, not the declared {entry.UncompressedSize}" : $"inflates to more than the declared {entry.UncompressedSize} bytes");
                return null;
            }

            return output;
        }
        catch (InvalidDataException e)
        {
            sink.ReportAt(FindingCodes.BadArchive, where, entry.DataOffset, "the deflate data is corrupt: " + e.Message);
            return null;
        }
    }

    public void Dispose() => _file?.Dispose();

    /// <summary>A read-only stream over memory, so compressed members are inflated straight from the mapping.</summary>
    private sealed class ReadOnlyMemoryStream(ReadOnlyMemory<byte> memory) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => memory.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int n = Math.Min(buffer.Length, memory.Length - _position);
            memory.Span.Slice(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
