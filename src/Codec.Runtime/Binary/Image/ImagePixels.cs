using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Codec.Runtime.Binary.Image;

/// <summary>The type of an image's samples, as its file stores them.</summary>
public enum SampleKind
{
    UInt8,
    UInt16,
    UInt32,
    Float16,
    Float32,
}

/// <summary>One channel's values over an image: the least and largest finite value and how many are not finite.</summary>
public readonly record struct ChannelRange(double Min, double Max, long NonFinite);

/// <summary>
/// A decoded image: <see cref="Width"/> × <see cref="Height"/> pixels of <see cref="Channels"/> interleaved samples,
/// row by row from the top, each of <see cref="Kind"/> in the machine's byte order. <see cref="Samples{T}"/> serves them
/// as a typed span without a copy (<c>byte</c>, <c>ushort</c>, <c>uint</c>, <c>Half</c> or <c>float</c>).
/// </summary>
public sealed class ImagePixels
{
    public ImagePixels(int width, int height, int channels, SampleKind kind, byte[] data)
    {
        if (width <= 0 || height <= 0 || channels is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(width), "an image has a positive size and 1 to 4 channels");
        if (data.LongLength != (long)width * height * channels * BytesOf(kind)) throw new ArgumentException("the data is not width × height × channels samples", nameof(data));
        Width = width;
        Height = height;
        Channels = channels;
        Kind = kind;
        Data = data;
    }

    public int Width { get; }
    public int Height { get; }
    public int Channels { get; }
    public SampleKind Kind { get; }

    /// <summary>The samples' bytes, in the machine's byte order.</summary>
    public byte[] Data { get; }

    /// <summary>How the file stores the pixels, in words ("8-bit RGB, Adam7 interlaced").</summary>
    public string Format { get; init; } = "";

    /// <summary>The text the file describes itself with (a TIFF's ImageDescription), or null.</summary>
    public string? Description { get; init; }

    /// <summary>For a palette image (whose one channel holds indices): the palette's RGB entries, else null.</summary>
    public byte[]? Palette { get; init; }

    /// <summary>For a palette image: the alpha of its first entries (PNG's tRNS), else null.</summary>
    public byte[]? PaletteAlpha { get; init; }

    public long PixelCount => (long)Width * Height;

    public static int BytesOf(SampleKind kind) => kind switch
    {
        SampleKind.UInt8 => 1,
        SampleKind.UInt16 or SampleKind.Float16 => 2,
        _ => 4,
    };

    /// <summary>The samples as <typeparamref name="T"/>, which must be the size of <see cref="Kind"/>'s samples.</summary>
    public ReadOnlySpan<T> Samples<T>() where T : unmanaged
    {
        if (System.Runtime.CompilerServices.Unsafe.SizeOf<T>() != BytesOf(Kind)) throw new InvalidOperationException($"the samples are {Kind}, not {typeof(T).Name}");
        return MemoryMarshal.Cast<byte, T>(Data);
    }

    /// <summary>Sample <paramref name="channel"/> of pixel (<paramref name="x"/>, <paramref name="y"/>) as a number.</summary>
    public double At(int x, int y, int channel) => Value(((((long)y * Width) + x) * Channels) + channel);

    private double Value(long index) => Kind switch
    {
        SampleKind.UInt8 => Data[index],
        SampleKind.UInt16 => MemoryMarshal.Cast<byte, ushort>(Data)[(int)index],
        SampleKind.UInt32 => MemoryMarshal.Cast<byte, uint>(Data)[(int)index],
        SampleKind.Float16 => (double)MemoryMarshal.Cast<byte, Half>(Data)[(int)index],
        _ => MemoryMarshal.Cast<byte, float>(Data)[(int)index],
    };

    /// <summary>
    /// One image of 1 to 4 one-channel images of the same size (an EXR's R, G and B as one RGB image), their samples
    /// interleaved. Of one sample kind they keep it; of several, every sample becomes a 32-bit float.
    /// </summary>
    public static ImagePixels Interleave(IReadOnlyList<ImagePixels> planes)
    {
        if (planes.Count is < 1 or > 4 || planes.Any(p => p.Channels != 1 || p.Width != planes[0].Width || p.Height != planes[0].Height))
            throw new ArgumentException("1 to 4 one-channel images of one size", nameof(planes));
        var kind = planes.All(p => p.Kind == planes[0].Kind) ? planes[0].Kind : SampleKind.Float32;
        int count = planes.Count;
        var data = new byte[planes[0].PixelCount * count * BytesOf(kind)];
        for (int c = 0; c < count; c++)
        {
            switch (BytesOf(kind))
            {
                case 1:
                    Scatter<byte>(planes[c].Data, data, c, count);
                    break;
                case 2:
                    Scatter(MemoryMarshal.Cast<byte, ushort>(planes[c].Data), MemoryMarshal.Cast<byte, ushort>(data.AsSpan()), c, count);
                    break;
                default:
                    ReadOnlySpan<uint> source = planes[c].Kind == kind ? MemoryMarshal.Cast<byte, uint>(planes[c].Data) : MemoryMarshal.Cast<float, uint>(planes[c].ToSingles());
                    Scatter(source, MemoryMarshal.Cast<byte, uint>(data.AsSpan()), c, count);
                    break;
            }
        }

        return new ImagePixels(planes[0].Width, planes[0].Height, count, kind, data) { Format = string.Join(", ", planes.Select(p => p.Format).Distinct()) };
    }

