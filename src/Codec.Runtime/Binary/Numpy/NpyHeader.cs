using System.Text;
using Codec.Runtime.Findings;

namespace Codec.Runtime.Binary.Numpy;

/// <summary>
/// A parsed <c>.npy</c> header: format version, dtype, memory order, shape, and where the data is — every size
/// checked against the file's real length before anything is allocated or read.
/// </summary>
public sealed record NpyHeader(int Major, int Minor, NpyDType DType, bool FortranOrder, IReadOnlyList<long> Shape, long DataOffset, long ElementCount)
{
    /// <summary>Bytes of array data: element count × item size.</summary>
    public long DataLength => ElementCount * DType.ItemSize;

    /// <summary>Longest header read (NumPy itself refuses more than 10,000 characters unless told otherwise).</summary>
    public const int MaxHeaderBytes = 1 << 20;

    internal static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Bytes needed to know the header's length: magic, version and the length field.</summary>
    public const int PrefixBytes = 12;

    /// <summary>
    /// Where the header ends (the data starts) by the length field of a file's first bytes, or 0 when they are too few
    /// to say; a caller that read only a prefix uses it to know whether the prefix holds the whole header.
    /// </summary>
    public static long DeclaredEnd(ReadOnlySpan<byte> prefix) =>
        prefix.Length < PrefixBytes ? 0 : prefix[6] == 1
            ? 10 + System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(prefix[8..])
            : 12L + System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(prefix[8..]);

    /// <summary>
    /// Reads the header at the start of <paramref name="file"/> (which may be just the file's first bytes:
    /// <paramref name="fileLength"/> is the whole file's length). Problems are findings; null when unusable.
    /// </summary>
    public static NpyHeader? Read(ReadOnlySpan<byte> file, long fileLength, FindingSink sink, string path = "")
    {
        if (file.Length < 10 || !file.StartsWith(Magic))
        {
            sink.ReportAt(FindingCodes.BadSignature, path, 0, file.Length < 6 ? $"the file has {fileLength} bytes: too short for a .npy file" : "not a .npy file: it does not start with \\x93NUMPY");
            return null;
        }

        int major = file[6], minor = file[7];
        if (minor != 0 || major is < 1 or > 3)
        {
            sink.ReportAt(FindingCodes.UnsupportedFormatVersion, path, 6, $"format version {major}.{minor} is not one of 1.0, 2.0, 3.0");
            return null;
        }

        int lengthBytes = major == 1 ? 2 : 4;
        if (file.Length < 8 + lengthBytes)
        {
            sink.ReportAt(FindingCodes.DataTruncated, path, 8, "the file ends inside the header length field");
            return null;
        }

        long headerLength = major == 1 ? System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(file[8..]) : System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(file[8..]);
        long dataOffset = 8 + lengthBytes + headerLength;
        if (headerLength > MaxHeaderBytes)
        {
            sink.ReportAt(FindingCodes.BadHeader, path, 8, $"the header claims {headerLength} bytes; more than {MaxHeaderBytes} are not read");
            return null;
        }

        if (dataOffset > fileLength || dataOffset > file.Length)
        {
            sink.ReportAt(FindingCodes.DataTruncated, path, 8, $"the header claims {headerLength} bytes, but the file has only {Math.Max(0, fileLength - 8 - lengthBytes)} after the length field");
            return null;
        }

        var raw = file.Slice(8 + lengthBytes, (int)headerLength);
        int textOffset = 8 + lengthBytes;
        int shapeOffset = textOffset;
        // The header every NumPy writes ({'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }) is read
        // straight from the bytes without allocating; anything else goes through the general literal reader.
        if (!TryReadStandard(raw, out var dtype, out bool fortranOrder, out long[] shape))
        {
            if (!ReadLiteral(raw, major, textOffset, sink, path, out dtype, out fortranOrder, out shape, out shapeOffset)) return null;
        }

        long count = 1;
        foreach (long n in shape)
        {
            if (n < 0)
            {
                sink.ReportAt(FindingCodes.SizeOverflow, path, shapeOffset, $"shape ({string.Join(", ", shape)}) has a negative dimension");
                return null;
            }

            if (n != 0 && count > long.MaxValue / n)
            {
                sink.ReportAt(FindingCodes.SizeOverflow, path, shapeOffset, $"shape ({string.Join(", ", shape)}) has more elements than 64 bits can count");
                return null;
            }

            count *= n;
        }

        if (count != 0 && dtype!.ItemSize > long.MaxValue / count)
        {
            sink.ReportAt(FindingCodes.SizeOverflow, path, shapeOffset, $"shape ({string.Join(", ", shape)}) of {dtype.ItemSize}-byte items is more bytes than 64 bits can count");
            return null;
        }

        var header = new NpyHeader(major, minor, dtype!, fortranOrder, shape, dataOffset, count);
        long available = fileLength - dataOffset;
        if (header.DataLength > available)
        {
            sink.ReportAt(FindingCodes.DataTruncated, path, dataOffset,
                $"shape ({string.Join(", ", shape)}) of {header.DType.Descr} needs {header.DataLength} bytes of data; the file has {available}");
            return null;
        }

        if (header.DataLength < available)
        {
            sink.Add(new Finding(FindingCodes.TrailingBytes, Severity.Warning, path, $"{available - header.DataLength} bytes after the array data are ignored")
                { Offset = dataOffset + header.DataLength });
        }

        return header;
    }

