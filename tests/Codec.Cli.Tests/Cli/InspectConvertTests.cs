using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using Codec.Cli.Commands;
using Codec.Runtime.Binary.Numpy;
using Codec.Runtime.Binary.PointCache;
using Codec.Runtime.Findings;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Cli;

/// <summary><c>codec inspect</c> (report pinned by snapshot) and <c>codec convert</c> (verified round trips, no overwrites).</summary>
public sealed class InspectConvertTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("codec-convert-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Numpy(string name) => Path.Combine(TestPaths.NumpyFixtures, name);

    [Fact]
    public void Inspect_report_of_the_committed_fixtures_matches_its_snapshot()
    {
        var files = new[] { Numpy("f4_be.npy"), Numpy("record.npy"), Numpy("stored.npz"), Path.Combine(TestPaths.AudioFixtures, "sox_s24_stereo_48k.wav") };
        var stdout = new StringWriter();
        Assert.Equal(0, InspectCommand.Run(files, false, stdout, new StringWriter()));
        Snapshot.Verify(stdout.ToString().Replace(TestPaths.RepoRoot, "<repo>").Replace('\\', '/'));
    }

    [Fact]
    public void Inspect_lists_every_exr_attribute_and_matches_its_snapshot()
    {
        string folder = Path.Combine(TestPaths.TestFixtures, "exr");
        var files = new[] { "vray_like.exr", "tiled_piz.exr", "multipart.exr" }.Select(f => Path.Combine(folder, f)).ToArray();
        var stdout = new StringWriter();
        Assert.Equal(0, InspectCommand.Run(files, false, stdout, new StringWriter()));
        Snapshot.Verify(stdout.ToString().Replace(TestPaths.RepoRoot, "<repo>").Replace('\\', '/'));
    }

    [FixtureFact]
    public void Inspect_prints_pixel_counts_per_named_label_of_a_mask()
    {
        string dir = Path.Combine(TestPaths.SynthesisFixtures, "face-api-1.2");
        var stdout = new StringWriter();
        Assert.Equal(0, InspectCommand.Run(new[] { Path.Combine(dir, "0.segments.png") }, false, stdout, new StringWriter(), Path.Combine(dir, "0.info.json")));
        string text = stdout.ToString();
        Assert.Contains("size:                  512x512", text);
        Assert.Contains("pixel format:          16-bit greyscale", text);
        Assert.Matches(@"label 0 background: +\d+ px", text);
        Assert.DoesNotContain("not in the mapping", text);
    }

    [FixtureFact]
    public void Inspect_json_gives_a_masks_labels_as_numbers_under_their_value()
    {
        string dir = Path.Combine(TestPaths.SynthesisFixtures, "face-api-1.2");
        var stdout = new StringWriter();
        Assert.Equal(0, InspectCommand.Run([Path.Combine(dir, "0.segments.png")], true, stdout, new StringWriter(), Path.Combine(dir, "0.info.json")));
        var properties = JsonDocument.Parse(stdout.ToString()).RootElement.GetProperty("files")[0].GetProperty("properties");
        Assert.Equal((512, 512), (properties.GetProperty("size").GetProperty("width").GetInt32(), properties.GetProperty("size").GetProperty("height").GetInt32()));
        Assert.Equal((0, 32), (properties.GetProperty("valueRange").GetProperty("min").GetInt32(), properties.GetProperty("valueRange").GetProperty("max").GetInt32()));
        var background = properties.GetProperty("label0");
        Assert.Equal("background", background.GetProperty("name").GetString());
        Assert.Equal(154724, background.GetProperty("pixels").GetInt64());
        Assert.Equal(154724 / (512.0 * 512), background.GetProperty("share").GetDouble(), 12);
    }

    [Theory]
    [InlineData("sample rate", "sampleRate")]
    [InlineData("time range (ticks)", "timeRangeTicks")]
    [InlineData("part 0   R", "part0R")]
    [InlineData("landmarks mediapipe_left_iris", "landmarksMediapipeLeftIris")]
    public void Json_keys_are_the_property_names_in_camel_case(string name, string key) => Assert.Equal(key, InspectCommand.JsonKey(name, 1));

    [Fact]
    public void Inspect_json_is_one_document_with_findings()
    {
        string bad = Path.Combine(_dir, "bad.npy");
        File.WriteAllBytes(bad, File.ReadAllBytes(Numpy("f4_le.npy"))[..200]);
        var stdout = new StringWriter();
        Assert.Equal(1, InspectCommand.Run(new[] { Numpy("f4_le.npy"), bad }, true, stdout, new StringWriter()));
        using var doc = JsonDocument.Parse(stdout.ToString());
        var files = doc.RootElement.GetProperty("files");
        Assert.Equal(2, files.GetArrayLength());
        // JSON types: a shape is an array of numbers.
        Assert.Equal([4L, 5L, 3L], files[0].GetProperty("properties").GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(60, files[0].GetProperty("values").GetProperty("count").GetInt64());
        var finding = files[1].GetProperty("findings")[0];
        Assert.Equal(FindingCodes.DataTruncated, finding.GetProperty("code").GetString());
        Assert.Equal(128, finding.GetProperty("offset").GetInt64());
    }

    [Fact]
    public async Task Inspect_says_what_a_fifo_or_a_device_is_and_goes_on_to_the_next_file()
    {
        if (!OperatingSystem.IsLinux()) return;
        string fifo = Path.Combine(_dir, "pipe.npy"), device = Path.Combine(_dir, "zero.wav");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo)) mkfifo.WaitForExit();
        File.CreateSymbolicLink(device, "/dev/zero");
        var stdout = new StringWriter();
        int exit = await Deadline.Within(TimeSpan.FromSeconds(30), "inspect of a FIFO",
            () => InspectCommand.Run([fifo, device, Numpy("f4_le.npy")], false, stdout, new StringWriter()));
        Assert.NotEqual(0, exit);
        string report = stdout.ToString();
        Assert.Contains("named pipe", report);
        Assert.Contains("character device", report);
        Assert.Contains("float32", report.Replace("<f4", "float32"));
    }

    [Fact]
    public void Inspect_keeps_float64_precision_counts_non_finite_values_in_archives_and_goes_past_a_missing_path()
    {
        string npy = Path.Combine(_dir, "pi.npy"), npz = Path.Combine(_dir, "nan.npz");
        var buffer = new ArrayBufferWriter<byte>();
        NpyWriter.Write(buffer, NpyDType.Float64, [2], false, MemoryMarshal.AsBytes<double>([Math.PI, -Math.E]).ToArray());
        File.WriteAllBytes(npy, buffer.WrittenSpan.ToArray());
        var member = new ArrayBufferWriter<byte>();
        NpyWriter.Write(member, NpyDType.Float32, [3], false, MemoryMarshal.AsBytes<float>([1f, float.NaN, 2f]).ToArray());
        using (var file = File.Create(npz)) NpzWriter.Write(file, [("weights", (ReadOnlyMemory<byte>)member.WrittenMemory.ToArray())], compress: true);

        var stdout = new StringWriter();
        int exit = InspectCommand.Run([Path.Combine(_dir, "missing.npy"), npy, npz], false, stdout, new StringWriter());
        Assert.Equal(2, exit);
        string report = stdout.ToString();
        Assert.Contains("no such file", report);
        Assert.Contains("[-2.718281828459045, 3.141592653589793]", report);
        Assert.Contains("weights:", report);
        Assert.Contains("3 numbers in [1, 2], 1 not finite", report);
    }

    [Fact]
    public void Npy_to_pc2_to_maya_to_npy_keeps_every_value()
    {
        string pc2 = Path.Combine(_dir, "a.pc2"), xml = Path.Combine(_dir, "a.xml"), npy = Path.Combine(_dir, "a.npy");
        Assert.Equal(0, ConvertCommand.Run(Numpy("f4_le.npy"), pc2, null, false, new StringWriter(), new StringWriter()));
        Assert.Equal(2, ConvertCommand.Run(pc2, xml, null, false, new StringWriter(), new StringWriter())); // no frame rate
        Assert.Equal(0, ConvertCommand.Run(pc2, xml, 30, false, new StringWriter(), new StringWriter()));
        var stdout = new StringWriter();
        Assert.Equal(0, ConvertCommand.Run(xml, npy, null, false, stdout, new StringWriter()));
        Assert.Contains("4 frames × 5 vertices, verified", stdout.ToString());

        using var original = NpyFile.Open(Numpy("f4_le.npy"), new FindingSink())!;
        using var result = NpyFile.Open(npy, new FindingSink())!;
        Assert.Equal(original.Array.AsSpan<float>().ToArray(), result.Array.AsSpan<float>().ToArray());
        Assert.True(File.Exists(Path.Combine(_dir, "a.mc")));
    }

    [Theory]
    [InlineData(".pc2")]
    [InlineData(".xml")]
    public void Frames_of_no_vertices_are_refused_where_the_destination_cannot_keep_them(string extension)
    {
        string npy = Path.Combine(_dir, "empty.npy");
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        Codec.Runtime.Binary.Numpy.NpyWriter.Write(buffer, ReadOnlySpan<float>.Empty, new long[] { 5, 0, 3 });
        File.WriteAllBytes(npy, buffer.WrittenSpan.ToArray());
        var stderr = new StringWriter();
        string output = Path.Combine(_dir, "out" + extension);
        Assert.Equal(2, ConvertCommand.Run(npy, output, 30, false, new StringWriter(), stderr));
        Assert.Contains("5 frames of 0 vertices", stderr.ToString());
        Assert.False(File.Exists(output));
        Assert.Equal(0, ConvertCommand.Run(npy, Path.Combine(_dir, "out.npy"), null, false, new StringWriter(), new StringWriter()));
    }

    [Fact]
    public void Existing_files_are_not_overwritten_without_force()
    {
        string pc2 = Path.Combine(_dir, "b.pc2");
        File.WriteAllText(pc2, "keep me");
        var stderr = new StringWriter();
        Assert.Equal(2, ConvertCommand.Run(Numpy("f4_le.npy"), pc2, null, false, new StringWriter(), stderr));
        Assert.Contains("--force", stderr.ToString());
        Assert.Equal("keep me", File.ReadAllText(pc2));
        Assert.Equal(0, ConvertCommand.Run(Numpy("f4_le.npy"), pc2, null, true, new StringWriter(), new StringWriter()));
        Assert.NotNull(PointCache2.Decode(File.ReadAllBytes(pc2), new FindingSink()));
    }

    [Fact]
    public void Convert_never_writes_over_its_input_even_through_a_link_or_with_force()
    {
        string npy = Path.Combine(_dir, "in.npy");
        File.Copy(Numpy("f4_le.npy"), npy);
        byte[] before = File.ReadAllBytes(npy);
        string link = Path.Combine(_dir, "link.npy");
        File.CreateSymbolicLink(link, npy);
        foreach (string destination in new[] { npy, link })
        {
            var stderr = new StringWriter();
            Assert.Equal(2, ConvertCommand.Run(npy, destination, null, true, new StringWriter(), stderr));
            Assert.Contains("a file being read", stderr.ToString());
        }

        Assert.Equal(before, File.ReadAllBytes(npy));
    }

    [Fact]
    public void A_destination_folder_that_is_missing_or_a_folder_as_destination_is_a_usage_error()
    {
        var stderr = new StringWriter();
        Assert.Equal(2, ConvertCommand.Run(Numpy("f4_le.npy"), Path.Combine(_dir, "missing", "out.pc2"), null, false, new StringWriter(), stderr));
        Assert.Contains("does not exist", stderr.ToString());
        string folder = Path.Combine(_dir, "taken.npy");
        Directory.CreateDirectory(folder);
        stderr = new StringWriter();
        Assert.Equal(2, ConvertCommand.Run(Numpy("f4_le.npy"), folder, null, true, new StringWriter(), stderr));
        Assert.Contains("is a folder", stderr.ToString());
    }

    [Fact]
    public void A_failed_conversion_keeps_the_previous_output_and_leaves_nothing_behind()
    {
        string pc2 = Path.Combine(_dir, "good.pc2");
        Assert.Equal(0, ConvertCommand.Run(Numpy("f4_le.npy"), pc2, null, false, new StringWriter(), new StringWriter()));
        byte[] good = File.ReadAllBytes(pc2);
        string broken = Path.Combine(_dir, "broken.npy");
        File.WriteAllBytes(broken, File.ReadAllBytes(Numpy("f4_le.npy"))[..100]);

        Assert.NotEqual(0, ConvertCommand.Run(broken, pc2, null, true, new StringWriter(), new StringWriter()));
        Assert.Equal(good, File.ReadAllBytes(pc2));
        Assert.Equal(["broken.npy", "good.pc2"], Directory.EnumerateFileSystemEntries(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_pc2_start_frame_and_rate_survive_to_pc2_and_their_loss_elsewhere_is_a_warning()
    {
        string source = Path.Combine(_dir, "start40.pc2");
        var buffer = new ArrayBufferWriter<byte>();
        PointCache2.Write(buffer, new float[2 * 5 * 3], 5, startFrame: 40, sampleRate: 0.5f);
        File.WriteAllBytes(source, buffer.WrittenSpan.ToArray());

        string copy = Path.Combine(_dir, "copy.pc2");
        Assert.Equal(0, ConvertCommand.Run(source, copy, null, false, new StringWriter(), new StringWriter()));
        var header = PointCache2.Decode(File.ReadAllBytes(copy), new FindingSink())!.Header;
        Assert.Equal((40f, 0.5f), (header.StartFrame, header.SampleRate));

        var stderr = new StringWriter();
        Assert.Equal(0, ConvertCommand.Run(source, Path.Combine(_dir, "lost.npy"), null, false, new StringWriter(), stderr));
        Assert.Contains("starts at frame 40 with a sample every 0.5 frames; .npy has no place for them", stderr.ToString());
    }

    [Fact]
    public void A_destination_the_file_system_refuses_is_exit_2_not_a_stack_trace()
    {
        if (!OperatingSystem.IsLinux()) return;
        // /proc takes no new files, not even from root.
        Assert.Equal(2, Codec.Cli.Program.Main(["convert", Numpy("f4_le.npy"), "/proc/codec-test-out.pc2"]));
    }

    [Fact]
    public void A_fortran_order_array_converts_to_the_same_frames()
    {
        const int frames = 2, vertices = 3;
        var c = Enumerable.Range(0, frames * vertices * 3).Select(i => (float)i).ToArray();
        var fortran = new float[c.Length];
        for (int f = 0; f < frames; f++)
            for (int v = 0; v < vertices; v++)
                for (int k = 0; k < 3; k++) fortran[(k * frames * vertices) + (v * frames) + f] = c[(((f * vertices) + v) * 3) + k];
        var output = new ArrayBufferWriter<byte>();
        NpyWriter.Write(output, NpyDType.Float32, new long[] { frames, vertices, 3 }, fortranOrder: true, MemoryMarshal.AsBytes(fortran.AsSpan()));
        string npy = Path.Combine(_dir, "f.npy"), pc2 = Path.Combine(_dir, "f.pc2");
        File.WriteAllBytes(npy, output.WrittenSpan.ToArray());

        Assert.Equal(0, ConvertCommand.Run(npy, pc2, null, false, new StringWriter(), new StringWriter()));
        Assert.Equal(c, PointCache2.Decode(File.ReadAllBytes(pc2), new FindingSink())!.Positions.ToArray());
    }

    private static TestMayaChannel Shape(string name, string interpretation, int vertices, double offset) =>
        new(name, "DoubleVectorArray", interpretation, vertices, (frame, i) => offset + frame + (i * 0.5));

    [Fact]
    public void A_cache_of_several_channels_converts_the_one_chosen_and_an_ambiguous_choice_names_them()
    {
        string xml = MayaCacheBuilder.Write(_dir, "two", [Shape("headShape", "positions", 4, 0), Shape("tongueShape", "positions", 3, 50)], 3);
        var stderr = new StringWriter();
        Assert.Equal(1, ConvertCommand.Run(xml, Path.Combine(_dir, "out.npy"), null, false, new StringWriter(), stderr));
        Assert.Contains("2 vertex channels, headShape (DoubleVectorArray positions, 4 vertices), tongueShape (DoubleVectorArray positions, 3 vertices)", stderr.ToString());
        Assert.Contains("choose one with --channel NAME", stderr.ToString());
        Assert.False(File.Exists(Path.Combine(_dir, "out.npy")));

        stderr = new StringWriter();
        string npy = Path.Combine(_dir, "tongue.npy");
        Assert.Equal(0, ConvertCommand.Run(xml, npy, null, false, new StringWriter(), stderr, channel: "tongueShape"));
        Assert.Contains("converting 'tongueShape'", stderr.ToString());
        using var file = NpyFile.Open(npy, new FindingSink())!;
        Assert.Equal([3L, 3, 3], file.Array.Shape);
        var values = new float[27];
        file.Array.CopyTo(values);
        Assert.Equal(50f, values[0]);

        stderr = new StringWriter();
        Assert.Equal(2, ConvertCommand.Run(npy, Path.Combine(_dir, "x.pc2"), null, false, new StringWriter(), stderr, channel: "tongueShape"));
        Assert.Contains("--channel chooses among a Maya cache's channels", stderr.ToString());
    }

    [Fact]
    public void Inspect_describes_every_channel_of_a_maya_cache()
    {
        var weights = new TestMayaChannel("headShape_weight", "FloatArray", "", 2, (f, i) => f == 1 && i == 1 ? double.NaN : f);
        string xml = MayaCacheBuilder.Write(_dir, "pn", [Shape("headShape", "positions", 4, 0), Shape("headNormals", "normals", 4, -1), weights],
            samples: 5, timePerFrame: 200, samplingRate: 100, startTime: 400, perFrame: true);
        var stdout = new StringWriter();
        Assert.Equal(0, InspectCommand.Run([xml], false, stdout, new StringWriter()));
        string report = stdout.ToString();
        Assert.Contains("OneFilePerFrame, mcc", report);
        Assert.Contains("DoubleVectorArray positions, 4 vertices, 5 frames, regular, every 100 ticks from 400 to 800; 60 numbers in [0, 9.5], 0 not finite", report);
        Assert.Contains("DoubleVectorArray normals, 4 vertices, 5 frames", report);
        Assert.Contains("FloatArray, 2 values, 5 frames, regular, every 100 ticks from 400 to 800; 10 numbers in [0, 4], 1 not finite", report);
        Assert.Matches(@"\n  vertices: +4\r?\n", report);
    }

    [FixtureFact]
    public void Inspect_describes_an_info_json_a_mesh_and_rifx_audio()
    {
        string folder = Path.Combine(TestPaths.SynthesisFixtures, "humans-1.5");
        string retail = Path.Combine(_dir, "0.info.json");
        File.WriteAllText(retail, """{"version": "1.2", "environment": {"hdri": "x"}, "objects": [{"id": 1}], "segments_mapping": {"barcode": 1}}""");
        var stdout = new StringWriter();
        int exit = InspectCommand.Run([Path.Combine(folder, "0.info.json"), Path.Combine(folder, "24.mediapipe_dense.obj"), retail, Path.Combine(TestPaths.AudioFixtures, "sox_rifx_s16_mono_16k.wav")], true, stdout, new StringWriter());
        Assert.Equal(1, exit); // the retail file is another product's
        var files = JsonDocument.Parse(stdout.ToString()).RootElement.GetProperty("files");

        var info = files[0].GetProperty("properties");
        Assert.Equal("1.5", info.GetProperty("version").GetString());
        Assert.Equal("Synthesis Human API", info.GetProperty("product").GetString());
        Assert.Equal(68, info.GetProperty("landmarksIbug68").GetInt32());
        Assert.Equal(5, info.GetProperty("landmarksMediapipeLeftIris").GetInt32());
        Assert.Contains("head pose", info.GetProperty("systems").GetString());
        // Numbers as numbers: a size is an object of two.
        Assert.Equal((1080, 1920), (info.GetProperty("renderSize").GetProperty("width").GetInt32(), info.GetProperty("renderSize").GetProperty("height").GetInt32()));

        var mesh = files[1].GetProperty("properties");
        Assert.Equal((468, 898), (mesh.GetProperty("vertices").GetInt32(), mesh.GetProperty("faces").GetInt32()));
        var low = mesh.GetProperty("boundsMin").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        var high = mesh.GetProperty("boundsMax").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        Assert.Equal(3, low.Length);
        Assert.All(Enumerable.Range(0, 3), i => Assert.True(low[i] < high[i]));
        Assert.InRange(high[1], 1.5, 1.8); // the head of a standing person, in metres

        Assert.Equal("another Synthesis product, not the Human API", files[2].GetProperty("properties").GetProperty("product").GetString());
        Assert.Equal("V505", files[2].GetProperty("findings")[0].GetProperty("code").GetString());

        var wav = files[3].GetProperty("properties");
        Assert.Equal("big-endian (RIFX)", wav.GetProperty("byteOrder").GetString());
        Assert.Equal(16000, wav.GetProperty("sampleRate").GetInt32());
        Assert.Equal(16, wav.GetProperty("bitDepth").GetProperty("bits").GetInt32());
        Assert.False(wav.GetProperty("bitDepth").GetProperty("float").GetBoolean());
        Assert.Equal(JsonValueKind.Number, wav.GetProperty("duration").ValueKind);
        Assert.Equal(800, wav.GetProperty("frames").GetInt32());
    }

    [Fact]
    public void A_source_that_is_not_an_animation_is_an_error()
    {
        var stderr = new StringWriter();
        Assert.Equal(1, ConvertCommand.Run(Numpy("i4_le.npy"), Path.Combine(_dir, "x.pc2"), null, false, new StringWriter(), stderr));
        Assert.Contains("[frames, vertices, 3]", stderr.ToString());
        Assert.False(File.Exists(Path.Combine(_dir, "x.pc2")));
    }

    [Fact]
    public void A_maya_description_without_its_data_is_the_caches_finding_and_exit_1()
    {
        // The path given exists; the defect is the cache's (its .xml names data that is not beside it), not a usage problem.
        string xml = Path.Combine(_dir, "cp3_joy.xml");
        File.Copy(Path.Combine(TestPaths.SampleData, "a2f", "cache", "skin", "cp3_joy", "cp3_joy.xml"), xml);
        var stdout = new StringWriter();
        Assert.Equal(1, InspectCommand.Run([xml], false, stdout, new StringWriter()));
        Assert.Contains("B820: the cache data", stdout.ToString());
        Assert.Contains("cp3_joy.mc is not there", stdout.ToString());
    }
}