    // One plane's samples into every count-th place of the interleaved samples, from place c.
    private static void Scatter<T>(ReadOnlySpan<T> plane, Span<T> into, int c, int count)
    {
        for (int i = 0; i < plane.Length; i++) into[(i * count) + c] = plane[i];
    }

    /// <summary>
    /// Every sample as a float, interleaved as stored: one pass, for checks that read every pixel. Within an
    /// <see cref="ImageArrays"/> scope the array is lent, valid until the scope ends, as the decoders' pixels are.
    /// </summary>
    public float[] ToSingles()
    {
        var values = ImageArrays.Uninitialized<float>(checked((int)(PixelCount * Channels)));
        CopySingles(0, values);
        return values;
    }

    /// <summary>The samples from index <paramref name="start"/> on as floats, as many as fit <paramref name="into"/>: a part of <see cref="ToSingles"/>.</summary>
    public void CopySingles(int start, Span<float> into)
    {
        switch (Kind)
        {
            case SampleKind.UInt8:
                Widen(Data.AsSpan(start, into.Length), into);
                break;
            case SampleKind.UInt16:
                Widen(MemoryMarshal.Cast<byte, ushort>(Data).Slice(start, into.Length), into);
                break;
            case SampleKind.UInt32:
                var ints = MemoryMarshal.Cast<byte, uint>(Data).Slice(start, into.Length);
                for (int i = 0; i < into.Length; i++) into[i] = ints[i];
                break;
            case SampleKind.Float16:
                SampleBytes.HalvesToSingles(MemoryMarshal.Cast<byte, ushort>(Data).Slice(start, into.Length), into);
                break;
            default:
                MemoryMarshal.Cast<byte, float>(Data).Slice(start, into.Length).CopyTo(into);
                break;
        }
    }

    // 8- and 16-bit samples to floats, 16 or 8 at a time: widened to 32-bit integers (exact in a float) and converted.
    private static void Widen(ReadOnlySpan<byte> samples, Span<float> into)
    {
        int i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            for (; i + 16 <= samples.Length; i += 16)
            {
                var (low, high) = Vector128.Widen(Vector128.Create(samples.Slice(i, 16)));
                Widen(low, into.Slice(i, 8));
                Widen(high, into.Slice(i + 8, 8));
            }
        }

        for (; i < samples.Length; i++) into[i] = samples[i];
    }

    private static void Widen(ReadOnlySpan<ushort> samples, Span<float> into)
    {
        int i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            for (; i + 8 <= samples.Length; i += 8) Widen(Vector128.Create(samples.Slice(i, 8)), into.Slice(i, 8));
        }

        for (; i < samples.Length; i++) into[i] = samples[i];
    }

    private static void Widen(Vector128<ushort> eight, Span<float> into)
    {
        var (low, high) = Vector128.Widen(eight);
        Vector128.ConvertToSingle(low.AsInt32()).CopyTo(into);
        Vector128.ConvertToSingle(high.AsInt32()).CopyTo(into[4..]);
    }

    /// <summary>Every channel's range, in one pass over the samples as floats (exact for every kind but 32-bit integers).</summary>
    public IReadOnlyList<ChannelRange> Ranges()
    {
        var min = new float[Channels];
        var max = new float[Channels];
        var nonFinite = new long[Channels];
        Array.Fill(min, float.PositiveInfinity);
        Array.Fill(max, float.NegativeInfinity);

        // Row by row through a buffer of floats, so that no copy of the whole image is made.
        var row = new float[Width * Channels];
        for (int y = 0; y < Height; y++)
        {
            CopySingles(y * row.Length, row);
            for (int c = 0; c < Channels; c++)
            {
                float low = min[c], high = max[c];
                long bad = 0;
                for (int i = c; i < row.Length; i += Channels)
                {
                    float v = row[i];
                    if (!float.IsFinite(v))
                    {
                        bad++;
                        continue;
                    }

                    if (v < low) low = v;
                    if (v > high) high = v;
                }

                (min[c], max[c]) = (low, high);
                nonFinite[c] += bad;
            }
        }

        return Enumerable.Range(0, Channels).Select(c => nonFinite[c] == PixelCount ? new ChannelRange(double.NaN, double.NaN, nonFinite[c]) : new ChannelRange(min[c], max[c], nonFinite[c])).ToList();
    }

    /// <summary>True when every pixel is the same (an all-black or all-white render): the first row repeats its first pixel, and every row the first.</summary>
    public bool IsBlank
    {
        get
        {
            int pixel = Channels * BytesOf(Kind), row = pixel * Width;
            var first = Data.AsSpan(0, pixel);
            var firstRow = Data.AsSpan(0, row);
            for (int at = pixel; at < row; at += pixel)
            {
                if (!firstRow.Slice(at, pixel).SequenceEqual(first)) return false;
            }

            for (long at = row; at < Data.LongLength; at += row)
            {
                if (!Data.AsSpan((int)at, row).SequenceEqual(firstRow)) return false;
            }

            return true;
        }
    }
}
