using System.Buffers.Binary;

namespace Codec.Cli.Sharding;

/// <summary>
/// Checks a Parquet file's structure against what the file holds before the Parquet library reads it: the footer's
/// length, every size and count in the footer's Thrift encoding, each column chunk's place, and each page's header and
/// sizes (Snappy's own length included), kind and encoding. The library trusts what a file declares (a footer of 2^31
/// bytes, a list of 2^31 elements, a page that inflates to gigabytes, an encoding it decodes by reinterpreting memory);
/// after this check, nothing it is handed declares more than the file can hold or is of a kind codec does not write, so
/// a damaged or hostile shard file costs at most a bounded multiple of its size, and a loop over a declared count ends
/// with the bytes.
/// </summary>
public static class ParquetBounds
{
    // A footer holds a few hundred bytes per row group and column; more than this is not a shard file's.
    private const int MaxFooterBytes = 1 << 28;

    // A page decoded is at most this large, whatever its compression claims.
    private const long MaxPageBytes = 1L << 28;

    private const int MaxDepth = 32;

    /// <summary>Null when the file's structure is within bounds, else what is wrong and where.</summary>
    public static string? Check(Stream file, long maxRowsPerGroup, long maxRows)
    {
        long length = file.Length;
        if (length < 12) return $"{length} bytes: too short for a Parquet file";
        Span<byte> edge = stackalloc byte[8];
        ReadAt(file, 0, edge[..4]);
        if (!edge[..4].SequenceEqual("PAR1"u8)) return "it does not start with PAR1";
        ReadAt(file, length - 8, edge);
        if (!edge[4..].SequenceEqual("PAR1"u8)) return "it does not end with PAR1 (cut short, or encrypted)";
        uint footerLength = BinaryPrimitives.ReadUInt32LittleEndian(edge);
        if (footerLength == 0 || footerLength > length - 12 || footerLength > MaxFooterBytes)
            return $"its footer claims {footerLength} bytes; the file of {length} bytes holds at most {Math.Min(length - 12, MaxFooterBytes)}";
        long footerAt = length - 8 - footerLength;
        var footer = new byte[footerLength];
        ReadAt(file, footerAt, footer);

        try
        {
            var chunks = new List<Chunk>();
            var reader = new ThriftReader(footer, footer.Length, footerAt);
            long rows = 0;
            ReadStruct(ref reader, 0, (ref ThriftReader r, short id, byte type) =>
            {
                if (id != 4 || type != ThriftReader.List) return false;
                int groups = r.ListHeader(out byte groupType);
                for (int g = 0; g < groups; g++)
                {
                    long groupRows = -1;
                    var groupChunks = new List<Chunk>();
                    if (groupType != ThriftReader.Struct) throw new ParquetBoundsException("a row group that is not a structure", r.Offset);
                    ReadStruct(ref r, 1, (ref ThriftReader rr, short gid, byte gtype) =>
                    {
                        if (gid == 3 && gtype == ThriftReader.I64)
                        {
                            groupRows = rr.Varint();
                            return true;
                        }

                        if (gid != 1 || gtype != ThriftReader.List) return false;
                        int columns = rr.ListHeader(out byte columnType);
                        for (int c = 0; c < columns; c++)
                        {
                            if (columnType != ThriftReader.Struct) throw new ParquetBoundsException("a column chunk that is not a structure", rr.Offset);
                            groupChunks.Add(ReadChunk(ref rr));
                        }

                        return true;
                    });
                    if (groupRows < 0 || groupRows > maxRowsPerGroup || (rows += groupRows) > maxRows)
                        throw new ParquetBoundsException($"row group {g} declares {groupRows} rows; the file holds at most {Math.Min(maxRowsPerGroup, maxRows)} in a group", r.Offset);
                    foreach (var chunk in groupChunks) chunks.Add(chunk with { Rows = groupRows });
                }

                return true;
            });
            reader.ExpectEnd();
            foreach (var chunk in chunks) CheckPages(file, chunk, footerAt);
            return null;
        }
        catch (ParquetBoundsException e)
        {
            return $"{e.Message} (at byte {e.Offset})";
        }
    }

    // What the footer says of one column chunk: where its pages are and how they are compressed.
    private sealed record Chunk(long Start, long CompressedBytes, long UncompressedBytes, long Values, int Codec, long At)
    {
        public long Rows { get; init; }
    }

