using System.Buffers.Binary;
using System.Text;
using Codec.Runtime.Findings;

namespace Codec.Runtime.Binary.Maya;

/// <summary>One channel's array in one sample of a Maya cache (<c>FVCA</c>, <c>DVCA</c>, <c>FBCA</c> or <c>DBLA</c>).</summary>
public sealed record MayaChannelData(string Name, string DataType, int ArrayLength, long DataOffset, long DataLength)
{
    /// <summary>Float components per array element: 3 for vector arrays, 1 otherwise.</summary>
    public int Components => DataType is "FVCA" or "DVCA" ? 3 : 1;

    /// <summary>Bytes per component: 4 for float, 8 for double.</summary>
    public int ComponentBytes => DataType is "DVCA" or "DBLA" ? 8 : 4;
}

/// <summary>One <c>MYCH</c> group: its time in ticks (absent in one-file-per-frame files) and its channels.</summary>
public sealed record MayaSample(int? Time, IReadOnlyList<MayaChannelData> Channels);

/// <summary>
/// A Maya cache data file (<c>.mc</c> with FOR4 groups, <c>.mcx</c> with FOR8): big-endian IFF — a <c>CACH</c>
/// header group (<c>VRSN</c>, <c>STIM</c>, <c>ETIM</c>) and one <c>MYCH</c> group per sample. Every group and chunk
/// is checked against its parent's bounds and the file's length; data stays in the caller's buffer.
/// </summary>
public sealed class MayaCacheData
{
    private const int MaxChannels = 4096;

    private MayaCacheData(ReadOnlyMemory<byte> bytes, bool is64, string version, int startTime, int endTime, IReadOnlyList<MayaSample> samples)
    {
        Bytes = bytes;
        Is64 = is64;
        Version = version;
        StartTime = startTime;
        EndTime = endTime;
        Samples = samples;
    }

    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>FOR8 (mcx, 64-bit sizes) rather than FOR4 (mcc).</summary>
    public bool Is64 { get; }
    public string Version { get; }
    public int StartTime { get; }
    public int EndTime { get; }
    public IReadOnlyList<MayaSample> Samples { get; }

    /// <summary>Writes one channel's array (big-endian floats or doubles) as float32 into <paramref name="destination"/>.</summary>
    public void CopyTo(MayaChannelData channel, Span<float> destination)
    {
        int count = checked(channel.ArrayLength * channel.Components);
        if (destination.Length < count) throw new ArgumentException($"the destination holds {destination.Length} floats; the channel has {count}");
        var src = Bytes.Span.Slice((int)channel.DataOffset, (int)channel.DataLength);
        if (channel.ComponentBytes == 4)
        {
            var raw = System.Runtime.InteropServices.MemoryMarshal.Cast<float, int>(destination[..count]);
            BinaryPrimitives.ReverseEndianness(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(src[..(count * 4)]), raw);
        }
        else
        {
            for (int i = 0; i < count; i++) destination[i] = (float)BinaryPrimitives.ReadDoubleBigEndian(src[(i * 8)..]);
        }
    }

