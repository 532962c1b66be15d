using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Codec.Runtime.Binary.Exr;

/// <summary>Decodes and describes the attribute values of the types the OpenEXR file layout defines.</summary>
public static class ExrValues
{
    /// <summary>A value for <paramref name="type"/>, or raw bytes for a type the specification does not define.</summary>
    public static object? Decode(string type, ReadOnlySpan<byte> v, out string? error)
    {
        error = null;
        int length = v.Length;
        void Fixed(int size)
        {
            if (length != size) throw new FormatException($"a {type} is {size} bytes");
        }

        try
        {
            switch (type)
            {
                case "box2i":
                    Fixed(16);
                    return new ExrBox(I(v, 0), I(v, 1), I(v, 2), I(v, 3));
                case "box2f":
                    Fixed(16);
                    return Floats(v, 4);
                case "chlist":
                    return Channels(v);
                case "chromaticities":
                    Fixed(32);
                    return Floats(v, 8);
                case "compression":
                    Fixed(1);
                    if (v[0] > (byte)ExrCompression.Dwab) throw new FormatException($"unknown compression {v[0]}");
                    return (ExrCompression)v[0];
                case "lineOrder":
                    Fixed(1);
                    if (v[0] > 2) throw new FormatException($"unknown line order {v[0]}");
                    return v[0];
                case "envmap":
                case "deepImageState":
                    Fixed(1);
                    return v[0];
                case "double":
                    Fixed(8);
                    return BinaryPrimitives.ReadDoubleLittleEndian(v);
                case "float":
                    Fixed(4);
                    return BinaryPrimitives.ReadSingleLittleEndian(v);
                case "int":
                    Fixed(4);
                    return I(v, 0);
                case "rational":
                    Fixed(8);
                    return (I(v, 0), BinaryPrimitives.ReadUInt32LittleEndian(v[4..]));
                case "keycode":
                    Fixed(28);
                    return Ints(v, 7);
                case "timecode":
                    Fixed(8);
                    return new[] { BinaryPrimitives.ReadUInt32LittleEndian(v), BinaryPrimitives.ReadUInt32LittleEndian(v[4..]) };
                case "v2i": Fixed(8); return Ints(v, 2);
                case "v3i": Fixed(12); return Ints(v, 3);
                case "v2f": Fixed(8); return Floats(v, 2);
                case "v3f": Fixed(12); return Floats(v, 3);
                case "v2d": Fixed(16); return Doubles(v, 2);
                case "v3d": Fixed(24); return Doubles(v, 3);
                case "m33f": Fixed(36); return Floats(v, 9);
                case "m44f": Fixed(64); return Floats(v, 16);
                case "m33d": Fixed(72); return Doubles(v, 9);
                case "m44d": Fixed(128); return Doubles(v, 16);
                case "floatvector":
                    if (v.Length % 4 != 0) throw new FormatException("a floatvector is a multiple of 4 bytes");
                    return Floats(v, v.Length / 4);
                case "string":
                    return Encoding.UTF8.GetString(v);
                case "stringvector":
                    return Strings(v);
                case "tiledesc":
                    Fixed(9);
                    int x = I(v, 0), y = I(v, 1);
                    if (x <= 0 || y <= 0) throw new FormatException($"tile size {x}×{y} is not positive");
                    if ((v[8] & 0xF) > 2 || (v[8] >> 4) > 1) throw new FormatException($"unknown level mode byte 0x{v[8]:x2}");
                    return new ExrTiles(x, y, v[8] & 0xF, v[8] >> 4);
                case "preview":
                    if (v.Length < 8) throw new FormatException("a preview starts with its width and height");
                    long pixels = (long)BinaryPrimitives.ReadUInt32LittleEndian(v) * BinaryPrimitives.ReadUInt32LittleEndian(v[4..]);
                    if (8 + pixels * 4 != v.Length) throw new FormatException($"a {BinaryPrimitives.ReadUInt32LittleEndian(v)}×{BinaryPrimitives.ReadUInt32LittleEndian(v[4..])} preview is {8 + pixels * 4} bytes");
                    return (Width: BinaryPrimitives.ReadUInt32LittleEndian(v), Height: BinaryPrimitives.ReadUInt32LittleEndian(v[4..]));
                default:
                    return v.ToArray();
            }
        }
        catch (FormatException e)
        {
            error = e.Message;
            return null;
        }
    }

