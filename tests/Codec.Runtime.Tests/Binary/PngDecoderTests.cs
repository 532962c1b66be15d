using Codec.Runtime.Binary.Image;
using Codec.Runtime.Binary.Numpy;
using Codec.Runtime.Findings;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Runtime;

/// <summary>
/// The PNG image decoder against Pillow, on images of every colour type, bit depth and interlacing written by
/// Pillow or by an encoder of their own (tests/Fixtures/png/make_images.py), and on damaged copies of them.
/// </summary>
public sealed class PngDecoderTests
{
    public static TheoryData<string> Images() => new(Directory.GetFiles(Path.Combine(TestPaths.TestFixtures, "png"), "image.*.png").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Images))]
    public void Decoded_pixels_equal_the_reference_decoders(string name)
    {
        string png = Path.Combine(TestPaths.TestFixtures, "png", name);
        var sink = new FindingSink();
        var image = PngDecoder.Decode(File.ReadAllBytes(png), sink, png);
        Assert.True(image is not null, string.Join("; ", sink.Findings));
        Assert.Empty(sink.Findings);

        var reference = NpyFile.Decode(File.ReadAllBytes(Path.ChangeExtension(png, ".npy")), sink)!;
        var expected = new double[reference.Length];
        reference.CopyTo(expected);
        int channels = reference.Shape.Count == 3 ? (int)reference.Shape[2] : 1;
        Assert.Equal((reference.Shape[1], reference.Shape[0], channels), (image.Width, image.Height, image.Channels));
        Assert.Equal(name.Contains("16") ? SampleKind.UInt16 : SampleKind.UInt8, image.Kind);
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                for (int c = 0; c < channels; c++)
                    Assert.True(expected[(((y * image.Width) + x) * channels) + c] == image.At(x, y, c), $"{name}: pixel ({x}, {y}) channel {c}");
            }
        }

        if (name.Contains("palette"))
        {
            Assert.NotNull(image.Palette);
            Assert.Equal(name.Contains("trns"), image.PaletteAlpha is not null);
        }
    }

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(TestPaths.TestFixtures, "png", name));

    [Fact]
    public void A_truncated_image_is_a_located_finding()
    {
        var png = Fixture("image.rgb16.png");
        // Cut inside the image data and mend the chunk's length and CRC, so that only the pixels are missing.
        var cut = PngTestFiles.WithIdat(png, idat => idat[..(idat.Length / 2)]);
        var sink = new FindingSink();
        Assert.Null(PngDecoder.Decode(cut, sink));
        var finding = Assert.Single(sink.Findings);
        Assert.True(finding.Code is FindingCodes.DataTruncated or FindingCodes.BadArchive, finding.ToString());

        sink = new FindingSink();
        Assert.Null(PngDecoder.Decode(png.AsSpan(0, png.Length - 30), sink));
        Assert.Equal(FindingCodes.DataTruncated, Assert.Single(sink.Findings).Code);
    }

    [Fact]
    public void A_header_that_promises_more_pixels_than_its_data_holds_is_refused_before_allocation()
    {
        var png = Fixture("image.rgb8.png");
        var lying = PngTestFiles.WithHeader(png, width: 16_000, height: 16_000);
        var sink = new FindingSink();
        Assert.Null(PngDecoder.Decode(lying, sink));
        Assert.Equal(FindingCodes.CompressionBomb, Assert.Single(sink.Findings).Code);
    }

    [Fact]
    public void A_colour_type_and_depth_png_does_not_have_is_a_header_finding()
    {
        var sink = new FindingSink();
        Assert.Null(PngDecoder.Decode(PngTestFiles.WithHeader(Fixture("image.rgb8.png"), bitDepth: 4), sink));
        Assert.Equal(FindingCodes.BadHeader, Assert.Single(sink.Findings).Code);
    }

    [Fact]
    public void Blank_and_ranges_describe_the_pixels()
    {
        var flat = new ImagePixels(4, 3, 3, SampleKind.UInt8, Enumerable.Repeat(new byte[] { 10, 20, 30 }, 12).SelectMany(b => b).ToArray());
        Assert.True(flat.IsBlank);
        Assert.Equal(new ChannelRange(20, 20, 0), flat.Ranges()[1]);
        var image = PngDecoder.Decode(Fixture("image.rgb8.png"), new FindingSink())!;
        Assert.False(image.IsBlank);
        Assert.All(image.Ranges(), r => Assert.True(r.Min >= 0 && r.Max <= 255 && r.Min < r.Max));
    }

    [Fact]
    public void Planes_interleave_into_one_image_as_floats_when_their_kinds_differ()
    {
        var halves = new ImagePixels(2, 1, 1, SampleKind.Float16, System.Runtime.InteropServices.MemoryMarshal.AsBytes(new[] { (Half)0.5f, (Half)1.5f }.AsSpan()).ToArray());
        var floats = new ImagePixels(2, 1, 1, SampleKind.Float32, System.Runtime.InteropServices.MemoryMarshal.AsBytes(new[] { 2.25f, -3f }.AsSpan()).ToArray());
        var mixed = ImagePixels.Interleave([halves, floats]);
        Assert.Equal((SampleKind.Float32, 2), (mixed.Kind, mixed.Channels));
        Assert.Equal([0.5f, 2.25f, 1.5f, -3f], mixed.Samples<float>().ToArray());
        var same = ImagePixels.Interleave([halves, halves, halves]);
        Assert.Equal(SampleKind.Float16, same.Kind);
        Assert.Equal([(Half)0.5f, (Half)0.5f, (Half)0.5f, (Half)1.5f, (Half)1.5f, (Half)1.5f], same.Samples<Half>().ToArray());
        Assert.Throws<ArgumentException>(() => ImagePixels.Interleave([halves, new ImagePixels(1, 2, 1, SampleKind.Float16, new byte[4])]));
    }
}

/// <summary>Damaged copies of a PNG with their chunks kept well-formed, so that a decoder meets exactly one fault.</summary>
internal static class PngTestFiles
{
    public static byte[] WithIdat(byte[] png, Func<byte[], byte[]> change) => Rebuild(png, (type, data) => type == "IDAT" ? change(data) : data);

    public static byte[] WithHeader(byte[] png, int? width = null, int? height = null, int? bitDepth = null) => Rebuild(png, (type, data) =>
    {
        if (type != "IHDR") return data;
        var header = (byte[])data.Clone();
        if (width is { } w) System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, w);
        if (height is { } h) System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), h);
        if (bitDepth is { } d) header[8] = (byte)d;
        return header;
    });

    private static byte[] Rebuild(byte[] png, Func<string, byte[], byte[]> change)
    {
        var output = new List<byte>(png[..8]);
        for (int at = 8; at + 12 <= png.Length;)
        {
            int length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            string type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = change(type, png[(at + 8)..(at + 8 + length)]);
            var head = new byte[8];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(head, data.Length);
            System.Text.Encoding.ASCII.GetBytes(type, head.AsSpan(4));
            output.AddRange(head);
            output.AddRange(data);
            var crc = new byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, System.IO.Hashing.Crc32.HashToUInt32([.. head.AsSpan(4).ToArray(), .. data]));
            output.AddRange(crc);
            at += 12 + length;
        }

        return output.ToArray();
    }
}
