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
        string folder = Path.Combine(TestPaths.TestFixtures, "png");
        foreach (var file in Directory.EnumerateFiles(folder, "grey*.png"))
        {
            var original = Decode(File.ReadAllBytes(file));
            var format = original.BitDepth == 16 ? PngPixelFormat.Grey16 : PngPixelFormat.Grey8;
            Assert.Equal(original.Labels, Decode(Write(original.Labels, original.Width, original.Height, format)).Labels);
        }
    }

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    public void Every_filter_decodes_at_every_width_including_the_vectorised_paths(int bits)
    {
        // Rows filtered here by a plain implementation of the specification, one filter per row in turn, widths
        // around the 16-byte blocks the decoder's Sub and Up work in.
        var random = new Random(11);
        int bpp = bits / 8;
        foreach (int width in Enumerable.Range(1, 40).Concat([63, 64, 65, 127, 129, 1024]))
        {
            int height = 10, stride = width * bpp;
            var samples = new byte[height * stride];
            random.NextBytes(samples);
            var filtered = new byte[height * (stride + 1)];
            for (int y = 0; y < height; y++)
            {
                byte filter = (byte)(y % 5);
                filtered[y * (stride + 1)] = filter;
                for (int x = 0; x < stride; x++)
                {
                    int a = x >= bpp ? samples[y * stride + x - bpp] : 0, b = y > 0 ? samples[(y - 1) * stride + x] : 0;
                    int c = x >= bpp && y > 0 ? samples[(y - 1) * stride + x - bpp] : 0;
                    int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
                    int predictor = filter switch { 0 => 0, 1 => a, 2 => b, 3 => (a + b) / 2, _ => pa <= pb && pa <= pc ? a : pb <= pc ? b : c };
                    filtered[y * (stride + 1) + 1 + x] = (byte)(samples[y * stride + x] - predictor);
                }
            }

            var image = Decode(PngBytes(width, height, bits, filtered));
            var expected = new ushort[width * height];
            for (int i = 0; i < expected.Length; i++) expected[i] = bpp == 1 ? samples[i] : (ushort)(samples[2 * i] << 8 | samples[2 * i + 1]);
            Assert.True(expected.AsSpan().SequenceEqual(image.Labels), $"width {width}");
        }
    }

    private static byte[] PngBytes(int width, int height, int bits, byte[] filteredRows)
    {
        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = (byte)bits;
        Chunk(output, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true)) zlib.Write(filteredRows);
            Chunk(output, "IDAT", compressed.ToArray());
        }

        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        var word = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        output.Write(typeBytes);
        output.Write(data);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(word, System.IO.Hashing.Crc32.HashToUInt32([.. typeBytes, .. data]));
        output.Write(word);
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