    /// <summary>A value as one line of text, as <c>codec inspect</c> prints it.</summary>
    public static string Describe(ExrAttribute attribute) => attribute.Value switch
    {
        ExrBox box => box.ToString(),
        IReadOnlyList<ExrChannel> channels => string.Join(", ", channels.Select(c => $"{c.Name} {PixelType(c.Type)}{(c.XSampling != 1 || c.YSampling != 1 ? $" sampled {c.XSampling}×{c.YSampling}" : "")}")),
        ExrCompression c => CompressionName(c),
        byte b when attribute.Type == "lineOrder" => b switch { 0 => "increasing y", 1 => "decreasing y", _ => "random y" },
        ExrTiles t => $"{t.XSize}×{t.YSize} tiles, {(t.LevelMode switch { 0 => "one level", 1 => "mipmap", _ => "ripmap" })}{(t.LevelMode > 0 ? t.RoundingMode == 0 ? " rounded down" : " rounded up" : "")}",
        string s => "\"" + (s.Length > 120 ? s[..117] + "..." : s) + "\"" + (s.Length > 120 ? $" ({Encoding.UTF8.GetByteCount(s)} bytes)" : ""),
        string[] list => "[" + string.Join(", ", list.Select(s => "\"" + s + "\"")) + "]",
        float f => N(f),
        double d => N(d),
        int i => i.ToString(CultureInfo.InvariantCulture),
        byte b => b.ToString(CultureInfo.InvariantCulture),
        float[] fs => "(" + string.Join(" ", fs.Select(x => N(x))) + ")",
        double[] ds => "(" + string.Join(" ", ds.Select(N)) + ")",
        int[] ints => "(" + string.Join(" ", ints) + ")",
        uint[] uints => "(" + string.Join(" ", uints) + ")",
        (int numerator, uint denominator) => $"{numerator}/{denominator}",
        (uint width, uint height) => $"{width}×{height} preview image",
        byte[] raw => $"{raw.Length} bytes of custom type {attribute.Type}",
        _ => attribute.Value.ToString() ?? "",
    };

    public static string PixelType(ExrPixelType type) => type switch { ExrPixelType.Half => "half", ExrPixelType.Float => "float", _ => "uint" };

    public static string CompressionName(ExrCompression c) => c switch
    {
        ExrCompression.None => "none",
        ExrCompression.Rle => "rle",
        ExrCompression.Zips => "zips (zip, one scanline)",
        ExrCompression.Zip => "zip (16 scanlines)",
        ExrCompression.Piz => "piz",
        ExrCompression.Pxr24 => "pxr24",
        ExrCompression.B44 => "b44",
        ExrCompression.B44a => "b44a",
        ExrCompression.Dwaa => "dwaa",
        _ => "dwab",
    };

    private static string N(double value) => value.ToString("G7", CultureInfo.InvariantCulture);

    private static int I(ReadOnlySpan<byte> v, int index) => BinaryPrimitives.ReadInt32LittleEndian(v[(index * 4)..]);

    private static int[] Ints(ReadOnlySpan<byte> v, int count)
    {
        var r = new int[count];
        for (int i = 0; i < count; i++) r[i] = I(v, i);
        return r;
    }

    private static float[] Floats(ReadOnlySpan<byte> v, int count)
    {
        var r = new float[count];
        for (int i = 0; i < count; i++) r[i] = BinaryPrimitives.ReadSingleLittleEndian(v[(i * 4)..]);
        return r;
    }

    private static double[] Doubles(ReadOnlySpan<byte> v, int count)
    {
        var r = new double[count];
        for (int i = 0; i < count; i++) r[i] = BinaryPrimitives.ReadDoubleLittleEndian(v[(i * 8)..]);
        return r;
    }

    private static string[] Strings(ReadOnlySpan<byte> v)
    {
        var list = new List<string>();
        while (!v.IsEmpty)
        {
            if (v.Length < 4) throw new FormatException("a stringvector entry is cut short");
            int length = BinaryPrimitives.ReadInt32LittleEndian(v);
            if (length < 0 || length > v.Length - 4) throw new FormatException($"a stringvector entry of {length} bytes does not fit");
            list.Add(Encoding.UTF8.GetString(v.Slice(4, length)));
            v = v[(4 + length)..];
        }

        return list.ToArray();
    }

    // name\0, int32 pixel type, uint8 pLinear, 3 reserved, int32 xSampling, int32 ySampling; a NUL ends the list.
    private static List<ExrChannel> Channels(ReadOnlySpan<byte> v)
    {
        var channels = new List<ExrChannel>();
        while (true)
        {
            if (v.IsEmpty) throw new FormatException("the channel list has no terminating NUL");
            if (v[0] == 0)
            {
                if (v.Length != 1) throw new FormatException($"{v.Length - 1} bytes follow the channel list's end");
                if (channels.Count == 0) throw new FormatException("the channel list is empty");
                return channels;
            }

            int end = v.IndexOf((byte)0);
            if (end < 0 || end > 255 || v.Length < end + 1 + 16) throw new FormatException("a channel entry is cut short");
            string name = Encoding.UTF8.GetString(v[..end]);
            var rest = v[(end + 1)..];
            int type = BinaryPrimitives.ReadInt32LittleEndian(rest);
            int xs = BinaryPrimitives.ReadInt32LittleEndian(rest[8..]), ys = BinaryPrimitives.ReadInt32LittleEndian(rest[12..]);
            if (type is < 0 or > 2) throw new FormatException($"channel \"{name}\" has pixel type {type} (0 uint, 1 half, 2 float)");
            if (xs < 1 || ys < 1) throw new FormatException($"channel \"{name}\" has sampling {xs}×{ys}; both must be at least 1");
            if (channels.Any(c => c.Name == name)) throw new FormatException($"channel \"{name}\" is listed twice");
            channels.Add(new ExrChannel(name, (ExrPixelType)type, rest[4] != 0, xs, ys));
            v = rest[16..];
        }
    }
}