    private static Chunk ReadChunk(ref ThriftReader reader)
    {
        long dataAt = -1, dictionaryAt = -1, compressed = -1, uncompressed = -1, values = -1;
        int codec = 0;
        bool hasMeta = false;
        long at = reader.Offset;
        ReadStruct(ref reader, 2, (ref ThriftReader r, short id, byte type) =>
        {
            if (id == 1 && type == ThriftReader.Binary) throw new ParquetBoundsException("a column chunk in another file", r.Offset);
            if (id != 3 || type != ThriftReader.Struct) return false;
            hasMeta = true;
            ReadStruct(ref r, 3, (ref ThriftReader m, short field, byte kind) =>
            {
                switch (field, kind)
                {
                    case (4, ThriftReader.I32): codec = (int)m.Varint(); return true;
                    case (5, ThriftReader.I64): values = m.Varint(); return true;
                    case (6, ThriftReader.I64): uncompressed = m.Varint(); return true;
                    case (7, ThriftReader.I64): compressed = m.Varint(); return true;
                    case (9, ThriftReader.I64): dataAt = m.Varint(); return true;
                    case (11, ThriftReader.I64): dictionaryAt = m.Varint(); return true;
                    default: return false;
                }
            });
            return true;
        });
        if (!hasMeta || dataAt < 0 || compressed < 0 || uncompressed < 0 || values < 0)
            throw new ParquetBoundsException("a column chunk without its place, sizes or value count", at);
        long start = dictionaryAt > 0 && dictionaryAt < dataAt ? dictionaryAt : dataAt;
        return new Chunk(start, compressed, uncompressed, values, codec, at);
    }

    // How many bytes one compressed byte can stand for, by the codec's format (Snappy's longest copy, deflate's
    // 258-byte matches); null for the codecs refused. Codec writes its shard files with Snappy; LZO, Brotli and ZSTD have
    // no such small bound (a few bytes of ZSTD can stand for a block of 128 KB, any number of times), and each codec
    // admitted (LZ4 too) is one more decoder of unsafe code fed a hostile file's bytes.
    private static long? Ratio(int codec) => codec switch
    {
        0 => 1,
        1 => 32,
        2 => 1_100,
        _ => null,
    };

    private static string CodecName(int codec) => codec switch
    {
        3 => "LZO",
        4 => "Brotli",
        5 or 7 => "LZ4",
        6 => "ZSTD",
        _ => $"codec {codec}",
    };

    private static void CheckPages(Stream file, Chunk chunk, long footerAt)
    {
        long end = chunk.Start + chunk.CompressedBytes;
        if (chunk.Start < 4 || chunk.CompressedBytes <= 0 || end > footerAt)
            throw new ParquetBoundsException($"a column chunk of {chunk.CompressedBytes} bytes at {chunk.Start} lies outside the data ({footerAt} bytes)", chunk.At);
        // Shard files are flat tables (no lists, no nesting): a column chunk has exactly one value, null or not, per row
        // of its group. The library writes a page's values into an array of the group's rows, trusting the counts.
        if (chunk.Values != chunk.Rows)
            throw new ParquetBoundsException($"a column chunk declares {chunk.Values} values for {chunk.Rows} rows", chunk.At);
        if (Ratio(chunk.Codec) is not { } ratio)
            throw new ParquetBoundsException($"a column chunk compressed with {CodecName(chunk.Codec)}, which codec does not read (shard files are Snappy)", chunk.At);
        if (chunk.UncompressedBytes > Math.Min(chunk.CompressedBytes * ratio + 1024, MaxPageBytes * 16))
            throw new ParquetBoundsException($"a column chunk of {chunk.CompressedBytes} bytes claims {chunk.UncompressedBytes} uncompressed", chunk.At);

        long at = chunk.Start, dataValues = 0;
        var window = new byte[256];
        while (at < end)
        {
            int available = (int)Math.Min(end - at, window.Length);
            ReadAt(file, at, window.AsSpan(0, available));
            long pageAt = at;
            int headerBytes;
            long uncompressed = -1, compressed = -1, values = 0, pageType = -1, encoding = -1;
            int headers = 0, header = 0;
            try
            {
                var reader = new ThriftReader(window, available, at);
                ReadStruct(ref reader, 0, (ref ThriftReader r, short id, byte type) =>
                {
                    switch (id, type)
                    {
                        case (1, ThriftReader.I32): pageType = r.Varint(); return true;
                        case (2, ThriftReader.I32): uncompressed = r.Varint(); return true;
                        case (3, ThriftReader.I32): compressed = r.Varint(); return true;
                        case (5 or 7, ThriftReader.Struct):
                            // A data page's header (5) and a dictionary page's (7) start with their value count (rows
                            // of the column; entries of the dictionary), then their values' encoding.
                            headers++;
                            header = id;
                            ReadStruct(ref r, 1, (ref ThriftReader p, short field, byte kind) =>
                            {
                                if (kind != ThriftReader.I32) return false;
                                if (field == 1) values = p.Varint();
                                else if (field == 2) encoding = p.Varint();
                                else return false;
                                return true;
                            });
                            return true;
                        default: return false;
                    }
                });
                headerBytes = reader.Consumed;
            }
            catch (ParquetBoundsException) when (available == window.Length && window.Length < (1 << 24))
            {
                // The header (with its statistics) is longer than the window: read again with twice the room.
                window = new byte[window.Length * 2];
                continue;
            }

            if (Refusal(pageType, headers, header, encoding) is { } refusal) throw new ParquetBoundsException(refusal, pageAt);
            bool data = header != 7;
            long dataStart = pageAt + headerBytes;
            if (compressed < 0 || dataStart + compressed > end)
                throw new ParquetBoundsException($"a page of {compressed} bytes at {dataStart} runs past its column chunk's end ({end})", pageAt);
            if (uncompressed < 0 || uncompressed > Math.Min((compressed * ratio) + 1024, MaxPageBytes))
                throw new ParquetBoundsException($"a page of {compressed} bytes claims {uncompressed} uncompressed", pageAt);
            if (values < 0 || values > chunk.Values || (data && (dataValues += values) > chunk.Values))
                throw new ParquetBoundsException($"a page declares {values} values; its column chunk has {chunk.Values} in all", pageAt);
            if (chunk.Codec == Snappy && SnappyLength(file, dataStart, compressed) != uncompressed)
                throw new ParquetBoundsException($"a Snappy page whose data gives another length than the {uncompressed} bytes its header declares", pageAt);
            at = dataStart + compressed;
            if (window.Length > 256) window = new byte[256];
        }

        if (dataValues != chunk.Values)
            throw new ParquetBoundsException($"a column chunk's pages hold {dataValues} values; it declares {chunk.Values}", chunk.At);
    }

