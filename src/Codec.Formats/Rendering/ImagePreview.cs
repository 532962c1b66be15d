using Codec.Runtime.Binary.Image;

namespace Codec.Formats.Rendering;

/// <summary>
/// Any decoded image as an 8-bit RGB picture to draw landmarks over: colour as it is (16 bits cut to 8, alpha left
/// out; floats within [0, 1], an EXR's beauty pass, times 255), palettes expanded, and values that are not colours made
/// visible — normals (floats within [-1, 1], some negative) from [-1, 1] to [0, 255], depth and other floats stretched
/// from their least to their largest finite value (nearer is darker; NaN and infinities black).
/// </summary>
public static class ImagePreview
{
    public static byte[] ToRgb8(ImagePixels image)
    {
        var rgb = new byte[image.PixelCount * 3];
        int colours = image.Channels >= 3 ? 3 : 1;
        var stretch = new (double Low, double Scale)[colours];
        var ranges = image.Kind is SampleKind.Float16 or SampleKind.Float32 or SampleKind.UInt32 ? image.Ranges() : null;
        bool unit = ranges is not null && colours == 3 && image.Kind != SampleKind.UInt32 && ranges.Take(3).All(r => r.Min >= 0 && r.Max <= 1);
        bool normals = !unit && ranges is not null && colours == 3 && ranges.Take(3).All(r => r.Min >= -1.001 && r.Max <= 1.001);
        for (int c = 0; c < colours; c++)
        {
            stretch[c] = image.Kind switch
            {
                SampleKind.UInt8 => (0, 1),
                SampleKind.UInt16 => (0, 1 / 257.0),
                _ when unit => (0, 255),
                _ when normals => (-1, 127.5),
                _ => ranges![c].Max > ranges[c].Min ? (ranges[c].Min, 255 / (ranges[c].Max - ranges[c].Min)) : (ranges[c].Min - 1, 127.5),
            };
        }

        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                long at = (((long)y * image.Width) + x) * 3;
                if (image.Palette is { } palette)
                {
                    int index = (int)image.At(x, y, 0) * 3;
                    for (int c = 0; c < 3; c++) rgb[at + c] = index + c < palette.Length ? palette[index + c] : (byte)0;
                    continue;
                }

                for (int c = 0; c < 3; c++)
                {
                    int channel = colours == 3 ? c : 0;
                    double v = image.At(x, y, channel);
                    rgb[at + c] = double.IsFinite(v) ? (byte)Math.Clamp(Math.Round((v - stretch[channel].Low) * stretch[channel].Scale), 0, 255) : (byte)0;
                }
            }
        }

        return rgb;
    }

    /// <summary>The preview as PNG bytes, to embed.</summary>
    public static byte[] ToPng(ImagePixels image)
    {
        using var output = new MemoryStream();
        PngWriter.Write(output, ToRgb8(image), image.Width, image.Height, PngPixelFormat.Rgb8);
        return output.ToArray();
    }
}
