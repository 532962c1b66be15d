using Codec.Runtime.Binary.Image;
using Codec.Runtime.Findings;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Binary;

/// <summary>The PNG encoder: what it writes decodes to the same labels, in every pixel format, with valid chunks.</summary>
public sealed class PngWriterTests
{
    private static PngImage Decode(byte[] png)
    {
        var sink = new FindingSink();
        var image = PngImage.Decode(png, sink);
        Assert.Empty(sink.Findings); // chunk CRCs, sizes and the zlib stream are all checked by the decoder
        return image!;
    }

    private static byte[] Write(ushort[] labels, int width, int height, PngPixelFormat format)
    {
        using var stream = new MemoryStream();
        PngWriter.WriteLabels(stream, labels, width, height, format);
        return stream.ToArray();
    }

    [Theory]
    [InlineData(PngPixelFormat.Grey8, 255)]
    [InlineData(PngPixelFormat.Grey16, 65535)]
    public void Labels_round_trip(PngPixelFormat format, int maxLabel)
    {
        var random = new Random(4);
        foreach (var (width, height) in new[] { (1, 1), (37, 23), (300, 2), (1, 90) })
        {
            // Runs of labels, as masks have, plus noise so that every filter gets chosen somewhere.
            var labels = new ushort[width * height];
            for (int i = 0; i < labels.Length; i++) labels[i] = (ushort)(i % 7 == 0 ? random.Next(maxLabel + 1) : (i / 13) % (maxLabel + 1));
            var image = Decode(Write(labels, width, height, format));
            Assert.Equal((width, height, format == PngPixelFormat.Grey16 ? 16 : 8, 0), (image.Width, image.Height, image.BitDepth, image.ColorType));
            Assert.Equal(labels, image.Labels);
        }
    }

    [Fact]
    public void Python_written_fixtures_re_encode_to_the_same_labels()
    {
        string folder = Path.Combine(TestPaths.RepoRoot, "tests", "Codec.Tests", "Fixtures", "png");
        foreach (var file in Directory.EnumerateFiles(folder, "grey*.png"))
        {
            var original = Decode(File.ReadAllBytes(file));
            var format = original.BitDepth == 16 ? PngPixelFormat.Grey16 : PngPixelFormat.Grey8;
            Assert.Equal(original.Labels, Decode(Write(original.Labels, original.Width, original.Height, format)).Labels);
        }
    }

    [Fact]
    public void Rgb_images_have_the_declared_layout_and_a_valid_stream()
    {
        var pixels = new byte[4 * 3 * 3];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i * 7);
        using var stream = new MemoryStream();
        PngWriter.Write(stream, pixels, 4, 3, PngPixelFormat.Rgb8);
        var png = stream.ToArray();
        Assert.Equal(2, png[8 + 8 + 9]); // IHDR colour type: truecolour
        // The label decoder refuses RGB clearly rather than misreading it.
        var sink = new FindingSink();
        Assert.Null(PngImage.Decode(png, sink));
        Assert.Contains("colour type 2", Assert.Single(sink.Findings).Message);
    }

    [Fact]
    public void Wrong_sizes_and_labels_that_do_not_fit_are_refused()
    {
        using var stream = new MemoryStream();
        Assert.Throws<ArgumentException>(() => PngWriter.WriteLabels(stream, new ushort[5], 2, 2, PngPixelFormat.Grey8));
        Assert.Throws<ArgumentException>(() => PngWriter.WriteLabels(stream, new ushort[] { 256 }, 1, 1, PngPixelFormat.Grey8));
        Assert.Throws<ArgumentOutOfRangeException>(() => PngWriter.WriteLabels(stream, [], 0, 0, PngPixelFormat.Grey16));
    }
}