    // What the library would decode a page as, allowed only when it is what codec writes: a data page of version 1
    // (type 0, header 5) or a dictionary page (2, header 7), its values plain or dictionary indices. The library decodes
    // other encodings (RLE, delta, byte-stream-split) by reinterpreting the column's buffer as integers or bytes,
    // whatever the column's type: on a column of strings, a hostile page would write integers over object references.
    private static string? Refusal(long pageType, int headers, int header, long encoding)
    {
        bool kindAgrees = (pageType, header) is (0, 5) or (2, 7);
        if (headers != 1 || !kindAgrees) return $"a page of type {pageType} with {headers} headers; shard files hold data pages (version 1) and dictionary pages only";
        bool encodingAllowed = header == 7 ? encoding is Plain or PlainDictionary : encoding is Plain or PlainDictionary or RleDictionary;
        return encodingAllowed ? null : $"a {(header == 7 ? "dictionary" : "data")} page of encoding {EncodingName(encoding)}; shard files hold plain values and dictionary indices only";
    }

    private static string EncodingName(long encoding) => encoding switch
    {
        -1 => "(none given)",
        3 => "RLE",
        4 => "BIT_PACKED",
        5 => "DELTA_BINARY_PACKED",
        6 => "DELTA_LENGTH_BYTE_ARRAY",
        7 => "DELTA_BYTE_ARRAY",
        9 => "BYTE_STREAM_SPLIT",
        _ => encoding.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private const int Snappy = 1;

    // The length a Snappy block declares in its first bytes (a varint of up to five bytes), which is what the library
    // allocates for it, whatever the page header says; -1 when it is not a well-formed length.
    private static long SnappyLength(Stream file, long at, long bytes)
    {
        Span<byte> head = stackalloc byte[5];
        int available = (int)Math.Min(bytes, head.Length);
        ReadAt(file, at, head[..available]);
        long length = 0;
        for (int i = 0; i < available; i++)
        {
            length |= (long)(head[i] & 0x7F) << (7 * i);
            if ((head[i] & 0x80) == 0) return length;
        }

        return -1;
    }

    // Parquet's encodings that shard files use.
    private const long Plain = 0, PlainDictionary = 2, RleDictionary = 8;

    private delegate bool FieldReader(ref ThriftReader reader, short id, byte type);

    // Reads a structure's fields: each one the caller does not take (returns false for) is skipped, checked.
    private static void ReadStruct(ref ThriftReader reader, int depth, FieldReader field)
    {
        if (depth > MaxDepth) throw new ParquetBoundsException("structures nested too deep", reader.Offset);
        short last = 0;
        while (true)
        {
            byte header = reader.Byte();
            byte type = (byte)(header & 0x0F);
            if (type == ThriftReader.Stop) return;
            int delta = header >> 4;
            short id = delta != 0 ? (short)(last + delta) : (short)reader.Varint();
            last = id;
            if (!field(ref reader, id, type)) reader.Skip(type, depth + 1);
        }
    }

    private static void ReadAt(Stream file, long at, Span<byte> into)
    {
        file.Position = at;
        file.ReadExactly(into);
    }
}

/// <summary>Thrown where a Parquet file's structure declares more than it holds; caught by <see cref="ParquetBounds.Check"/>.</summary>
internal sealed class ParquetBoundsException(string message, long offset) : Exception(message)
{
    public long Offset { get; } = offset;
}

/// <summary>
/// Thrift's compact protocol over a buffer, as Parquet writes its metadata, with every length and count checked
/// against the bytes left: each element takes at least one byte, so no declared count can outrun the data.
/// </summary>
internal struct ThriftReader(byte[] data, int length, long origin)
{
    public const byte Stop = 0, True = 1, False = 2, Byte8 = 3, I16 = 4, I32 = 5, I64 = 6, Double = 7, Binary = 8, List = 9, Set = 10, Map = 11, Struct = 12;

