using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Codec.Runtime.Binary.Maya;
using Codec.Runtime.Findings;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Binary;

/// <summary>Maya caches: the published real frame, OneFile and OneFilePerFrame, FOR8, XML cross-checks, hostile chunks.</summary>
public sealed class MayaCacheTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("codec-maya-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [FixtureFact]
    public void The_published_real_fluid_cache_frame_decodes()
    {
        var sink = new FindingSink();
        var data = MayaCacheData.Decode(File.ReadAllBytes(Path.Combine(TestPaths.A2fFixtures, "maya", "fluidShape1_frame.mc")), sink)!;
        Assert.Empty(sink.Findings);
        Assert.False(data.Is64);
        Assert.Equal(("0.1", 250, 250), (data.Version, data.StartTime, data.EndTime));
        var sample = Assert.Single(data.Samples);
        Assert.Null(sample.Time); // one file per frame: no TIME chunk
        Assert.Equal(new[] { "fluidShape1_density", "fluidShape1_resolution", "fluidShape1_offset" }, sample.Channels.Select(c => c.Name));
        Assert.All(sample.Channels, c => Assert.Equal("FBCA", c.DataType));
        var resolution = new float[3];
        data.CopyTo(sample.Channels[1], resolution);
        Assert.Equal(new[] { 3f, 4f, 5f }, resolution);
        var density = new float[60];
        data.CopyTo(sample.Channels[0], density);
        Assert.Equal(1000f, density[0]);
    }

    private static float[] Positions(int frames, int vertices) =>
        Enumerable.Range(0, frames * vertices * 3).Select(i => MathF.Sin(i) * 0.1f + i * 0.001f).ToArray();

    [Fact]
    public void A_written_one_file_cache_has_the_layout_TF_writes_and_reads_back()
    {
        var positions = Positions(frames: 5, vertices: 7);
        string xml = Path.Combine(_dir, "shot1.xml");
        MayaCache.Write(xml, positions, vertices: 7, framesPerSecond: 30, channelName: "head_meshShape");

        var mc = File.ReadAllBytes(Path.Combine(_dir, "shot1.mc"));
        Assert.Equal("FOR4"u8.ToArray(), mc[..4]);
        Assert.Equal(40, BinaryPrimitives.ReadInt32BigEndian(mc.AsSpan(4)));
        Assert.Equal("CACHVRSN"u8.ToArray(), mc[8..16]);
        Assert.Equal(60 + 7 * 12, BinaryPrimitives.ReadInt32BigEndian(mc.AsSpan(52))); // TF: 60 + V * 12

        var sink = new FindingSink();
        var cache = MayaCache.Read(xml, sink)!;
        Assert.Empty(sink.Findings);
        Assert.Equal((5, 7, "head_meshShape"), (cache.Frames, cache.Vertices, cache.ChannelName));
        Assert.Equal(positions, cache.Positions);
        Assert.Equal(200, cache.Description.TimePerFrame);
        Assert.Equal(30, cache.Description.FramesPerSecond);
        Assert.Throws<IOException>(() => MayaCache.Write(xml, positions, 7, 30));
    }

    [Fact]
    public void One_file_per_frame_caches_are_read_in_time_order()
    {
        var positions = Positions(frames: 3, vertices: 4);
        string xml = Path.Combine(_dir, "one.xml");
        MayaCache.Write(xml, positions, vertices: 4, framesPerSecond: 24, channelName: "meshShape");
        File.Delete(Path.Combine(_dir, "one.mc"));
        File.WriteAllText(xml, File.ReadAllText(xml).Replace("Type=\"OneFile\"", "Type=\"OneFilePerFrame\""));
        for (int f = 0; f < 3; f++)
        {
            // Frame files carry the header and one MYCH without TIME; frame N is at N × 250 ticks.
            var output = new ArrayBufferWriter<byte>();
            MayaCache.WriteData(output, positions.AsSpan(f * 12, 12), 4, 1, 250, "meshShape");
            File.WriteAllBytes(Path.Combine(_dir, $"oneFrame{f}.mc"), WithoutTime(output.WrittenSpan.ToArray()));
        }

        var sink = new FindingSink();
        var cache = MayaCache.Read(xml, sink)!;
        Assert.Empty(sink.Findings);
        Assert.Equal(positions, cache.Positions);
    }

    [Fact]
    public void A_frame_file_beyond_32_bit_ticks_is_a_finding_and_the_others_are_read()
    {
        var positions = Positions(frames: 1, vertices: 4);
        string xml = Path.Combine(_dir, "one.xml");
        MayaCache.Write(xml, positions, vertices: 4, framesPerSecond: 24, channelName: "meshShape");
        File.Delete(Path.Combine(_dir, "one.mc"));
        File.WriteAllText(xml, File.ReadAllText(xml).Replace("Type=\"OneFile\"", "Type=\"OneFilePerFrame\""));
        var output = new ArrayBufferWriter<byte>();
        MayaCache.WriteData(output, positions, 4, 1, 250, "meshShape");
        File.WriteAllBytes(Path.Combine(_dir, "oneFrame0.mc"), WithoutTime(output.WrittenSpan.ToArray()));
        File.WriteAllBytes(Path.Combine(_dir, "oneFrame99999999999.mc"), WithoutTime(output.WrittenSpan.ToArray()));

        var sink = new FindingSink();
        var cache = MayaCache.Read(xml, sink);
        var f = Assert.Single(sink.Findings, x => x.Code == FindingCodes.CacheDescriptionMismatch);
        Assert.EndsWith("oneFrame99999999999.mc", f.Path);
        Assert.Contains("32-bit ticks", f.Message);
        Assert.NotNull(cache);
    }

    // Drops the TIME chunk (12 bytes after "MYCH") and fixes the MYCH group's size.
    private static byte[] WithoutTime(byte[] mc)
    {
        int mych = 48; // after the 48-byte CACH group
        var result = mc[..(mych + 12)].Concat(mc[(mych + 24)..]).ToArray();
        BinaryPrimitives.WriteInt32BigEndian(result.AsSpan(mych + 4), BinaryPrimitives.ReadInt32BigEndian(mc.AsSpan(mych + 4)) - 12);
        return result;
    }

    [Fact]
    public void The_xml_and_the_data_are_cross_checked()
    {
        var positions = Positions(frames: 4, vertices: 3);
        string xml = Path.Combine(_dir, "x.xml");
        MayaCache.Write(xml, positions, vertices: 3, framesPerSecond: 24);
        string text = File.ReadAllText(xml);

        File.WriteAllText(xml, text.Replace("ChannelName=\"meshShape\"", "ChannelName=\"otherShape\""));
        var sink = new FindingSink();
        Assert.Null(MayaCache.Read(xml, sink));
        Assert.Contains(sink.Findings, f => f.Code == FindingCodes.CacheDescriptionMismatch && f.Message.Contains("otherShape"));

        File.WriteAllText(xml, text.Replace("EndTime=\"750\"", "EndTime=\"1000\""));
        sink = new FindingSink();
        Assert.NotNull(MayaCache.Read(xml, sink));
        Assert.Contains(sink.Findings, f => f.Code == FindingCodes.CacheDescriptionMismatch && f.Message.Contains("5 samples; the data has 4"));
    }

    [Fact]
    public void A_for8_cache_is_read()
    {
        // FOR8 per the Autodesk example: 8-byte tags (tag + 4 pad) and sizes, 4-byte group types, 8-byte alignment.
        var b = new List<byte>();
        void Tag(string t) { b.AddRange(Encoding.ASCII.GetBytes(t)); b.AddRange(new byte[4]); }
        void Size(long n) { var s = new byte[8]; BinaryPrimitives.WriteInt64BigEndian(s, n); b.AddRange(s); }
        void Int8(int v) { var s = new byte[8]; BinaryPrimitives.WriteInt32BigEndian(s.AsSpan(4), v); b.AddRange(s); }
        Tag("FOR8"); Size(4 + (16 + 8) * 3); b.AddRange("CACH"u8.ToArray());
        Tag("VRSN"); Size(8); b.AddRange("0.1\0\0\0\0\0"u8.ToArray());
        Tag("STIM"); Size(8); Int8(0);
        Tag("ETIM"); Size(8); Int8(0);
        var name = "s\0"u8.ToArray();
        Tag("FOR8"); Size(4 + 24 + (16 + 8) + 24 + (16 + 24)); b.AddRange("MYCH"u8.ToArray());
        Tag("TIME"); Size(8); Int8(0);
        Tag("CHNM"); Size(name.Length); b.AddRange(name); b.AddRange(new byte[6]);
        Tag("SIZE"); Size(8); var len = new byte[8]; BinaryPrimitives.WriteInt32BigEndian(len, 2); b.AddRange(len);
        Tag("FVCA"); Size(24);
        foreach (float v in new[] { 1f, 2f, 3f, 4f, 5f, 6f }) { var f = new byte[4]; BinaryPrimitives.WriteSingleBigEndian(f, v); b.AddRange(f); }

        var sink = new FindingSink();
        var data = MayaCacheData.Decode(b.ToArray(), sink)!;
        Assert.Empty(sink.Findings);
        Assert.True(data.Is64);
        var channel = Assert.Single(Assert.Single(data.Samples).Channels);
        Assert.Equal(("s", 2), (channel.Name, channel.ArrayLength));
        var values = new float[6];
        data.CopyTo(channel, values);
        Assert.Equal(new[] { 1f, 2f, 3f, 4f, 5f, 6f }, values);
    }

    private static TestMayaChannel Shape(string name, string type, string interpretation, int vertices, double offset) =>
        new(name, type, interpretation, vertices, (frame, i) => offset + frame + (i * 0.25));

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(true, true, true)]
    [InlineData(false, false, true)]
    public void Caches_as_Maya_writes_them_read_every_channel(bool for8, bool doubles, bool perFrame)
    {
        // Two shapes and one shape's normals in every sample; one file per frame samples on the half frame (with Tick).
        string vector = doubles ? "DoubleVectorArray" : "FloatVectorArray";
        var channels = new[]
        {
            Shape("headShape", vector, "positions", 5, 0),
            Shape("headShapeNormals", vector, "normals", 5, 100),
            Shape("eyeShape", vector, "positions", 2, 200),
            new TestMayaChannel("headShape_weight", doubles ? "DoubleArray" : "FloatArray", "", 3, (f, i) => f * 10 + i),
        };
        string xml = MayaCacheBuilder.Write(_dir, "actor", channels, samples: 4, timePerFrame: 250, samplingRate: perFrame ? 125 : 250, startTime: 1000, for8, perFrame);

        var sink = new FindingSink();
        using var cache = MayaCacheFile.Open(xml, sink)!;
        Assert.Empty(sink.Findings);
        Assert.Equal(channels.Select(c => (c.Name, c.Elements, 4)), cache.Channels.Select(c => (c.Name, c.Elements, c.Frames)));
        foreach (var expected in channels)
        {
            var values = cache.Read(cache.Channel(expected.Name)!);
            Assert.Equal(Enumerable.Range(0, 4).SelectMany(expected.Frame), values);
        }
    }

    [Fact]
    public void The_positions_channel_is_chosen_and_an_ambiguous_choice_names_every_channel()
    {
        var positionsAndNormals = MayaCacheBuilder.Write(_dir, "pn", [Shape("headShape", "FloatVectorArray", "positions", 4, 0), Shape("headNormals", "FloatVectorArray", "normals", 4, 9)], 2);
        var sink = new FindingSink();
        var cache = MayaCache.Read(positionsAndNormals, sink)!;
        Assert.Empty(sink.Findings);
        Assert.Equal("headShape", cache.ChannelName);
        Assert.Equal(["headShape", "headNormals"], cache.Channels.Select(c => c.Name));
        Assert.Equal(9f, MayaCache.Read(positionsAndNormals, sink, "headNormals")!.Positions[0]);

        var twoShapes = MayaCacheBuilder.Write(_dir, "two", [Shape("headShape", "FloatVectorArray", "positions", 4, 0), Shape("tongueShape", "FloatVectorArray", "positions", 3, 0)], 2);
        sink = new FindingSink();
        Assert.Null(MayaCache.Read(twoShapes, sink));
        var f = Assert.Single(sink.Findings);
        Assert.Equal(FindingCodes.CacheChannelChoice, f.Code);
        Assert.Contains("headShape (FloatVectorArray positions, 4 vertices), tongueShape (FloatVectorArray positions, 3 vertices)", f.Message);
        Assert.Equal(3, MayaCache.Read(twoShapes, new FindingSink(), "tongueShape")!.Vertices);

        sink = new FindingSink();
        Assert.Null(MayaCache.Read(twoShapes, sink, "jawShape"));
        Assert.Contains("no channel 'jawShape'", Assert.Single(sink.Findings).Message);
    }

    [Fact]
    public void A_channel_missing_from_the_data_or_unknown_to_the_xml_is_a_mismatch()
    {
        string xml = MayaCacheBuilder.Write(_dir, "m", [Shape("a", "FloatVectorArray", "positions", 2, 0), Shape("b", "FloatVectorArray", "normals", 2, 0)], 2);
        string text = File.ReadAllText(xml);
        File.WriteAllText(xml, text.Replace("ChannelName=\"b\"", "ChannelName=\"c\""));
        var sink = new FindingSink();
        Assert.Null(MayaCacheFile.Open(xml, sink));
        Assert.Contains(sink.Findings, f => f.Message.Contains("describes channel 'c'; no sample holds it"));
        Assert.Contains(sink.Findings, f => f.Message.Contains("holds channel 'b', which the XML does not describe"));
    }

    [Theory]
    [InlineData("not iff", "B801")]
    [InlineData("group beyond the file", "B806")]
    [InlineData("chunk beyond its group", "B806")]
    [InlineData("buffer and size disagree", "B813")]
    [InlineData("unknown data type", "B804")]
    [InlineData("wrong group type", "B803")]
    public void A_broken_cache_is_one_located_error(string what, string code)
    {
        var output = new ArrayBufferWriter<byte>();
        MayaCache.WriteData(output, Positions(2, 3), 3, 2, 250, "meshShape");
        var mc = output.WrittenSpan.ToArray();
        int mych = 48, fvca = mych + 12 + 12 + 8 + 12 + 12;
        switch (what)
        {
            case "not iff": "RIFF"u8.CopyTo(mc); break;
            case "group beyond the file": BinaryPrimitives.WriteInt32BigEndian(mc.AsSpan(mych + 4), 0x7FFFFFF0); break;
            case "chunk beyond its group": BinaryPrimitives.WriteInt32BigEndian(mc.AsSpan(fvca + 4), 0x10000); break;
            case "buffer and size disagree": BinaryPrimitives.WriteInt32BigEndian(mc.AsSpan(fvca - 4), 4); break;
            case "unknown data type": "IVCA"u8.CopyTo(mc.AsSpan(fvca)); break;
            case "wrong group type": "MYCX"u8.CopyTo(mc.AsSpan(mych + 8)); break;
        }

        var sink = new FindingSink();
        Assert.Null(MayaCacheData.Decode(mc, sink));
        var f = Assert.Single(sink.Findings);
        Assert.Equal(code, f.Code);
        Assert.True(f.Offset >= 0);
    }

    [Theory]
    [InlineData(new byte[] { 0xF9 }, 116, "not UTF-8 text")] // as a coverage-guided campaign found them: XmlReader's own
    [InlineData(new byte[] { 0xDD }, 54, "not UTF-8 text")]  // switch to the declared encoding threw, not an XmlException
    [InlineData(new byte[] { 0xC3, 0xA9 }, 58, "not well-formed XML")]
    public void A_broken_xml_declaration_is_a_finding(byte[] fill, int count, string expected)
    {
        var bytes = new List<byte>(Encoding.ASCII.GetBytes("<?xml version=\"1.0"));
        for (int i = 0; i < count; i++) bytes.AddRange(fill);
        bytes.AddRange(Encoding.ASCII.GetBytes("\"?>\n<Autodesk_Cache_File>\n<?xml version=\"1"));
        var sink = new FindingSink();
        Assert.Null(MayaCacheDescription.Parse(new MemoryStream(bytes.ToArray()), sink));
        var f = Assert.Single(sink.Findings);
        Assert.Equal(FindingCodes.BadHeader, f.Code);
        Assert.Contains(expected, f.Message);
    }

    [Fact]
    public void Xml_with_a_dtd_is_read_without_it_and_its_entities_are_never_expanded()
    {
        const string xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Autodesk_Cache_File>&e;</Autodesk_Cache_File>";
        var sink = new FindingSink();
        Assert.Null(MayaCacheDescription.Parse(new MemoryStream(Encoding.UTF8.GetBytes(xml)), sink));
        Assert.Contains(sink.Findings, f => f.Severity == Severity.Warning && f.Message.Contains("has a DOCTYPE, which Maya does not write"));
        Assert.Contains(sink.Findings, f => f.Severity == Severity.Error && f.Code == FindingCodes.BadHeader);
        Assert.DoesNotContain(sink.Findings, f => f.Message.Contains("DtdProcessing") || f.Message.Contains("root:"));
    }

    [Fact]
    public void A_real_description_with_a_harmless_doctype_still_reads_with_a_warning()
    {
        string dir = Directory.CreateTempSubdirectory("codec-maya-dtd-").FullName;
        try
        {
            string xmlPath = Path.Combine(dir, "c.xml");
            MayaCache.Write(xmlPath, Positions(3, 4), 4, 30, "head_meshShape", overwrite: false);
            string text = File.ReadAllText(xmlPath);
            int root = text.IndexOf("<Autodesk_Cache_File", StringComparison.Ordinal);
            File.WriteAllText(xmlPath, text[..root] + "<!DOCTYPE Autodesk_Cache_File>\n" + text[root..]);
            var sink = new FindingSink();
            var cache = MayaCache.Read(xmlPath, sink);
            Assert.NotNull(cache);
            Assert.Equal(Severity.Warning, Assert.Single(sink.Findings).Severity);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Decoding_allocates_the_sample_index_not_the_data()
    {
        long For(int frames)
        {
            var output = new ArrayBufferWriter<byte>();
            MayaCache.WriteData(output, Positions(frames, 1000), 1000, frames, 250, "head_meshShape");
            var bytes = output.WrittenMemory;
            return Allocations.Measure(() => MayaCacheData.Decode(bytes, new FindingSink()));
        }

        long ten = For(10), hundred = For(100);
        // Per sample: its record, its channel list and channel record (about 200 bytes), nothing per vertex.
        Assert.True((hundred - ten) / 90 < 256, $"{(hundred - ten) / 90} bytes per sample");
    }
}