    private static bool ReadLiteral(ReadOnlySpan<byte> raw, int major, int textOffset, FindingSink sink, string path,
        out NpyDType? dtype, out bool fortranOrder, out long[] shape, out int shapeOffset)
    {
        dtype = null;
        fortranOrder = false;
        shape = Array.Empty<long>();
        shapeOffset = textOffset;
        string text;
        try
        {
            // 1.0 and 2.0 headers are latin-1; 3.0 is UTF-8 (for non-latin-1 field names).
            text = major == 3 ? new UTF8Encoding(false, true).GetString(raw) : Encoding.Latin1.GetString(raw);
        }
        catch (DecoderFallbackException)
        {
            sink.ReportAt(FindingCodes.BadHeader, path, textOffset, "a format 3.0 header that is not UTF-8");
            return false;
        }

        PyValue literal;
        try
        {
            literal = PyLiteralReader.Parse(text.TrimEnd('\n', ' ', '\0'));
        }
        catch (PyLiteralException e)
        {
            sink.ReportAt(FindingCodes.BadHeader, path, textOffset + e.Offset, "header: " + e.Message);
            return false;
        }

        if (literal is not PyDict dict)
        {
            sink.ReportAt(FindingCodes.BadHeader, path, textOffset, "the header is not a dict");
            return false;
        }

        var keys = dict.Entries.Select(e => e.Key).ToList();
        if (keys.Count != 3 || keys.Distinct().Count() != 3 || !keys.Contains("descr") || !keys.Contains("fortran_order") || !keys.Contains("shape"))
        {
            sink.ReportAt(FindingCodes.BadHeader, path, textOffset, $"the header must have exactly the keys descr, fortran_order and shape; it has {string.Join(", ", keys)}");
            return false;
        }

        PyValue Get(string key) => dict.Entries.First(e => e.Key == key).Value;
        dtype = ReadDType(Get("descr"), sink, path, textOffset);
        if (dtype is null) return false;

        if (Get("fortran_order") is not PyBool fortran)
        {
            sink.ReportAt(FindingCodes.BadHeader, path, textOffset + Get("fortran_order").Offset, "fortran_order must be True or False");
            return false;
        }

        if (Get("shape") is not PySequence { IsTuple: true } shapeTuple || shapeTuple.Items.Any(i => i is not PyInt))
        {
            sink.ReportAt(FindingCodes.BadHeader, path, textOffset + Get("shape").Offset, "shape must be a tuple of integers");
            return false;
        }

        fortranOrder = fortran.Value;
        shape = shapeTuple.Items.Select(i => ((PyInt)i).Value).ToArray();
        shapeOffset = textOffset + shapeTuple.Offset;
        return true;
    }

    private const int MaxFastRank = 32;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ulong, NpyDType> SimpleTypes = new();