    private readonly byte[] _data = data;

    // The bytes of _data that hold the metadata (a reused window may be longer).
    private readonly int _length = length;
    private readonly long _origin = origin;
    private int _pos;

    public readonly long Offset => _origin + _pos;

    public readonly int Consumed => _pos;

    public readonly void ExpectEnd()
    {
        if (_pos != _length) throw new ParquetBoundsException($"{_length - _pos} bytes after the footer's metadata", Offset);
    }

    public byte Byte()
    {
        if (_pos >= _length) throw new ParquetBoundsException("the metadata ends in the middle of a value", Offset);
        return _data[_pos++];
    }

    public long Varint()
    {
        ulong value = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            byte b = Byte();
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return Zigzag(value);
        }

        throw new ParquetBoundsException("a number of more than ten bytes", Offset);
    }

    // Integers (and field ids written whole) are zigzag-encoded: 0, -1, 1, -2, … as 0, 1, 2, 3, …
    private static long Zigzag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    public int ListHeader(out byte elementType)
    {
        byte header = Byte();
        elementType = (byte)(header & 0x0F);
        long count = header >> 4;
        if (count == 15) count = UnsignedVarint();
        return Count(count);
    }

    private long UnsignedVarint()
    {
        ulong value = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            byte b = Byte();
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value > long.MaxValue ? -1 : (long)value;
        }

        throw new ParquetBoundsException("a length of more than ten bytes", Offset);
    }

    // A count of elements, each at least a byte: no more than the bytes left.
    private readonly int Count(long count)
    {
        if (count < 0 || count > _length - _pos) throw new ParquetBoundsException($"{count} elements or bytes declared where {_length - _pos} bytes are left", Offset);
        return (int)count;
    }

    public void Skip(byte type, int depth)
    {
        if (depth > 64) throw new ParquetBoundsException("values nested too deep", Offset);
        switch (type)
        {
            case True or False:
                return;
            case Byte8:
                Byte();
                return;
            case I16 or I32 or I64:
                Varint();
                return;
            case Double:
                Bytes(8);
                return;
            case Binary:
                Bytes(Count(UnsignedVarint()));
                return;
            case List or Set:
            {
                int count = ListHeader(out byte element);
                for (int i = 0; i < count; i++)
                {
                    // Booleans in a list are a byte each.
                    if (element is True or False) Byte();
                    else Skip(element, depth + 1);
                }

                return;
            }

            case Map:
            {
                int count = Count(UnsignedVarint());
                if (count == 0) return;
                byte types = Byte();
                for (int i = 0; i < count; i++)
                {
                    Skip((byte)(types >> 4), depth + 1);
                    Skip((byte)(types & 0x0F), depth + 1);
                }

                return;
            }

            case Struct:
            {
                while (true)
                {
                    byte header = Byte();
                    byte field = (byte)(header & 0x0F);
                    if (field == Stop) return;
                    if ((header >> 4) == 0) Varint(); // a field id written whole
                    Skip(field, depth + 1);
                }
            }

            default:
                throw new ParquetBoundsException($"a value of unknown type {type}", Offset);
        }
    }

    private void Bytes(int count)
    {
        if (count > _length - _pos) throw new ParquetBoundsException($"{count} bytes declared where {_length - _pos} are left", Offset);
        _pos += count;
    }
}