    public static MayaCacheData? Decode(ReadOnlyMemory<byte> file, FindingSink sink, string path = "")
    {
        var bytes = file.Span;
        bool is64;
        if (bytes.Length >= 4 && bytes.StartsWith("FOR4"u8)) is64 = false;
        else if (bytes.Length >= 4 && bytes.StartsWith("FOR8"u8)) is64 = true;
        else
        {
            sink.ReportAt(FindingCodes.BadSignature, path, 0, "not a Maya cache: it does not start with a FOR4 or FOR8 group");
            return null;
        }

        var reader = new Reader(bytes, is64, sink, path);
        long at = 0;
        if (!reader.Group(ref at, "CACH", out long headerEnd, out long contentStart)) return null;
        string version = "";
        int start = 0, end = 0;
        long cursor = contentStart;
        while (cursor < headerEnd)
        {
            if (!reader.Chunk(ref cursor, headerEnd, contentStart, out uint tag, out long payload, out long size)) return null;
            switch (tag)
            {
                case VRSN: version = Encoding.ASCII.GetString(bytes.Slice((int)payload, (int)size)).TrimEnd('\0'); break;
                case STIM: start = reader.IntValue(payload, size); break;
                case ETIM: end = reader.IntValue(payload, size); break;
            }
        }

        var samples = new List<MayaSample>();
        var names = new List<(byte[] Bytes, string Name)>();
        at = headerEnd;
        while (at < bytes.Length)
        {
            if (!reader.Group(ref at, "MYCH", out long groupEnd, out long groupStart)) return null;
            int? time = null;
            var channels = new List<MayaChannelData>();
            string? name = null;
            int arrayLength = -1;
            cursor = groupStart;
            while (cursor < groupEnd)
            {
                long chunkAt = cursor;
                if (!reader.Chunk(ref cursor, groupEnd, groupStart, out uint tag, out long payload, out long size)) return null;
                switch (tag)
                {
                    case TIME: time = reader.IntValue(payload, size); break;
                    case CHNM: name = Name(bytes.Slice((int)payload, (int)size), names); break;
                    case SIZE: arrayLength = reader.IntValue(payload, size, lengthField: true); break;
                    case FVCA or DVCA or FBCA or DBLA:
                        string type = tag == FVCA ? "FVCA" : tag == DVCA ? "DVCA" : tag == FBCA ? "FBCA" : "DBLA";
                        if (name is null || arrayLength < 0)
                        {
                            sink.ReportAt(FindingCodes.BadHeader, path, chunkAt, $"data chunk {type} without a CHNM and SIZE before it");
                            return null;
                        }

                        var channel = new MayaChannelData(name, type, arrayLength, payload, size);
                        long expected = (long)arrayLength * channel.Components * channel.ComponentBytes;
                        if (expected != size)
                        {
                            sink.ReportAt(FindingCodes.EntrySizeMismatch, path, chunkAt, $"channel '{name}': {arrayLength} elements of {type} need {expected} bytes; the chunk has {size}");
                            return null;
                        }

                        if (channels.Count == MaxChannels)
                        {
                            sink.ReportAt(FindingCodes.SizeOverflow, path, chunkAt, $"more than {MaxChannels} channels in one sample");
                            return null;
                        }

                        channels.Add(channel);
                        name = null;
                        arrayLength = -1;
                        break;
                    default:
                        string text = TagText(tag);
                        if (text.All(char.IsAsciiLetterUpper))
                        {
                            sink.ReportAt(FindingCodes.UnsupportedElementType, path, chunkAt, $"data type '{text}' is not read (FVCA, DVCA, FBCA and DBLA are)");
                            return null;
                        }

                        break;
                }
            }

            samples.Add(new MayaSample(time, channels));
        }

        if (samples.Count == 0)
        {
            sink.ReportAt(FindingCodes.DataTruncated, path, headerEnd, "the cache has a header but no MYCH sample");
            return null;
        }

        return new MayaCacheData(file, is64, version, start, end, samples);
    }

    // Channel names repeat in every sample: each distinct name is decoded once.
    private static string Name(ReadOnlySpan<byte> raw, List<(byte[] Bytes, string Name)> known)
    {
        foreach (var (bytes, name) in known)
        {
            if (raw.SequenceEqual(bytes)) return name;
        }

        string decoded = Encoding.UTF8.GetString(raw).TrimEnd('\0');
        if (known.Count < MaxChannels) known.Add((raw.ToArray(), decoded));
        return decoded;
    }

    /// <summary>Reads groups and chunks of either width, checking every size against its container.</summary>
    private readonly ref struct Reader(ReadOnlySpan<byte> bytes, bool is64, FindingSink sink, string path)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int TagBytes => is64 ? 8 : 4;
        private int SizeBytes => is64 ? 8 : 4;
        private int Align => is64 ? 8 : 4;