    // {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), } in NumPy's key order, spaces allowed between tokens.
    private static bool TryReadStandard(ReadOnlySpan<byte> raw, out NpyDType? dtype, out bool fortranOrder, out long[] shape)
    {
        dtype = null;
        fortranOrder = false;
        shape = Array.Empty<long>();
        int at = 0;
        if (!Expect(raw, ref at, "{'descr':"u8)) return false;
        Space(raw, ref at);
        if (at >= raw.Length || raw[at] != (byte)'\'') return false;
        int start = ++at;
        while (at < raw.Length && raw[at] != (byte)'\'' && raw[at] != (byte)'\\') at++;
        var descr = raw[start..at];
        if (at >= raw.Length || raw[at] != (byte)'\'' || descr.Length is 0 or > 8) return false;
        at++;
        ulong key = 0;
        foreach (byte b in descr) key = (key << 8) | b;
        if (!SimpleTypes.TryGetValue(key, out var type))
        {
            type = NpyDType.Parse(Encoding.ASCII.GetString(descr), out _, out _);
            if (type is null) return false; // the general path reports it
            SimpleTypes.TryAdd(key, type);
        }

        if (!Expect(raw, ref at, ","u8) || !Expect(raw, ref at, "'fortran_order':"u8)) return false;
        Space(raw, ref at);
        if (raw[at..].StartsWith("False"u8)) at += 5;
        else if (raw[at..].StartsWith("True"u8))
        {
            at += 4;
            fortranOrder = true;
        }
        else
        {
            return false;
        }

        if (!Expect(raw, ref at, ","u8) || !Expect(raw, ref at, "'shape':"u8) || !Expect(raw, ref at, "("u8)) return false;
        Span<long> dims = stackalloc long[MaxFastRank];
        int rank = 0;
        bool afterComma = false;
        while (true)
        {
            Space(raw, ref at);
            if (at < raw.Length && raw[at] == (byte)')')
            {
                at++;
                break;
            }

            if (rank == MaxFastRank || !Digits(raw, ref at, out dims[rank])) return false;
            rank++;
            afterComma = false;
            Space(raw, ref at);
            if (at < raw.Length && raw[at] == (byte)',')
            {
                at++;
                afterComma = true;
            }
            else if (at >= raw.Length || raw[at] != (byte)')')
            {
                return false;
            }
        }

        // "(3)" is not a tuple in Python: a one-element shape needs its comma.
        if (rank == 1 && !afterComma) return false;
        if (!Expect(raw, ref at, ","u8) || !Expect(raw, ref at, "}"u8)) return false;
        foreach (byte b in raw[at..])
        {
            if (b is not ((byte)' ' or (byte)'\n' or 0)) return false;
        }

        dtype = type;
        shape = dims[..rank].ToArray();
        return true;
    }

    private static bool Expect(ReadOnlySpan<byte> raw, ref int at, ReadOnlySpan<byte> token)
    {
        Space(raw, ref at);
        if (!raw[at..].StartsWith(token)) return false;
        at += token.Length;
        return true;
    }

    private static void Space(ReadOnlySpan<byte> raw, ref int at)
    {
        while (at < raw.Length && raw[at] == (byte)' ') at++;
    }

    private static bool Digits(ReadOnlySpan<byte> raw, ref int at, out long value)
    {
        value = 0;
        int start = at;
        while (at < raw.Length && (uint)(raw[at] - '0') <= 9)
        {
            if (value > (long.MaxValue - 9) / 10) return false;
            value = (value * 10) + (raw[at++] - '0');
        }

        return at > start;
    }

    private static NpyDType? ReadDType(PyValue descr, FindingSink sink, string path, int textOffset)
    {
        if (descr is PyStr simple)
        {
            var type = NpyDType.Parse(simple.Value, out string problem, out bool isObject);
            if (type is null) sink.ReportAt(isObject ? FindingCodes.ObjectArray : FindingCodes.UnsupportedElementType, path, textOffset + descr.Offset, problem);
            return type;
        }

        if (descr is not PySequence { IsTuple: false } list || list.Items.Count == 0)
        {
            sink.ReportAt(FindingCodes.BadHeader, path, textOffset + descr.Offset, "descr must be a dtype string or a list of (name, dtype) fields");
            return null;
        }

        var fields = new List<NpyField>();
        long offset = 0;
        foreach (var item in list.Items)
        {
            if (item is not PySequence { IsTuple: true, Items: [PyStr name, PyStr fieldType] })
            {
                sink.ReportAt(FindingCodes.UnsupportedElementType, path, textOffset + item.Offset,
                    "only structured dtypes of plain (name, dtype) fields are supported (no sub-arrays, no nested records)");
                return null;
            }

            var type = NpyDType.Parse(fieldType.Value, out string problem, out bool isObject);
            if (type is null)
            {
                sink.ReportAt(isObject ? FindingCodes.ObjectArray : FindingCodes.UnsupportedElementType, path, textOffset + fieldType.Offset, $"field '{name.Value}': {problem}");
                return null;
            }

            if (fields.Any(f => f.Name == name.Value))
            {
                sink.ReportAt(FindingCodes.BadHeader, path, textOffset + name.Offset, $"field '{name.Value}' is declared twice");
                return null;
            }

            fields.Add(new NpyField(name.Value, type, (int)offset));
            offset += type.ItemSize;
            if (offset > int.MaxValue)
            {
                sink.ReportAt(FindingCodes.SizeOverflow, path, textOffset + item.Offset, "the record's fields add up to more than 2 GiB per element");
                return null;
            }
        }

        return new NpyDType(NpyKind.Record, (int)offset, false, fields);
    }
}
