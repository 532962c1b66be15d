using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Codec.Runtime.Binary.Numpy;

/// <summary>
/// Writes <c>.npy</c> files the way NumPy's <c>np.save</c> does, byte for byte: the header dict with sorted keys,
/// spare spaces for growing the first (C) or last (Fortran) axis, padded with spaces and a newline so the data
/// starts on a 64-byte boundary; format 1.0, or 2.0 when the header is too long for 1.0, or 3.0 when it needs UTF-8.
/// </summary>
public static class NpyWriter
{
    private const int Align = 64;
    private const int GrowthAxisMaxDigits = 21;

    /// <summary>The header bytes (magic through the newline) for an array of this dtype, shape and order.</summary>
    public static byte[] Header(NpyDType dtype, ReadOnlySpan<long> shape, bool fortranOrder)
    {
        var dims = shape.ToArray();
        var sb = new StringBuilder("{'descr': ");
        sb.Append(dtype.Kind == NpyKind.Record ? RecordDescr(dtype) : Repr(dtype.Descr));
        sb.Append(", 'fortran_order': ").Append(fortranOrder ? "True" : "False");
        sb.Append(", 'shape': ").Append(ShapeRepr(dims)).Append(", }");
        if (dims.Length > 0)
        {
            long growthAxis = dims[fortranOrder ? dims.Length - 1 : 0];
            sb.Append(' ', Math.Max(0, GrowthAxisMaxDigits - growthAxis.ToString(CultureInfo.InvariantCulture).Length));
        }

        string text = sb.ToString();
        bool latin1 = text.All(c => c <= 0xFF);
        if (latin1)
        {
            var bytes = Encoding.Latin1.GetBytes(text);
            if (Wrap(bytes, 1) is { } v1) return v1;
            return Wrap(bytes, 2) ?? throw new ArgumentException("the header is too long for any .npy format");
        }

        return Wrap(Encoding.UTF8.GetBytes(text), 3) ?? throw new ArgumentException("the header is too long for any .npy format");
    }

    /// <summary>Writes a whole <c>.npy</c> file: header, then <paramref name="data"/> (the elements as stored).</summary>
    public static void Write(IBufferWriter<byte> output, NpyDType dtype, ReadOnlySpan<long> shape, bool fortranOrder, ReadOnlySpan<byte> data)
    {
        long count = 1;
        foreach (long n in shape)
        {
            if (n < 0) throw new ArgumentException("a dimension is negative", nameof(shape));
            count = checked(count * n);
        }

        if (checked(count * dtype.ItemSize) != data.Length)
        {
            throw new ArgumentException($"{data.Length} bytes of data for {count} elements of {dtype.ItemSize} bytes", nameof(data));
        }

        output.Write(Header(dtype, shape, fortranOrder));
        output.Write(data);
    }

    /// <summary>Writes float32 values in C order as <c>&lt;f4</c>.</summary>
    public static void Write(IBufferWriter<byte> output, ReadOnlySpan<float> values, ReadOnlySpan<long> shape) =>
        Write(output, NpyDType.Float32, shape, false, System.Runtime.InteropServices.MemoryMarshal.AsBytes(values));

    private static byte[]? Wrap(byte[] header, int major)
    {
        int lengthField = major == 1 ? 2 : 4;
        int hlen = header.Length + 1;
        int pad = Align - ((6 + 2 + lengthField + hlen) % Align);
        long total = (long)hlen + pad;
        if (major == 1 && total > ushort.MaxValue) return null;
        if (total > uint.MaxValue) return null;
        var result = new byte[6 + 2 + lengthField + total];
        NpyHeader.Magic.CopyTo(result);
        result[6] = (byte)major;
        result[7] = 0;
        if (major == 1) BinaryPrimitives.WriteUInt16LittleEndian(result.AsSpan(8), (ushort)total);
        else BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(8), (uint)total);
        header.CopyTo(result, 8 + lengthField);
        result.AsSpan(8 + lengthField + header.Length, pad).Fill((byte)' ');
        result[^1] = (byte)'\n';
        return result;
    }

    private static string RecordDescr(NpyDType dtype) =>
        "[" + string.Join(", ", dtype.Fields!.Select(f => "(" + Repr(f.Name) + ", " + Repr(f.Type.Descr) + ")")) + "]";

    // Python's repr of a tuple of ints: (), (4,), (2, 3).
    private static string ShapeRepr(long[] dims) => dims.Length switch
    {
        0 => "()",
        1 => "(" + dims[0].ToString(CultureInfo.InvariantCulture) + ",)",
        _ => "(" + string.Join(", ", dims.Select(d => d.ToString(CultureInfo.InvariantCulture))) + ")",
    };

    // Python's repr of a str, for the names and dtype strings headers hold.
    private static string Repr(string value)
    {
        char quote = value.Contains('\'') && !value.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder().Append(quote);
        foreach (char c in value)
        {
            if (c == '\\' || c == quote) sb.Append('\\').Append(c);
            else if (c < 0x20 || c == 0x7F) sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }

        return sb.Append(quote).ToString();
    }
}
