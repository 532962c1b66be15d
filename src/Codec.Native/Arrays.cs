using System.Runtime.InteropServices;
using System.Text.Json;
using Codec.Runtime.Binary.Image;

namespace Codec.Native;

/// <summary>Arrays handed out with their NumPy description: element type (<c>"&lt;f4"</c>, <c>"|u1"</c>) and shape.</summary>
internal static class Arrays
{
    private static readonly char Order = BitConverter.IsLittleEndian ? '<' : '>';

    public static string TypeOf<T>() where T : unmanaged => default(T) switch
    {
        byte => "|u1",
        sbyte => "|i1",
        ushort => Order + "u2",
        short => Order + "i2",
        uint => Order + "u4",
        int => Order + "i4",
        long => Order + "i8",
        Half => Order + "f2",
        float => Order + "f4",
        double => Order + "f8",
        _ => throw new ArgumentException("no NumPy type for " + typeof(T).Name),
    };

    /// <summary>Hands out <paramref name="values"/> as they lie, shaped <paramref name="shape"/>, and starts the answer's object with their description (the caller ends it).</summary>
    public static NativeArray Give<T>(T[] values, Utf8JsonWriter w, params long[] shape) where T : unmanaged =>
        Give(values, TypeOf<T>(), Marshal.SizeOf<T>(), (long)values.Length * Marshal.SizeOf<T>(), w, shape);

    /// <summary>Hands out <paramref name="bytes"/> bytes of <paramref name="values"/> as elements of <paramref name="dtype"/> (<paramref name="itemSize"/> bytes each), shaped <paramref name="shape"/>.</summary>
    public static NativeArray Give(Array values, string dtype, int itemSize, long bytes, Utf8JsonWriter w, params long[] shape)
    {
        long count = 1;
        foreach (long n in shape) count *= n;
        if (bytes < count * itemSize) throw new InvalidOperationException($"an array of {bytes} bytes cannot be shaped {string.Join("x", shape)} of {dtype}");
        w.WriteStartObject();
        w.WriteString("dtype", dtype);
        w.WriteStartArray("shape");
        foreach (long n in shape) w.WriteNumberValue(n);
        w.WriteEndArray();
        return Handles.Pin(values, count * itemSize);
    }

    /// <summary>An image's samples as they were decoded: <c>(height, width)</c> for one channel, else <c>(height, width, channels)</c>.</summary>
    public static NativeArray Give(ImagePixels image, Utf8JsonWriter w)
    {
        string dtype = image.Kind switch
        {
            SampleKind.UInt8 => "|u1",
            SampleKind.UInt16 => Order + "u2",
            SampleKind.UInt32 => Order + "u4",
            SampleKind.Float16 => Order + "f2",
            _ => Order + "f4",
        };
        long[] shape = image.Channels == 1 ? [image.Height, image.Width] : [image.Height, image.Width, image.Channels];
        var answer = Give(image.Data, dtype, ImagePixels.BytesOf(image.Kind), image.Data.LongLength, w, shape);
        w.WriteString("format", image.Format);
        return answer;
    }
}
