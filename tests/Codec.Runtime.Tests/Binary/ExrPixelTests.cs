using Codec.Runtime.Binary.Exr;
using Codec.Runtime.Binary.Image;
using Codec.Runtime.Findings;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Runtime;

/// <summary>
/// EXR pixels against OpenEXR's own reading, on files it wrote (tests/Fixtures/exr/make_pixels.cpp): scanline parts
/// without compression, with RLE, ZIPS, ZIP, PIZ, PXR24, B44 and B44A, and tiled ones; damaged copies are located findings.
/// </summary>
public sealed class ExrPixelTests
{
    private static string Folder => Path.Combine(TestPaths.TestFixtures, "exr");

    public static TheoryData<string> Files() => new(Directory.GetFiles(Folder, "pixels.*.exr").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    private static IReadOnlyDictionary<string, ImagePixels>? Decode(byte[] bytes, FindingSink sink)
    {
        var exr = ExrFile.Decode(bytes, sink);
        return exr is null ? null : ExrPixels.Decode(bytes, exr, 0, sink);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Decoded_channels_equal_what_openexr_reads(string name)
    {
        var sink = new FindingSink();
        var channels = Decode(File.ReadAllBytes(Path.Combine(Folder, name)), sink);
        Assert.True(channels is not null, string.Join("; ", sink.Findings));
        Assert.Equal(["B", "G", "R", "Z", "id"], channels.Keys.Order(StringComparer.Ordinal));
        var window = ExrFile.Decode(File.ReadAllBytes(Path.Combine(Folder, name)), new FindingSink())!.Parts[0].DataWindow!.Value;
        Assert.All(channels.Values, c => Assert.Equal((window.Width, window.Height), (c.Width, c.Height)));
        Assert.Equal(SampleKind.Float16, channels["R"].Kind);
        Assert.Equal(SampleKind.Float32, channels["Z"].Kind);
        Assert.Equal(SampleKind.UInt32, channels["id"].Kind);
        var decoded = new[] { "B", "G", "R", "Z", "id" }.SelectMany(c => channels[c].Data).ToArray();
        Assert.Equal(File.ReadAllBytes(Path.Combine(Folder, Path.ChangeExtension(name, ".bin"))), decoded);
    }

    [Fact]
    public void An_exr_is_an_image_of_its_beauty_pass()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, "render.good.exr"));
        var sink = new FindingSink();
        var image = ImageFile.Decode(bytes, sink, "render.good.exr");
        Assert.True(image is not null, string.Join("; ", sink.Findings));
        var channels = Decode(bytes, new FindingSink())!;
        var expected = ImagePixels.Interleave([channels["R"], channels["G"], channels["B"]]);
        Assert.Equal((37, 21, 3, SampleKind.Float16), (image.Width, image.Height, image.Channels, image.Kind));
        Assert.Equal(expected.Data, image.Data);
        Assert.StartsWith("OpenEXR R, G, B of", image.Format);

        // One without colour is its first channel; one whose pixels codec does not decode says why.
        Assert.Equal(1, ImageFile.Decode(File.ReadAllBytes(Path.Combine(Folder, "tiled_piz.exr")), new FindingSink())!.Channels);
        sink = new FindingSink();
        Assert.Null(ImageFile.Decode(File.ReadAllBytes(Path.Combine(Folder, "unsupported.dwaa.exr")), sink));
        Assert.Contains("Dwaa compression", Assert.Single(sink.Findings).Message);
    }

    [Fact]
    public void A_compression_codec_does_not_decode_is_named()
    {
        var sink = new FindingSink();
        Assert.Null(Decode(File.ReadAllBytes(Path.Combine(Folder, "unsupported.dwaa.exr")), sink));
        var finding = Assert.Single(sink.Findings);
        Assert.Equal(FindingCodes.UnsupportedEntry, finding.Code);
        Assert.Contains("Dwaa compression", finding.Message);
    }

    [Fact]
    public void A_perceptually_linear_half_channel_in_a_b44_part_is_named()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, "pixels.scanline_b44.exr"));
        // The channel list's entry of B: its name, its type (1, half), then the pLinear flag.
        int entry = bytes.AsSpan().IndexOf("B\0\u0001\0\0\0"u8);
        Assert.True(entry > 0);
        bytes[entry + 6] = 1;
        var sink = new FindingSink();
        Assert.Null(Decode(bytes, sink));
        var finding = Assert.Single(sink.Findings);
        Assert.Equal(FindingCodes.UnsupportedElementType, finding.Code);
        Assert.Contains("perceptually linear half channel in a B44 part", finding.Message);
    }

    [Fact]
    public void A_tiled_piz_file_with_decreasing_lines_decodes()
    {
        // Written by make_fixtures.cpp: one 16 × 8 tile of Y = 0.25, PIZ, lines in decreasing order.
        var sink = new FindingSink();
        var channels = Decode(File.ReadAllBytes(Path.Combine(Folder, "tiled_piz.exr")), sink);
        Assert.True(channels is not null, string.Join("; ", sink.Findings));
        Assert.All(channels["Y"].Samples<Half>().ToArray(), v => Assert.Equal((Half)0.25f, v));
    }

    [Theory]
    [InlineData("pixels.scanline_zip.exr")]
    [InlineData("pixels.scanline_rle.exr")]
    [InlineData("pixels.tiled_zip.exr")]
    [InlineData("pixels.wide_piz.exr")]
    [InlineData("pixels.wide_tiled_piz.exr")]
    [InlineData("pixels.wide_pxr24.exr")]
    [InlineData("pixels.wide_b44.exr")]
    public void A_damaged_chunk_is_a_located_finding(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, name));
        var exr = ExrFile.Decode(bytes, new FindingSink())!;
        // Garble the bytes of the last chunk's data: its size is kept, its content no longer decodes to its pixels.
        for (int i = bytes.Length - 200; i < bytes.Length - 20; i++) bytes[i] ^= 0x5A;
        var sink = new FindingSink();
        var channels = ExrPixels.Decode(bytes, exr, 0, sink);
        if (channels is not null)
        {
            // A chunk stored uncompressed decodes whatever its bytes: then the pixels differ from OpenEXR's.
            Assert.NotEqual(File.ReadAllBytes(Path.Combine(Folder, Path.ChangeExtension(name, ".bin"))), new[] { "B", "G", "R", "Z", "id" }.SelectMany(c => channels[c].Data).ToArray());
            return;
        }

        var finding = Assert.Single(sink.Findings);
        Assert.True(finding.Offset > 0, finding.ToString());

        // Cut short: the header reader already says so, and the pixel decoder on its own too.
        var cut = File.ReadAllBytes(Path.Combine(Folder, name))[..^100];
        sink = new FindingSink();
        Assert.Null(ExrPixels.Decode(cut, exr, 0, sink));
        Assert.Contains(sink.Findings, f => f.Code == FindingCodes.DataTruncated);
    }

    [Fact]
    public void A_chunk_offset_at_the_end_of_the_number_line_is_a_finding()
    {
        // Found by fuzzing: an offset of 2^63 - 1 overflowed the bounds check.
        var bytes = File.ReadAllBytes(Path.Combine(Folder, "pixels.scanline_zips.exr"));
        var exr = ExrFile.Decode(bytes, new FindingSink())!;
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan((int)exr.HeaderBytes), long.MaxValue);
        var sink = new FindingSink();
        Assert.Null(ExrPixels.Decode(bytes, exr, 0, sink));
        Assert.Equal(FindingCodes.DataTruncated, Assert.Single(sink.Findings).Code);
    }
}