        // FOR4|FOR8 <size> <type>: the group's children run from after the type to the group's end.
        public bool Group(ref long at, string type, out long end, out long contentStart)
        {
            end = contentStart = 0;
            long headerBytes = TagBytes + SizeBytes + 4;
            if (at + headerBytes > _bytes.Length)
            {
                sink.ReportAt(FindingCodes.DataTruncated, path, at, $"the file ends inside a group header (expected a {type} group)");
                return false;
            }

            var tag = _bytes.Slice((int)at, 4);
            if (!tag.SequenceEqual(is64 ? "FOR8"u8 : "FOR4"u8))
            {
                sink.ReportAt(FindingCodes.BadHeader, path, at, $"expected a {(is64 ? "FOR8" : "FOR4")} group, found '{Printable(tag)}'");
                return false;
            }

            long size = ReadSize(at + TagBytes);
            long typeAt = at + TagBytes + SizeBytes;
            var actual = _bytes.Slice((int)typeAt, 4);
            if (!actual.SequenceEqual(Encoding.ASCII.GetBytes(type)))
            {
                sink.ReportAt(FindingCodes.BadHeader, path, typeAt, $"expected a {type} group, found '{Printable(actual)}'");
                return false;
            }

            if (size < 4 || size > _bytes.Length - typeAt)
            {
                sink.ReportAt(FindingCodes.DataTruncated, path, at + TagBytes, $"the {type} group declares {size} bytes; the file has {_bytes.Length - typeAt} after its size field");
                return false;
            }

            end = typeAt + size;
            contentStart = typeAt + 4;
            at = end;
            return true;
        }

        // <tag> <size> <payload, padded to the alignment relative to the group's content start>
        public bool Chunk(ref long at, long end, long alignBase, out uint tag, out long payload, out long size)
        {
            tag = 0;
            payload = size = 0;
            if (at + TagBytes + SizeBytes > end)
            {
                sink.ReportAt(FindingCodes.DataTruncated, path, at, "a chunk header runs past its group's end");
                return false;
            }

            tag = BinaryPrimitives.ReadUInt32BigEndian(_bytes[(int)at..]);
            size = ReadSize(at + TagBytes);
            payload = at + TagBytes + SizeBytes;
            if (size < 0 || size > end - payload)
            {
                sink.ReportAt(FindingCodes.DataTruncated, path, at, $"chunk '{TagText(tag)}' declares {size} bytes; its group has {end - payload} left");
                return false;
            }

            long next = payload + size;
            long misalign = (next - alignBase) % Align;
            at = Math.Min(end, misalign == 0 ? next : next + Align - misalign);
            return true;
        }

        public int IntValue(long payload, long size, bool lengthField = false)
        {
            // FOR8 stores these in 8 bytes: the value in the last 4 (times) or the first 4 (SIZE, then padding).
            if (size < 4) return 0;
            long at = is64 && size >= 8 && !lengthField ? payload + 4 : payload;
            return BinaryPrimitives.ReadInt32BigEndian(_bytes[(int)at..]);
        }

        private long ReadSize(long at) => is64
            ? (long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(_bytes[(int)at..]), long.MaxValue)
            : BinaryPrimitives.ReadUInt32BigEndian(_bytes[(int)at..]);

        private static string Printable(ReadOnlySpan<byte> tag) => new(tag.ToArray().Select(b => b is >= 0x20 and < 0x7F ? (char)b : '?').ToArray());
    }

    // Chunk tags compared as big-endian integers: no string per chunk.
    private const uint VRSN = 0x5652534E, STIM = 0x5354494D, ETIM = 0x4554494D, TIME = 0x54494D45, CHNM = 0x43484E4D, SIZE = 0x53495A45;
    private const uint FVCA = 0x46564341, DVCA = 0x44564341, FBCA = 0x46424341, DBLA = 0x44424C41;

    private static string TagText(uint tag)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, tag);
        return new string(b.ToArray().Select(x => x is >= 0x20 and < 0x7F ? (char)x : '?').ToArray());
    }
}
