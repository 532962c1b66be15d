using System.Buffers.Binary;
using Codec.Runtime.Binary.Image;
using Codec.Runtime.Binary.Numpy;
using Codec.Runtime.Findings;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Runtime;

/// <summary>
/// The TIFF decoder against libtiff, on images written by Pillow, tifffile and a writer of the floating-point
/// predictor as Synthesis AI uses it (tests/Fixtures/tiff/make_fixtures.py), on damaged copies of them, and on the
/// producer's own depth, normals and alpha where the shared fixtures are present.
/// </summary>
public sealed class TiffDecoderTests
{
    private static string Folder => Path.Combine(TestPaths.TestFixtures, "tiff");

    public static TheoryData<string> Images() => new(Directory.GetFiles(Folder, "image.*.tif").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Images))]
    public void Decoded_pixels_equal_libtiffs(string name)
    {
        string tif = Path.Combine(Folder, name);
        var sink = new FindingSink();
        var image = TiffDecoder.Decode(File.ReadAllBytes(tif), sink, tif);
        Assert.True(image is not null, string.Join("; ", sink.Findings));
        Assert.Empty(sink.Findings);

        var reference = NpyFile.Decode(File.ReadAllBytes(Path.ChangeExtension(tif, ".npy")), sink)!;
        var expected = new double[reference.Length];
        reference.CopyTo(expected);
        int channels = reference.Shape.Count == 3 ? (int)reference.Shape[2] : 1;
        Assert.Equal((reference.Shape[1], reference.Shape[0], channels), (image.Width, image.Height, image.Channels));
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                for (int c = 0; c < channels; c++)
                    Assert.True(expected[(((y * image.Width) + x) * channels) + c] == image.At(x, y, c), $"{name}: pixel ({x}, {y}) channel {c}: {expected[(((y * image.Width) + x) * channels) + c]} against {image.At(x, y, c)}");
            }
        }
    }

    [Fact]
    public void The_image_description_is_kept()
    {
        var image = TiffDecoder.Decode(File.ReadAllBytes(Path.Combine(Folder, "image.normals_float16_fp_predictor.tif")), new FindingSink())!;
        Assert.Equal("""{"shape": [17, 23, 3]}""", image.Description);
        Assert.Equal(SampleKind.Float16, image.Kind);
        Assert.Contains("floating-point predictor", image.Format);
    }

    [Fact]
    public void A_description_of_another_type_than_text_is_a_located_warning_and_the_pixels_still_decode()
    {
        var file = TiffBuilder.Build(4, 2, 1, 8, 1, new byte[8]);
        // The fifth entry (PhotometricInterpretation, a SHORT) becomes an ImageDescription typed SHORT: a number where text belongs.
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(10 + (12 * 4)), 270);
        var sink = new FindingSink();
        var image = TiffDecoder.Decode(file, sink);
        Assert.NotNull(image);
        Assert.Null(image.Description);
        var finding = Assert.Single(sink.Findings);
        Assert.Equal((FindingCodes.BadHeader, Severity.Warning, 10L + (12 * 4)), (finding.Code, finding.Severity, finding.Offset));
        Assert.Contains("ImageDescription) is of type SHORT, not ASCII", finding.Message);
    }

    [Fact]
    public void A_layout_tag_of_another_type_than_an_integer_is_a_located_finding()
    {
        foreach (ushort type in new ushort[] { 2, 5, 11 })
        {
            var file = TiffBuilder.Build(4, 2, 1, 8, 1, new byte[8]);
            BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(10 + 2), type); // ImageWidth's type: ASCII, RATIONAL, FLOAT
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(10 + 8), 8); // its value (or where it is) stays inside the file
            var sink = new FindingSink();
            Assert.Null(TiffDecoder.Decode(file, sink));
            var finding = Assert.Single(sink.Findings);
            Assert.Equal((FindingCodes.BadHeader, 10L), (finding.Code, finding.Offset));
            Assert.Contains("tag 256 (ImageWidth) is of type", finding.Message);
        }
    }

    [Fact]
    public void A_file_cut_short_is_a_located_finding()
    {
        foreach (var name in new[] { "image.rgb8_lzw.tif", "image.depth_float16_fp_predictor.tif", "image.grey8_tiles.tif", "image.rgba8_packbits.tif" })
        {
            var bytes = File.ReadAllBytes(Path.Combine(Folder, name));
            var sink = new FindingSink();
            Assert.Null(TiffDecoder.Decode(bytes.AsSpan(0, bytes.Length - 40), sink));
            var finding = Assert.Single(sink.Findings);
            Assert.True(finding.Code is FindingCodes.DataTruncated or FindingCodes.BadArchive or FindingCodes.BadHeader, $"{name}: {finding}");
            Assert.True(finding.Offset >= 0, $"{name}: {finding} is located");
        }
    }

    [Fact]
    public void A_header_promising_more_pixels_than_its_strips_hold_is_refused_before_allocation()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, "image.rgb8_deflate.tif"));
        // Rewrite ImageLength (tag 257) to 100,000 rows: the strips cannot hold them.
        var sink = new FindingSink();
        Assert.Null(TiffDecoder.Decode(WithTag(bytes, 257, 100_000), sink));
        Assert.Contains(sink.Findings, f => f.Code is FindingCodes.CompressionBomb or FindingCodes.BadHeader);

        Assert.Null(TiffDecoder.Decode("II+\0\u0008\0\0\0"u8, sink = new FindingSink()));
        Assert.Equal(FindingCodes.UnsupportedFormatVersion, Assert.Single(sink.Findings).Code);
        Assert.Null(TiffDecoder.Decode("GIF89a.."u8, sink = new FindingSink()));
        Assert.Equal(FindingCodes.BadSignature, Assert.Single(sink.Findings).Code);
    }

    [Fact]
    public void A_lying_size_costs_what_the_data_holds_not_what_the_header_promises()
    {
        // One Deflate strip of 1 MB of noise (it does not compress) whose header claims 100,000 rows: within what
        // Deflate could produce from 1 MB, so only decoding tells. The buffers grow with what really inflates.
        var noise = new byte[512 * 512 * 4];
        new Random(2026).NextBytes(noise);
        var lying = TiffBuilder.Build(512, 100_000, 1, 32, 3, noise, deflate: true);
        FindingSink sink = new();
        long allocated = Allocations.Measure(() =>
        {
            sink = new FindingSink();
            TiffDecoder.Decode(lying, sink);
        }, warmups: 1, runs: 1);
        Assert.Contains(sink.Findings, f => f.Code is FindingCodes.DataTruncated or FindingCodes.CompressionBomb);
        Assert.True(allocated < 16L << 20, $"{allocated} bytes allocated for {lying.Length} bytes of input (the header claims {512L * 100_000 * 4})");
    }

    // A little-endian file with one SHORT or LONG tag's inline value replaced.
    private static byte[] WithTag(byte[] tiff, int tag, uint value)
    {
        var copy = (byte[])tiff.Clone();
        int ifd = BitConverter.ToInt32(copy, 4);
        int entries = BitConverter.ToUInt16(copy, ifd);
        for (int e = 0; e < entries; e++)
        {
            int at = ifd + 2 + (e * 12);
            if (BitConverter.ToUInt16(copy, at) != tag) continue;
            if (BitConverter.ToUInt16(copy, at + 2) == 3) BitConverter.GetBytes((ushort)value).CopyTo(copy, at + 8);
            else BitConverter.GetBytes(value).CopyTo(copy, at + 8);
        }

        return copy;
    }

    // libtiff's decoding of every producer TIFF, as SHA-256 of its pixels (tests/Fixtures/tiff/hash_producer_files.py).
    private static Dictionary<string, string> ProducerHashes() => File.ReadAllLines(Path.Combine(Folder, "producer_tiffs.sha256"))
        .Select(l => l.Split("  ")).ToDictionary(p => p[1], p => p[0]);

    [FixtureTheory]
    [InlineData("depth")]
    [InlineData("normals")]
    [InlineData("alpha")]
    public void The_producers_own_tiffs_decode(string modality)
    {
        string folder = Path.Combine(TestPaths.SynthesisFixtures, "face-api-1.2-modalities");
        foreach (var file in Directory.GetFiles(folder, $"*.{modality}.tif"))
        {
            var sink = new FindingSink();
            var image = TiffDecoder.Decode(File.ReadAllBytes(file), sink, file);
            Assert.True(image is not null, string.Join("; ", sink.Findings));
            Assert.Equal((512, 512), (image.Width, image.Height));
            Assert.Equal(modality == "normals" ? 3 : 1, image.Channels);
            Assert.Equal(modality == "alpha" ? SampleKind.UInt8 : SampleKind.Float16, image.Kind);
            Assert.False(image.IsBlank, file);
            if (modality != "alpha") Assert.Equal(modality == "depth" ? "{\"shape\": [512, 512]}" : "{\"shape\": [512, 512, 3]}", image.Description);
            Assert.Equal(ProducerHashes()[Path.GetFileName(file)], Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(image.Data)));
        }
    }
}
