using System.Buffers.Binary;
using System.Text.Json;
using Codec.Runtime.Binary.Image;
using Codec.Runtime.Findings;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Binary;

/// <summary>Segmentation mask PNGs: the real masks agree with their info.json; every filter type; hostile files.</summary>
public sealed class PngTests
{
    private static string PngFixtures => Path.Combine(TestPaths.TestFixtures, "png");

    public static TheoryData<string> Expected()
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadAllLines(Path.Combine(PngFixtures, "labels.txt")).Where(l => !l.StartsWith('#'))) data.Add(line);
        return data;
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public void Every_filter_type_and_pixel_format_decodes_to_the_written_labels(string line)
    {
        var f = line.Split('\t');
        var sink = new FindingSink();
        var image = PngImage.Decode(File.ReadAllBytes(Path.Combine(PngFixtures, f[0])), sink)!;
        Assert.Empty(sink.Findings);
        Assert.Equal((int.Parse(f[1]), int.Parse(f[2])), (image.Width, image.Height));
        Assert.Equal(f[3].Split(' ').Select(ushort.Parse), image.Labels);
    }

    public static TheoryData<string, string> RealMasks() => new()
    {
        { "face-api-1.2/0.segments.png", "segments_mapping" },
        { "faces-1.1/188.segments.png", "segments_mapping" },
        { "humans-1.5/24.segments.png", "segments_mapping" },
        { "humans-1.5/0.clothing_segments.png", "clothing_segments_mapping" },
    };

    [FixtureTheory]
    [MemberData(nameof(RealMasks))]
    public void Real_masks_use_only_their_renders_mapping_and_match_the_render_size(string mask, string mappingName)
    {
        string png = Path.Combine(TestPaths.SynthesisFixtures, mask);
        string info = Path.Combine(Path.GetDirectoryName(png)!, Path.GetFileName(png).Split('.')[0] + ".info.json");
        using var doc = JsonDocument.Parse(File.ReadAllBytes(info));
        var mapping = doc.RootElement.GetProperty(mappingName).EnumerateObject().Select(p => p.Value.GetInt32()).ToHashSet();
        var intrinsics = doc.RootElement.GetProperty("camera").GetProperty("intrinsics");

        var sink = new FindingSink();
        var image = PngImage.Decode(File.ReadAllBytes(png), sink, mask)!;
        Assert.Empty(sink.Findings);
        Assert.Equal(16, image.BitDepth);
        Assert.Equal(intrinsics[0][2].GetDouble() * 2, image.Width);
        Assert.Equal(intrinsics[1][2].GetDouble() * 2, image.Height);
        var histogram = image.Histogram();
        Assert.Equal((long)image.Width * image.Height, histogram.Sum(h => h.Pixels));
        Assert.All(histogram, h => Assert.Contains(h.Label, mapping));
        Assert.True(histogram.Count > 3, $"{histogram.Count} labels");
    }

    [Fact]
    public void The_histogram_counts_runs_and_single_pixels_alike()
    {
        // Runs of one class (what masks are), lone pixels between them, and a run to the last pixel.
        var random = new Random(5);
        var labels = new ushort[97 * 61];
        for (int i = 0; i < labels.Length;)
        {
            int run = random.Next(3) == 0 ? 1 : random.Next(1, 200);
            ushort label = (ushort)(random.Next(4) == 0 ? random.Next(65536) : random.Next(6));
            for (int k = 0; k < run && i < labels.Length; k++) labels[i++] = label;
        }

        using var png = new MemoryStream();
        PngWriter.WriteLabels(png, labels, 97, 61, PngPixelFormat.Grey16);
        var image = PngImage.Decode(png.ToArray(), new FindingSink())!;
        var expected = labels.GroupBy(l => (int)l).OrderBy(g => g.Key).Select(g => (g.Key, (long)g.Count()));
        Assert.Equal(expected, image.Histogram());
    }

    private static byte[] Fixture() => File.ReadAllBytes(Path.Combine(PngFixtures, "grey16_filters.png"));

    // Rewrites an IHDR field and its CRC, so the file is well-formed but says something else.
    private static byte[] WithHeader(int offset, byte[] value)
    {
        var png = Fixture();
        value.CopyTo(png, 16 + offset);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), System.IO.Hashing.Crc32.HashToUInt32(png.AsSpan(12, 17)));
        return png;
    }

    [Theory]
    [InlineData("not png", "B801")]
    [InlineData("chunk beyond the end", "B806")]
    [InlineData("crc", "B816")]
    [InlineData("interlaced", "B804")]
    [InlineData("rgb", "B804")]
    [InlineData("huge", "B807")]
    [InlineData("bomb", "B815")]
    [InlineData("short data", "B806")]
    [InlineData("zlib preset dictionary", "B810")]
    public void A_hostile_png_is_one_located_error_with_bounded_allocation(string what, string code)
    {
        byte[] png = what switch
        {
            "not png" => "GIF89a-not-a-png"u8.ToArray(),
            "chunk beyond the end" => Chunked(p => BinaryPrimitives.WriteUInt32BigEndian(p.AsSpan(33), 0x7FFFFF00)),
            "crc" => Chunked(p => p[20] ^= 1),
            "interlaced" => WithHeader(12, new byte[] { 1 }),
            "rgb" => WithHeader(9, new byte[] { 2 }),
            "huge" => WithHeader(0, new byte[] { 0x7F, 0, 0, 0, 0x7F, 0, 0, 0 }),
            "bomb" => WithHeader(0, new byte[] { 0, 0, 0x20, 0, 0, 0, 0x20, 0 }),
            "zlib preset dictionary" => Chunked(WithPresetDictionary),
            _ => WithHeader(4, new byte[] { 0, 0, 0, 20 }),
        };
        var sink = new FindingSink();
        long allocated = Allocations.Measure(() => { sink.Reset(); Assert.Null(PngImage.Decode(png, sink)); }, warmups: 1, runs: 2);
        var f = Assert.Single(sink.Findings);
        Assert.Equal(code, f.Code);
        Assert.True(f.Offset >= 0);
        Assert.True(allocated < 64 * 1024, $"{what}: allocated {allocated}");
    }

    [Fact]
    public void A_header_promising_more_rows_than_the_data_holds_costs_what_the_data_gives()
    {
        const int width = 1000, rows = 20;
        var random = new Random(3);
        var stream = new MemoryStream();
        PngWriter.WriteLabels(stream, Enumerable.Range(0, width * rows).Select(_ => (ushort)random.Next(4000)).ToArray(), width, rows, PngPixelFormat.Grey16);
        var png = stream.ToArray();
        Assert.Equal("IDAT"u8.ToArray(), png[37..41]);
        int idat = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(33));
        // As many rows as deflate could, at the most, make of the data (so the header passes the ratio check).
        int height = (int)(1_000L * idat / ((2L * width) + 1));
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), (uint)height);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), System.IO.Hashing.Crc32.HashToUInt32(png.AsSpan(12, 17)));
        long labelsClaimed = 2L * width * height;

        var sink = new FindingSink();
        long allocated = Allocations.Measure(() => { sink.Reset(); Assert.Null(PngImage.Decode(png, sink)); }, warmups: 1, runs: 2);
        Assert.Equal(FindingCodes.DataTruncated, Assert.Single(sink.Findings).Code);
        Assert.True(allocated < labelsClaimed / 8, $"allocated {allocated} for a header claiming {labelsClaimed} bytes of labels");
    }

    // Sets FDICT in the first IDAT's zlib header (a dictionary PNG does not allow), with a valid FCHECK and chunk CRC.
    private static void WithPresetDictionary(byte[] png)
    {
        int length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(33));
        Assert.Equal("IDAT"u8.ToArray(), png[37..41]);
        int flags = (png[42] & 0xC0) | 0x20;
        flags += (31 - (png[41] * 256 + flags) % 31) % 31;
        png[42] = (byte)flags;
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(41 + length), System.IO.Hashing.Crc32.HashToUInt32(png.AsSpan(37, 4 + length)));
    }

    private static byte[] Chunked(Action<byte[]> change)
    {
        var png = Fixture();
        change(png);
        return png;
    }
}
