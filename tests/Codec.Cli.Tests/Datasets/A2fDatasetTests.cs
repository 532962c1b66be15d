using System.Buffers;
using System.Text;
using Codec.Cli.Sampling;
using Codec.Formats.A2f;
using Codec.Formats.Datasets;
using Codec.Formats.Findings;
using Codec.Runtime.Binary.Audio;
using Codec.Runtime.Binary.Maya;
using Codec.Runtime.Binary.Numpy;
using Codec.Runtime.Findings;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Datasets;

/// <summary>
/// The Audio2Face-3D dataset contract: the shipped sample validates without errors, and each rule fires on a copy
/// of it corrupted in exactly that way, at the file concerned.
/// </summary>
public sealed class A2fDatasetTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("codec-a2f-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Shipped => Path.Combine(TestPaths.SampleData, "a2f");

    // A fresh copy of the shipped sample to corrupt.
    private string Copy()
    {
        foreach (var file in Directory.EnumerateFiles(Shipped, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(_dir, Path.GetRelativePath(Shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return _dir;
    }

    private string At(params string[] parts) => Path.Combine([_dir, .. parts]);

    private IReadOnlyList<(string File, Finding Finding)> Check(double? fps = null) =>
        DatasetValidator.Check(A2fDataset.Contract, _dir, new DatasetCheckOptions { FramesPerSecond = fps })
            .SelectMany(r => r.Findings.Select(f => (Path.GetRelativePath(_dir, r.Path).Replace('\\', '/'), f))).ToList();

    private (string File, Finding Finding) Single(string code, Severity severity = Severity.Error)
    {
        var all = Check();
        var matching = all.Where(x => x.Finding.Code == code && x.Finding.Severity == severity).ToList();
        Assert.True(matching.Count == 1, $"expected one {severity} {code}, got:\n{string.Join("\n", all.Select(x => x.File + ": " + x.Finding))}");
        return matching[0];
    }

    private static byte[] Npy(float[] values, params long[] shape)
    {
        var buffer = new ArrayBufferWriter<byte>();
        NpyWriter.Write(buffer, values, shape);
        return buffer.WrittenSpan.ToArray();
    }

    private static float[] ReadFloats(string path)
    {
        var array = NpyFile.Decode(File.ReadAllBytes(path), new FindingSink())!;
        var values = new float[array.Length];
        array.CopyTo(values);
        return values;
    }

    // Rewrites an npz: change returns the member's new npy bytes (null drops it); extra members are added.
    private static void RewriteNpz(string path, Func<string, NpyArray, byte[]?> change, params (string Key, byte[] Npy)[] extra)
    {
        var members = new List<(string, ReadOnlyMemory<byte>)>();
        using (var npz = NpzArchive.Read(File.ReadAllBytes(path), new FindingSink())!)
        {
            foreach (var member in npz.Members)
            {
                var array = npz.GetArray(member, new FindingSink())!;
                var buffer = new ArrayBufferWriter<byte>();
                NpyWriter.Write(buffer, array.DType, array.Header.Shape.ToArray(), array.Header.FortranOrder, array.Data.Span);
                var replaced = change(member.Key, array);
                if (ReferenceEquals(replaced, Drop)) continue;
                members.Add((member.Key, replaced ?? buffer.WrittenSpan.ToArray()));
            }
        }

        members.AddRange(extra.Select(e => (e.Key, (ReadOnlyMemory<byte>)e.Npy)));
        using var stream = File.Create(path);
        NpzWriter.Write(stream, members, compress: true);
    }

    // What a RewriteNpz change returns to leave a member out.
    private static readonly byte[] Drop = [];

    // A track that sounds like speech (a tone coming and going, well below full scale), so that only what a test
    // changes (its length, rate or depth) is wrong with it.
    private static void WriteWav(string path, double seconds, int rate = 16000, bool asFloat = false)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var samples = new float[(int)Math.Round(seconds * rate)];
        for (int i = 0; i < samples.Length; i++) samples[i] = (float)(0.5 * Math.Abs(Math.Sin(Math.PI * i / (rate / 4.0))) * Math.Sin(2 * Math.PI * 220 * i / rate));
        WavFile.Write(buffer, samples, 1, rate, asFloat);
        File.WriteAllBytes(path, buffer.WrittenSpan.ToArray());
    }

    // ------------------------------------------------------------------ the sample

    [Fact]
    public void The_shipped_sample_validates_with_only_the_recommendations_a_small_dataset_gets()
    {
        Copy();
        var findings = Check();
        Assert.All(findings, x => Assert.Equal((DatasetFindingCodes.Recommendation, Severity.Warning), (x.Finding.Code, x.Finding.Severity)));
        Assert.Contains(findings, x => x.Finding.Message == "3 shots; at least 50 are recommended (NVIDIA's Audio2Face-3D guide)");
        Assert.True(A2fDataset.Recognizes(_dir));
    }

    [Fact]
    public void The_shipped_sample_is_reproducible_from_its_documented_command()
    {
        // README: codec sample a2f src/Codec.Cli/SampleData/a2f
        var files = A2fDatasetSampler.Write(_dir, 2026);
        Assert.Equal(Directory.EnumerateFiles(Shipped, "*", SearchOption.AllDirectories).Count(), files.Count);
        foreach (var file in files) Assert.Equal(File.ReadAllBytes(Path.Combine(Shipped, Path.GetRelativePath(_dir, file))), File.ReadAllBytes(file));
    }

    // ------------------------------------------------------------------ layout

    [Fact]
    public void A_missing_required_part_is_an_error()
    {
        Copy();
        Directory.Delete(At("audio"), recursive: true);
        var all = Check();
        Assert.Contains(all, x => x.File == "audio" && x.Finding.Code == DatasetFindingCodes.PartMissing);
        Assert.False(A2fDataset.Recognizes(_dir));
    }

    [Fact]
    public void A_shot_folder_without_a_cache_is_an_error()
    {
        Copy();
        Directory.CreateDirectory(At("cache", "skin", "cp4_fear"));
        var (file, finding) = Single(DatasetFindingCodes.PartMissing);
        Assert.Equal("cache/skin/cp4_fear", file);
        Assert.Contains("holds none of cp4_fear.npy, cp4_fear.xml, cp4_fear.pc2 (One skin cache per shot", finding.Message);
    }

    [Fact]
    public void A_file_among_the_shot_folders_is_an_error_and_elsewhere_a_warning()
    {
        Copy();
        File.WriteAllText(At("cache", "skin", "readme.txt"), "notes");
        Assert.Equal("cache/skin/readme.txt", Single(DatasetFindingCodes.StrayEntry).File);
        File.Delete(At("cache", "skin", "readme.txt"));
        File.WriteAllText(At("geom", "skin", "notes.txt"), "notes");
        Assert.Equal("geom/skin/notes.txt", Single(DatasetFindingCodes.StrayEntry, Severity.Warning).File);
    }

    [Fact]
    public void Two_cache_formats_in_one_shot_folder_is_a_warning_naming_the_one_read()
    {
        Copy();
        File.Copy(At("cache", "skin", "cp2_anger", "cp2_anger.pc2"), At("cache", "skin", "cp1_neutral", "cp1_neutral.pc2"));
        var (file, finding) = Single(DatasetFindingCodes.SeveralAlternatives, Severity.Warning);
        Assert.Equal("cache/skin/cp1_neutral", file);
        Assert.Contains("only cp1_neutral.npy is read", finding.Message);
    }

    // ------------------------------------------------------------------ arrays

    [Fact]
    public void A_cache_with_another_vertex_count_is_a_dimension_error_naming_both_files()
    {
        Copy();
        File.WriteAllBytes(At("cache", "skin", "cp1_neutral", "cp1_neutral.npy"), Npy(new float[90 * 41 * 3], 90, 41, 3));
        var errors = Check().Where(x => x.Finding.Code == DatasetFindingCodes.DimensionMismatch).ToList();
        Assert.NotEmpty(errors);
        // Files are read in path order: bs_data/ binds V first.
        Assert.Contains(errors, x => x.File == "cache/skin/cp1_neutral/cp1_neutral.npy"
            && x.Finding.Message.Contains("makes V (skin vertices) 41, but bs_data/bs_skin.npz (neutral) makes it 40"));
    }

    [Fact]
    public void A_float64_cache_is_a_dtype_error_and_a_2d_one_a_shape_error()
    {
        Copy();
        var buffer = new ArrayBufferWriter<byte>();
        NpyWriter.Write(buffer, NpyDType.Float64, [90, 40, 3], false, new byte[90 * 40 * 3 * 8]);
        File.WriteAllBytes(At("cache", "skin", "cp1_neutral", "cp1_neutral.npy"), buffer.WrittenSpan.ToArray());
        Assert.Contains("dtype <f8, expected <f4", Single(DatasetFindingCodes.WrongDType).Finding.Message);

        File.WriteAllBytes(At("cache", "skin", "cp1_neutral", "cp1_neutral.npy"), Npy(new float[90 * 120], 90, 120));
        Assert.Contains("has 2 dimensions; expected [F, V, 3]", Single(DatasetFindingCodes.WrongShape).Finding.Message);
    }

    [Fact]
    public void Non_finite_positions_and_blink_keys_out_of_range_are_errors()
    {
        Copy();
        var cache = ReadFloats(At("cache", "tongue", "cp2_anger", "cp2_anger.npy"));
        cache[7] = float.NaN;
        File.WriteAllBytes(At("cache", "tongue", "cp2_anger", "cp2_anger.npy"), Npy(cache, 105, 12, 3));
        var (file, finding) = Single(DatasetFindingCodes.ValueOutOfRange);
        Assert.Equal("cache/tongue/cp2_anger/cp2_anger.npy", file);
        Assert.Contains("1 of 3780 values are NaN or infinite (first at element 7)", finding.Message);

        cache[7] = 0;
        File.WriteAllBytes(At("cache", "tongue", "cp2_anger", "cp2_anger.npy"), Npy(cache, 105, 12, 3));
        var blinks = ReadFloats(At("xform", "eye_blink_keys.npy"));
        blinks[3] = 1.5f;
        File.WriteAllBytes(At("xform", "eye_blink_keys.npy"), Npy(blinks, blinks.Length));
        Assert.Contains("outside [0, 1]", Single(DatasetFindingCodes.ValueOutOfRange).Finding.Message);
    }

    [Fact]
    public void A_non_finite_value_anywhere_in_a_streamed_cache_is_found()
    {
        Copy();
        string path = At("cache", "skin", "cp1_neutral", "cp1_neutral.npy");
        var clean = ReadFloats(path);
        // Every lane of the vector test (four 256-bit vectors a step), the step's edges, and the scalar tail.
        foreach (int at in new[] { 0, 1, 7, 8, 15, 16, 31, 32, 33, 63, 64, 65, clean.Length - 33, clean.Length - 1 })
        {
            var cache = (float[])clean.Clone();
            cache[at] = at % 2 == 0 ? float.NaN : float.NegativeInfinity;
            File.WriteAllBytes(path, Npy(cache, 90, 40, 3));
            Assert.Contains($"1 of {clean.Length} values are NaN or infinite (first at element {at})", Single(DatasetFindingCodes.ValueOutOfRange).Finding.Message);
        }
    }

    [Fact]
    public async Task A_track_or_a_cache_that_is_a_device_or_a_fifo_is_one_finding_and_the_run_goes_on()
    {
        if (!OperatingSystem.IsLinux()) return;
        Copy();
        File.Delete(At("audio", "cp1_neutral.wav"));
        File.CreateSymbolicLink(At("audio", "cp1_neutral.wav"), "/dev/urandom");
        File.Delete(At("cache", "tongue", "cp2_anger", "cp2_anger.npy"));
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", At("cache", "tongue", "cp2_anger", "cp2_anger.npy"))) mkfifo.WaitForExit();

        var results = await Deadline.Within(TimeSpan.FromSeconds(60), "the dataset check", () => DatasetValidator.Check(A2fDataset.Contract, _dir));
        var all = results.SelectMany(r => r.Findings.Select(f => (r.Path, f))).ToList();
        // The device is outside the dataset: the link to it is said and not followed. The FIFO inside is refused unread.
        Assert.Contains(all, x => x.f.Code == FindingCodes.LinkOutsideFolder && x.f.Message.Contains("/dev/urandom"));
        Assert.Contains(all, x => x.f.Code == FindingCodes.FileUnreadable && x.Path.EndsWith("cp2_anger.npy", StringComparison.Ordinal) && x.f.Message.Contains("named pipe"));
        Assert.DoesNotContain(all, x => x.f.Message.Contains("please report"));
    }

    [Fact]
    public void A_link_out_of_the_dataset_is_reported_and_not_followed()
    {
        if (!OperatingSystem.IsLinux()) return;
        Copy();
        string vertexList = At("geom", "skin", "eye_dist_vertex_list.json");
        File.Delete(vertexList);
        File.CreateSymbolicLink(vertexList, "/etc/passwd");
        Directory.CreateSymbolicLink(At("cache", "skin", "usr_share"), "/usr/share");
        // A link that stays inside the dataset is followed as before.
        File.Delete(At("audio", "aug", "voice1", "cp1_neutral.wav"));
        File.CreateSymbolicLink(At("audio", "aug", "voice1", "cp1_neutral.wav"), At("audio", "cp1_neutral.wav"));

        var results = DatasetValidator.Check(A2fDataset.Contract, _dir);
        var all = results.SelectMany(r => r.Findings.Select(f => (r.Path, f))).ToList();
        var links = all.Where(x => x.f.Code == FindingCodes.LinkOutsideFolder).ToList();
        Assert.Equal(2, links.Count);
        Assert.Contains(links, x => x.f.Message.Contains("/etc/passwd, outside " + _dir + "; not followed"));
        Assert.Contains(links, x => x.f.Message.Contains("/usr/share, outside " + _dir + "; not followed"));
        Assert.All(links, x => Assert.Equal(Severity.Warning, x.f.Severity));
        // Nothing from behind the links was read: no JSON error about passwd, no strays from /usr/share.
        Assert.DoesNotContain(all, x => x.f.Code is FindingCodes.Syntax or DatasetFindingCodes.StrayEntry);
        Assert.DoesNotContain(all, x => x.Path.Contains("cp1_neutral.wav", StringComparison.Ordinal) && x.f.Severity == Severity.Error);

        // Through the command, each link is reported once: by the dataset, not again by the folder walk.
        var stdout = new StringWriter();
        Codec.Cli.Commands.ValidateCommand.Run([_dir], asJson: false, showInfo: false, Codec.Cli.Commands.ValidateCommand.DefaultMaxFileBytes, stdout, new StringWriter());
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(stdout.ToString(), "warning F603").Count);
    }

    [Fact]
    public void A_skin_cache_folder_that_is_a_link_loop_is_one_finding_there()
    {
        Copy();
        Directory.Delete(At("cache", "skin"), recursive: true);
        File.CreateSymbolicLink(At("cache", "skin"), "skin2");
        File.CreateSymbolicLink(At("cache", "skin2"), "skin");
        var stdout = new StringWriter();
        int exit = Codec.Cli.Commands.ValidateCommand.Run([_dir], asJson: false, showInfo: false, Codec.Cli.Commands.ValidateCommand.DefaultMaxFileBytes, stdout, new StringWriter());
        Assert.Equal(1, exit);
        var (file, finding) = Single(DatasetFindingCodes.PartMissing);
        Assert.Equal("cache/skin", file);
        Assert.Contains("is a link to skin2 that loops or leads nowhere", finding.Message);
        // Nothing else cascades from it: the audio, tongue caches and archives are not each a shot it lacks.
        Assert.DoesNotContain(Check(), x => x.Finding.Code == DatasetFindingCodes.InstancesDisagree);
    }

    [Fact]
    public void A_maya_cache_is_checked_frame_by_frame()
    {
        Copy();
        string xml = At("cache", "skin", "cp3_joy", "cp3_joy.xml");
        var cache = MayaCache.Read(xml, new FindingSink())!;
        var positions = cache.Positions;
        positions[40 * 3 * 95 + 4] = float.PositiveInfinity; // frame 95 of 96
        MayaCache.Write(xml, positions, 40, 30, "head_meshShape", overwrite: true);
        var (file, finding) = Single(DatasetFindingCodes.ValueOutOfRange);
        Assert.Equal("cache/skin/cp3_joy/cp3_joy.xml", file);
        Assert.Contains($"1 of {96 * 40 * 3} values are NaN or infinite (first at element {40 * 3 * 95 + 4})", finding.Message);
    }

    [Fact]
    public void A_cache_of_several_channels_is_checked_as_NVIDIA_reads_it_and_says_which_channel_it_checked()
    {
        Copy();
        string folder = At("cache", "skin", "cp3_joy");
        var cache = MayaCache.Read(Path.Combine(folder, "cp3_joy.xml"), new FindingSink())!;
        foreach (var old in Directory.GetFiles(folder)) File.Delete(old);
        var positions = new TestMayaChannel("head_meshShape", "FloatVectorArray", "positions", 40, (f, i) => cache.Positions[(f * 120) + i]);
        var normals = new TestMayaChannel("head_meshShapeNormals", "FloatVectorArray", "normals", 40, (_, _) => double.NaN);
        MayaCacheBuilder.Write(folder, "cp3_joy", [positions, normals], cache.Frames, timePerFrame: 200, samplingRate: 200);

        var (file, finding) = Single(FindingCodes.CacheChannelChoice);
        Assert.Equal("cache/skin/cp3_joy/cp3_joy.xml", file);
        Assert.Contains("2 vertex channels", finding.Message);
        Assert.Contains($"training would read {2 * cache.Frames} frames that alternate between them", finding.Message);
        Assert.Contains("channel 'head_meshShape', its positions channel, is checked", finding.Message);
        // The positions were checked, not the normals: their NaNs are not reported, and the shot's V agrees.
        Assert.DoesNotContain(Check(), x => x.Finding.Code is DatasetFindingCodes.ValueOutOfRange or DatasetFindingCodes.DimensionMismatch);

        foreach (var old in Directory.GetFiles(folder)) File.Delete(old);
        MayaCacheBuilder.Write(folder, "cp3_joy", [positions with { Name = "a" }, positions with { Name = "b" }], cache.Frames, timePerFrame: 200, samplingRate: 200);
        (_, finding) = Single(FindingCodes.CacheChannelChoice);
        Assert.Contains("none of them is checked", finding.Message);
    }

    // ------------------------------------------------------------------ audio

    [Fact]
    public void Low_rate_or_8_bit_audio_is_a_warning()
    {
        Copy();
        WriteWav(At("audio", "cp1_neutral.wav"), 3, rate: 8000);
        var (file, finding) = Single(DatasetFindingCodes.AudioQuality, Severity.Warning);
        Assert.Equal("audio/cp1_neutral.wav", file);
        Assert.Contains("8000 Hz", finding.Message);
    }

    [Fact]
    public void Files_read_whole_are_bounded_and_caches_are_not()
    {
        Copy();
        // A 40 kB limit: the WAV tracks (96–112 kB) are refused unread, the JSON files (< 1 kB) pass, and the skin
        // caches, larger than the limit too, are streamed or mapped regardless.
        const int limit = 40_000;
        var results = DatasetValidator.Check(A2fDataset.Contract, _dir, new DatasetCheckOptions { MaxFileBytes = limit });
        var refused = results.Where(r => r.Findings.Any(f => f.Code == FindingCodes.DocumentTooLarge)).Select(r => Path.GetFileName(r.Path)).Order().ToList();
        Assert.Equal(new[] { "cp1_neutral.wav", "cp1_neutral.wav", "cp2_anger.wav", "cp2_anger.wav", "cp3_joy.wav", "cp3_joy.wav" }, refused);
        foreach (var cache in new[] { At("cache", "skin", "cp1_neutral", "cp1_neutral.npy"), At("cache", "skin", "cp2_anger", "cp2_anger.pc2"), At("cache", "skin", "cp3_joy", "cp3_joy.mc") })
        {
            Assert.True(new FileInfo(cache).Length > limit);
        }

        Assert.DoesNotContain(results, r => r.Path.Contains("cache", StringComparison.Ordinal) && r.Findings.Any(f => f.Severity == Severity.Error));
    }

    [Fact]
    public void An_8_bit_track_is_a_warning()
    {
        Copy();
        // An 8-bit PCM file SoX wrote; it is also sampled at 8 kHz and shorter than the shot (a separate error).
        File.Copy(Path.Combine(TestPaths.AudioFixtures, "sox_u8_mono_8k.wav"), At("audio", "cp1_neutral.wav"), overwrite: true);
        var quality = Check().Where(x => x.Finding.Code == DatasetFindingCodes.AudioQuality).ToList();
        Assert.Contains(quality, x => x.File == "audio/cp1_neutral.wav" && x.Finding.Message.Contains("8-bit samples; the layout asks for at least 16 bits"));
        Assert.All(quality, x => Assert.Equal(Severity.Warning, x.Finding.Severity));
    }

    [Fact]
    public void Shots_outside_3_to_30_seconds_and_low_fps_are_recommendation_warnings()
    {
        Copy();
        // cp1_neutral becomes 31 s long (930 frames at 30 fps), its tracks too.
        File.WriteAllBytes(At("cache", "skin", "cp1_neutral", "cp1_neutral.npy"), Npy(new float[930 * 40 * 3], 930, 40, 3));
        File.WriteAllBytes(At("cache", "tongue", "cp1_neutral", "cp1_neutral.npy"), Npy(new float[930 * 12 * 3], 930, 12, 3));
        RewriteNpz(At("xform", "jaw_keypoints_cache_all.npz"), (key, _) => key == "cp1_neutral" ? Npy(new float[930 * 5 * 3], 930, 5, 3) : null);
        RewriteNpz(At("xform", "eye_rotations_all.npz"), (key, _) => key == "cp1_neutral" ? Npy(new float[930 * 4], 930, 2, 2) : null);
        WriteWav(At("audio", "cp1_neutral.wav"), 31);
        WriteWav(At("audio", "aug", "voice1", "cp1_neutral.wav"), 31);
        var all = Check();
        Assert.DoesNotContain(all, x => x.Finding.Severity == Severity.Error);
        Assert.Contains(all, x => x.File == "cache/skin/cp1_neutral" && x.Finding.Code == DatasetFindingCodes.Recommendation
            && x.Finding.Message == "shot cp1_neutral lasts 31 s; 3–30 s are recommended (NVIDIA's Audio2Face-3D guide)");
    }

    [Fact]
    public void A_track_whose_length_is_not_its_shots_is_an_error()
    {
        Copy();
        WriteWav(At("audio", "cp2_anger.wav"), 105 / 30.0 + 0.5);
        var (file, finding) = Single(DatasetFindingCodes.DurationMismatch);
        Assert.Equal("audio/cp2_anger.wav", file);
        Assert.Contains("shot cp2_anger has 105 frames at 30 fps = 3.5 s", finding.Message);
        // The Maya cache declares 30 fps: a different --fps is an error at it, and the tracks are still measured at 30.
        var at25 = Check(fps: 25).Where(x => x.Finding.Code == DatasetFindingCodes.DurationMismatch).ToList();
        Assert.Equal(2, at25.Count);
        Assert.Contains(at25, x => x.File == "cache/skin/cp3_joy/cp3_joy.xml" && x.Finding.Message.Contains("runs at 30 fps, but --fps says 25"));
    }

    [Fact]
    public void Caches_at_different_fps_are_an_error()
    {
        Copy();
        var positions = ReadFloats(At("cache", "skin", "cp1_neutral", "cp1_neutral.npy"));
        File.Delete(At("cache", "skin", "cp1_neutral", "cp1_neutral.npy"));
        MayaCache.Write(At("cache", "skin", "cp1_neutral", "cp1_neutral.xml"), positions, 40, 24, "head_meshShape");
        var all = Check();
        Assert.Contains(all, x => x.File == "cache/skin/cp3_joy/cp3_joy.xml" && x.Finding.Code == DatasetFindingCodes.DurationMismatch
            && x.Finding.Message.Contains("runs at 30 fps, cache/skin/cp1_neutral/cp1_neutral.xml at 24: every shot needs the same fps"));
    }

    // ------------------------------------------------------------------ shots across folders

    [Fact]
    public void Shot_names_must_agree_across_audio_caches_voices_and_transform_archives()
    {
        Copy();
        File.Move(At("audio", "cp3_joy.wav"), At("audio", "cp3_joyful.wav"));
        var all = Check();
        Assert.Contains(all, x => x.File == "cache/skin/cp3_joy" && x.Finding.Code == DatasetFindingCodes.InstancesDisagree && x.Finding.Severity == Severity.Error);
        Assert.Contains(all, x => x.File == "audio/cp3_joyful.wav" && x.Finding.Code == DatasetFindingCodes.InstancesDisagree && x.Finding.Severity == Severity.Warning);
    }

    [Fact]
    public void A_voice_lacking_a_shot_and_an_archive_entry_for_no_shot_are_warnings()
    {
        Copy();
        File.Delete(At("audio", "aug", "voice1", "cp2_anger.wav"));
        RewriteNpz(At("xform", "eye_rotations_all.npz"), (_, _) => null, ("cp9_pain", Npy(new float[10 * 4], 10, 2, 2)));
        var warnings = Check().Where(x => x.Finding.Code == DatasetFindingCodes.InstancesDisagree).ToList();
        Assert.All(warnings, x => Assert.Equal(Severity.Warning, x.Finding.Severity));
        Assert.Contains(warnings, x => x.File == "audio/aug/voice1" && x.Finding.Message.Contains("voice1 lacks 1 of the 3 shots of cache/skin/ (cp2_anger)"));
        Assert.Contains(warnings, x => x.File == "xform/eye_rotations_all.npz" && x.Finding.Message.Contains("cp9_pain names no shot of cache/skin/") && x.Finding.Path == "/cp9_pain");
    }

    [Fact]
    public void A_shot_name_NVIDIA_would_write_unescaped_is_a_warning()
    {
        Copy();
        string shot = "cp4 \"take\"";
        Directory.CreateDirectory(At("cache", "skin", shot));
        File.Copy(At("cache", "skin", "cp1_neutral", "cp1_neutral.npy"), At("cache", "skin", shot, shot + ".npy"));
        File.Copy(At("audio", "cp1_neutral.wav"), At("audio", shot + ".wav"));
        var warning = Assert.Single(Check(), x => x.Finding.Message.Contains("unescaped"));
        Assert.Equal(($"cache/skin/{shot}", Severity.Warning), (warning.File, warning.Finding.Severity));
    }

    [Fact]
    public void A_tongue_cache_without_its_skin_cache_is_an_error()
    {
        Copy();
        Directory.Move(At("cache", "tongue", "cp3_joy"), At("cache", "tongue", "cp9_pain"));
        File.Move(At("cache", "tongue", "cp9_pain", "cp3_joy.npy"), At("cache", "tongue", "cp9_pain", "cp9_pain.npy"));
        var all = Check();
        Assert.Contains(all, x => x.File == "cache/tongue/cp9_pain" && x.Finding.Code == DatasetFindingCodes.InstancesDisagree && x.Finding.Severity == Severity.Error);
        Assert.Contains(all, x => x.File == "cache/skin/cp3_joy" && x.Finding.Code == DatasetFindingCodes.InstancesDisagree && x.Finding.Severity == Severity.Warning);
    }

    [Fact]
    public void A_transform_archive_missing_a_shot_is_an_error()
    {
        Copy();
        RewriteNpz(At("xform", "jaw_keypoints_cache_all.npz"), (key, _) => key == "cp2_anger" ? Drop : null);
        var (file, finding) = Single(DatasetFindingCodes.InstancesDisagree);
        Assert.Equal("xform/jaw_keypoints_cache_all.npz", file);
        Assert.Contains("KeyError", finding.Message);
    }

    [Fact]
    public void An_absent_transform_archive_is_not_reported_once_per_shot()
    {
        Copy();
        File.Delete(At("xform", "eye_rotations_all.npz"));
        Assert.DoesNotContain(Check(), x => x.Finding.Code == DatasetFindingCodes.InstancesDisagree);
    }

    [Fact]
    public void An_augmented_track_claimed_by_two_shots_is_a_warning()
    {
        Copy();
        // Shot "cp1" makes NVIDIA's substring match attach voice1/cp1_neutral.wav to both cp1 and cp1_neutral.
        Directory.CreateDirectory(At("cache", "skin", "cp1"));
        File.Copy(At("cache", "skin", "cp1_neutral", "cp1_neutral.npy"), At("cache", "skin", "cp1", "cp1.npy"));
        File.Copy(At("audio", "cp1_neutral.wav"), At("audio", "cp1.wav"));
        var all = Check();
        var ambiguous = Assert.Single(all, x => x.Finding.Code == DatasetFindingCodes.AmbiguousSubstring);
        Assert.Equal("audio/aug/voice1/cp1_neutral.wav", ambiguous.File);
        Assert.Contains("2 shots: cp1, cp1_neutral", ambiguous.Finding.Message);
    }

    // ------------------------------------------------------------------ JSON contracts

    [Theory]
    [InlineData("geom/skin/lip_dist_vertex_list.json", "{\"upper\": [20, 21, 22, 23, 24], \"lower\": [25, 26, 27, 28, 40]}", "index 40 is outside 0..39 (V = 40)")]
    [InlineData("geom/skin/lip_dist_vertex_list.json", "{\"upper\": [20, 21, 22, 23, 24], \"lower\": [25, 26, 27, 28]}", "/upper has 5 entries and /lower 4")]
    [InlineData("geom/skin/eye_dist_vertex_list.json", "{\"upper\": [10], \"lower\": [12]}", "/lower has 1 entries; at least 2 are needed")]
    [InlineData("geom/skin/lip_size_vertex_list.json", "{\"upper_lip\": {\"top\": [1], \"bottom\": [2]}, \"lower_lip\": {\"bottom\": [3]}}", "/lower_lip/top is missing")]
    [InlineData("geom/tongue/rigid_vertex_list.json", "[0, 1]", "/ has 2 entries; at least 3 are needed")]
    [InlineData("geom/tongue/rigid_vertex_list.json", "[0, 1, 2, 3, 12]", "index 12 is outside 0..11 (Vt = 12)")]
    [InlineData("geom/tongue/rigid_vertex_list.json", "[0, 1, 2, \"3\"]", "[3] is a string, not an integer")]
    [InlineData("geom/tongue/rigid_vertex_list.json", "[0, 1, 2, 3.5]", "/[3] is the number 3.5, not an integer")]
    [InlineData("geom/tongue/rigid_vertex_list.json", "{\"ids\": [0, 1, 2, 3]}", "/ is an object, not an array of integers")]
    // A value on the way that is not an object is said once; the fields below it are not also "missing".
    [InlineData("geom/skin/lip_size_vertex_list.json", "{\"upper_lip\": [1, 2], \"lower_lip\": {\"top\": [3], \"bottom\": [4]}}", "/upper_lip is an array, not an object")]
    [InlineData("geom/skin/lip_size_vertex_list.json", "[]", "/ is an array, not an object")]
    public void Vertex_lists_are_checked_against_their_contract(string file, string json, string expected)
    {
        Copy();
        File.WriteAllText(At(file.Split('/')), json);
        var (at, finding) = Single(DatasetFindingCodes.BadField);
        Assert.Equal(file, at);
        Assert.Contains(expected, finding.Message);
    }

    [Fact]
    public void A_vertex_list_is_decoded_located_and_repeated_members_are_said()
    {
        Copy();
        File.WriteAllText(At("geom", "skin", "lip_dist_vertex_list.json"), "{\"upper\": [20, 21],\n \"lower\": [25, 26, 27, 28, 29],\n \"upper\": [20, 21, 22, 23, 24], \"note\": {\"any\": [\"thing\"]}}");
        var (file, repeated) = Single(FindingCodes.DuplicateMember, Severity.Warning);
        Assert.Equal("geom/skin/lip_dist_vertex_list.json", file);
        Assert.Equal("/upper", repeated.Path);
        Assert.Equal(3, repeated.Line);
        // The later value is the one checked (as Python's json keeps it): 5 and 5, paired; the unknown member is skipped.
        Assert.DoesNotContain(Check(), x => x.Finding.Code == DatasetFindingCodes.BadField);

        // An object written twice, first of the wrong kind: said once as repeated (not again by each field below it).
        File.WriteAllText(At("geom", "skin", "lip_dist_vertex_list.json"), "{\"upper\": [20, 21, 22, 23, 24], \"lower\": [25, 26, 27, 28, 29]}");
        File.WriteAllText(At("geom", "skin", "lip_size_vertex_list.json"), "{\"upper_lip\": 3, \"upper_lip\": {\"top\": [1], \"bottom\": [2]}, \"lower_lip\": {\"top\": [3], \"bottom\": [4]}}");
        Assert.Equal("/upper_lip", Single(FindingCodes.DuplicateMember, Severity.Warning).Finding.Path);
        File.Copy(Path.Combine(Shipped, "geom", "skin", "lip_size_vertex_list.json"), At("geom", "skin", "lip_size_vertex_list.json"), overwrite: true);

        File.WriteAllText(At("geom", "skin", "lip_dist_vertex_list.json"), "{\"\\ud800\": 1, \"upper\": [20], \"lower\": [25]}");
        var (_, broken) = Single(FindingCodes.InvalidUtf8);
        Assert.Equal((1, 3), (broken.Line, broken.Column));
        Assert.Contains("unpaired surrogate", broken.Message);
    }

    [Theory]
    [InlineData("deep")]
    [InlineData("[0, 1, 2, 1e999]")]
    [InlineData("[0, 1, 2, }")]
    [InlineData("{\"upper\": [0], \"lower\": ")]
    public void Hostile_json_is_one_located_error_of_its_file(string json)
    {
        // Nested past the reader's depth limit, a number past a double's range, a stray character, a cut: the file's
        // one finding, located, never a crash (and not also a field of the wrong kind).
        Copy();
        string file = json.StartsWith('{') ? "geom/skin/lip_dist_vertex_list.json" : "geom/tongue/rigid_vertex_list.json";
        File.WriteAllText(At(file.Split('/')), json == "deep" ? new string('[', 10_000) + new string(']', 10_000) : json);
        var errors = Check().Where(x => x.Finding.Severity == Severity.Error).ToList();
        var error = Assert.Single(errors);
        Assert.Equal(file, error.File);
        Assert.True(error.Finding.Line == 1 && error.Finding.Column > 1, error.Finding.ToString());
    }

    [Fact]
    public void Three_rigid_tongue_vertices_are_a_warning_as_the_seed_asks_for_four()
    {
        Copy();
        File.WriteAllText(At("geom", "tongue", "rigid_vertex_list.json"), "[0, 1, 2]");
        var (file, finding) = Single(DatasetFindingCodes.BadField, Severity.Warning);
        Assert.Equal("geom/tongue/rigid_vertex_list.json", file);
        Assert.Contains("/ has 3 entries; at least 4 are needed", finding.Message);
    }

    [Theory]
    [InlineData("\"numPoses\": 52", "\"numPoses\": 51", "numPoses is 51, but P is 52")]
    [InlineData("\"strengthSymmetry\": 100", "\"strengthSymmetry\": -1", "strengthSymmetry: value -1 is outside [0, inf]")]
    [InlineData("\"templateBBSize\": 54.7", "\"templateBBSize\": 0.5", "templateBBSize: value 0.5 is outside [1, inf]")]
    [InlineData("\"strengthL1regularization\": 1,", "", "strengthL1regularization is missing (a number expected)")]
    [InlineData("\"numPoses\": 52", "\"numPoses\": \"52\"", "/blendshape_params/numPoses is a string, not an integer")]
    [InlineData("\"strengthSymmetry\": 100", "\"strengthSymmetry\": NaN", "/blendshape_params/strengthSymmetry is the number NaN, not a number")]
    public void Blendshape_configs_are_checked_against_their_archive(string find, string replace, string expected)
    {
        Copy();
        string path = At("bs_data", "bs_skin_config.json");
        string text = File.ReadAllText(path).Replace(" ", "").Replace("\":", "\": ");
        Assert.Contains(find, text);
        File.WriteAllText(path, text.Replace(find, replace));
        var (at, finding) = Single(DatasetFindingCodes.BadField);
        Assert.Equal("bs_data/bs_skin_config.json", at);
        Assert.Contains(expected, finding.Message);
    }

    [Fact]
    public void A_config_array_of_the_wrong_length_is_an_error()
    {
        Copy();
        string path = At("bs_data", "bs_tongue_config.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"bsWeightOffsets\": [", "\"bsWeightOffsets\": [0,"));
        Assert.Contains("bsWeightOffsets has 17 entries; Pt is 16", Single(DatasetFindingCodes.BadField).Finding.Message);
    }

    // ------------------------------------------------------------------ blendshape archives (NVIDIA's SDK)

    [Fact]
    public void Pose_names_must_start_with_the_neutral()
    {
        Copy();
        RewriteNpz(At("bs_data", "bs_tongue.npz"), (key, array) =>
        {
            if (key != "poseNames") return null;
            var bytes = array.Data.ToArray();
            Encoding.ASCII.GetBytes("neutrak").CopyTo(bytes, 0);
            var buffer = new ArrayBufferWriter<byte>();
            NpyWriter.Write(buffer, array.DType, array.Header.Shape.ToArray(), false, bytes);
            return buffer.WrittenSpan.ToArray();
        });
        var all = Check().Where(x => x.Finding.Code == DatasetFindingCodes.BlendshapeArchive).ToList();
        Assert.Contains(all, x => x.Finding.Message.Contains("poseNames[0] is \"neutrak\""));
    }

    [Fact]
    public void A_missing_delta_is_an_error_and_unicode_pose_names_a_warning()
    {
        Copy();
        RewriteNpz(At("bs_data", "bs_skin.npz"), (key, _) => key == "JawOpen" ? Drop : null);
        var (file, finding) = Single(DatasetFindingCodes.BlendshapeArchive);
        Assert.Equal("bs_data/bs_skin.npz", file);
        Assert.Contains("Delta pose (JawOpen) is not found", finding.Message);

        Copy2Fresh();
        var names = new[] { "neutral" }.Concat(Codec.Formats.A2f.Poses.TonguePoseTable.Rows.ToArray().Select(r => r.Name)).ToArray();
        int width = names.Max(n => n.Length);
        var utf32 = new byte[names.Length * width * 4];
        for (int i = 0; i < names.Length; i++) Encoding.UTF32.GetBytes(names[i]).CopyTo(utf32, i * width * 4);
        var buffer = new ArrayBufferWriter<byte>();
        NpyWriter.Write(buffer, new NpyDType(NpyKind.Unicode, width * 4, false), [names.Length], false, utf32);
        var unicode = buffer.WrittenSpan.ToArray();
        RewriteNpz(At("bs_data", "bs_tongue.npz"), (key, _) => key == "poseNames" ? unicode : null);
        var warning = Single(DatasetFindingCodes.WrongDType, Severity.Warning);
        Assert.Contains("<U", warning.Finding.Message);
    }

    [Fact]
    public void A_delta_of_another_size_than_the_neutral_is_an_error()
    {
        Copy();
        RewriteNpz(At("bs_data", "bs_tongue.npz"), (key, _) => key == "TongueUp" ? Npy(new float[6], 2, 3) : null);
        var all = Check();
        Assert.Contains(all, x => x.File == "bs_data/bs_tongue.npz" && x.Finding.Code == DatasetFindingCodes.BlendshapeArchive
            && x.Finding.Message.StartsWith("Delta poses size mismatch: TongueUp has shape (2, 3), the neutral 36 values"));
        Assert.Contains(all, x => x.File == "bs_data/bs_tongue.npz" && x.Finding.Code == DatasetFindingCodes.DimensionMismatch);
    }

    private void Copy2Fresh()
    {
        Directory.Delete(_dir, recursive: true);
        Directory.CreateDirectory(_dir);
        Copy();
    }

    [Fact]
    public void The_blendshape_neutral_must_be_the_training_neutral()
    {
        Copy();
        var neutral = ReadFloats(At("geom", "skin", "neutral_pose.npy"));
        neutral[5] += 0.01f;
        File.WriteAllBytes(At("geom", "skin", "neutral_pose.npy"), Npy(neutral, 40, 3));
        var (file, finding) = Single(DatasetFindingCodes.ValuesDiffer);
        Assert.Equal("bs_data/bs_skin.npz", file);
        Assert.Contains("by up to 0.01 (at value 5; tolerance 1E-05)", finding.Message);
    }

    [Fact]
    public void A_frontal_mask_index_beyond_the_vertices_is_an_error()
    {
        Copy();
        RewriteNpz(At("bs_data", "bs_skin.npz"), (key, array) =>
        {
            if (key != "frontalMask") return null;
            var values = Enumerable.Range(0, 10).Select(i => i == 9 ? 40 : i).ToArray();
            var buffer = new ArrayBufferWriter<byte>();
            NpyWriter.Write(buffer, array.DType, [10], false, values.SelectMany(BitConverter.GetBytes).ToArray());
            return buffer.WrittenSpan.ToArray();
        });
        // The member's indexBelow ("V") is checked wherever a layout declares one, not by a blendshape rule.
        var (file, finding) = Single(DatasetFindingCodes.ValueOutOfRange);
        Assert.Equal(("bs_data/bs_skin.npz", "/frontalMask/9"), (file, finding.Path));
        Assert.Equal("frontalMask[9] = 40 is not an index below V (40)", finding.Message);
    }

    // ------------------------------------------------------------------ reports

    [Fact]
    public void The_readable_and_json_reports_of_a_corrupted_dataset_match_their_snapshots()
    {
        Copy();
        File.WriteAllText(At("cache", "skin", "readme.txt"), "notes");
        WriteWav(At("audio", "cp2_anger.wav"), 4.2);
        File.WriteAllText(At("geom", "tongue", "rigid_vertex_list.json"), "[0, 1]");
        RewriteNpz(At("bs_data", "bs_skin.npz"), (key, _) => key == "JawOpen" ? Drop : null);

        string Normalise(string text) => text.Replace(_dir + Path.DirectorySeparatorChar, "<dataset>/").Replace(_dir, "<dataset>").Replace('\\', '/');
        var readable = new StringWriter();
        Assert.Equal(1, Codec.Cli.Commands.ValidateCommand.Run([_dir], new Codec.Cli.Commands.ValidateSettings(), readable, new StringWriter()));
        Snapshot.Verify(Normalise(readable.ToString()), target: "readable");

        var json = new StringWriter();
        Assert.Equal(1, Codec.Cli.Commands.ValidateCommand.Run([_dir], new Codec.Cli.Commands.ValidateSettings { AsJson = true }, json, new StringWriter()));
        using var document = System.Text.Json.JsonDocument.Parse(json.ToString());
        Assert.Equal(4, document.RootElement.GetProperty("errors").GetInt32());
        Snapshot.Verify(Normalise(json.ToString()), "json", target: "json");
    }

    [Fact]
    public void The_sarif_log_has_a_rule_per_code_and_a_located_result_per_finding()
    {
        Copy();
        WriteWav(At("audio", "cp2_anger.wav"), 4.2);
        File.WriteAllBytes(At("xform", "eye_blink_keys.npy"), [1, 2, 3]);
        var output = new StringWriter();
        Assert.Equal(1, Codec.Cli.Commands.ValidateCommand.Run([_dir], new Codec.Cli.Commands.ValidateSettings { AsSarif = true }, output, new StringWriter()));
        using var log = System.Text.Json.JsonDocument.Parse(output.ToString());
        Assert.Equal("2.1.0", log.RootElement.GetProperty("version").GetString());
        var run = log.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Contains("D910", rules);
        var results = run.GetProperty("results").EnumerateArray().ToList();
        var duration = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == "D910");
        Assert.Equal("error", duration.GetProperty("level").GetString());
        Assert.EndsWith("/audio/cp2_anger.wav", duration.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.StartsWith("file://", duration.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        // A binary file's finding is located by byte offset.
        var broken = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == FindingCodes.BadSignature);
        Assert.Equal(0, broken.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("byteOffset").GetInt64());
        Assert.Equal(results.Count(r => r.GetProperty("level").GetString() == "warning"), results.Count(r => r.GetProperty("ruleId").GetString() == "D915"));
        Assert.Equal(rules.IndexOf("D910"), duration.GetProperty("ruleIndex").GetInt32());
    }

    [Fact]
    public void Clip_facts_give_each_shot_its_motion_range_emotion_and_seconds()
    {
        Copy();
        // cp1_neutral: 90 frames of 40 vertices at rest, but vertex 7 moves 3 along x and 4 along y: its span is 5.
        var values = new float[90 * 40 * 3];
        for (int f = 0; f < 90; f++)
        {
            values[(((f * 40) + 7) * 3) + 0] = 3f * f / 89;
            values[(((f * 40) + 7) * 3) + 1] = 4f * f / 89;
        }

        File.WriteAllBytes(At("cache", "skin", "cp1_neutral", "cp1_neutral.npy"), Npy(values, 90, 40, 3));
        var clips = DatasetValidator.Check(A2fDataset.Contract, _dir).Where(r => r.Clip is not null)
            .ToDictionary(r => Path.GetRelativePath(_dir, r.Path).Replace('\\', '/'), r => r.Clip!);
        var cache = clips["cache/skin/cp1_neutral/cp1_neutral.npy"];
        Assert.Equal(5, cache.MotionRange!.Value, 5);
        Assert.Equal("neutral", cache.Emotion);
        Assert.Equal(90 / 30.0, cache.Seconds!.Value, 9); // an .npy declares no fps: the dataset's 30
        Assert.Equal("anger", clips["audio/cp2_anger.wav"].Emotion);
        Assert.All(clips.Values.Where(c => c.Kind == "cache"), c => Assert.True(c.MotionRange > 0));
        Assert.All(clips.Values.Where(c => c.Kind == "audio"), c => Assert.Null(c.MotionRange));
    }

    [Fact]
    public void A_cache_read_in_many_chunks_gives_its_motion_range_and_its_first_non_finite_value()
    {
        Copy();
        // 300 frames of 2,000 vertices (7.2 MB, read in many chunks that cut frames): vertex 1,500 spans 5, and one
        // coordinate of frame 250 is NaN.
        const int frames = 300, vertices = 2000;
        var values = new float[frames * vertices * 3];
        for (int f = 0; f < frames; f++)
        {
            values[(((f * vertices) + 1500) * 3) + 0] = 3f * f / (frames - 1);
            values[(((f * vertices) + 1500) * 3) + 1] = 4f * f / (frames - 1);
        }

        int nan = (((250 * vertices) + 1234) * 3) + 2;
        values[nan] = float.NaN;
        File.WriteAllBytes(At("cache", "skin", "cp1_neutral", "cp1_neutral.npy"), Npy(values, frames, vertices, 3));
        var result = DatasetValidator.Check(A2fDataset.Contract, _dir).Single(r => r.Path == At("cache", "skin", "cp1_neutral", "cp1_neutral.npy"));
        Assert.Equal(5, result.Clip!.MotionRange!.Value, 5);
        var finding = Assert.Single(result.Findings, f => f.Code == DatasetFindingCodes.ValueOutOfRange);
        Assert.Contains($"1 of {values.Length} values are NaN or infinite (first at element {nan})", finding.Message);
    }

    [Fact]
    public void The_motion_range_is_exact_in_every_lane_and_in_the_tail()
    {
        Copy();
        // 37 vertices (111 coordinates: not a whole number of vectors, so each frame has a tail taken value by value)
        // over 301 frames of a random walk: the box of every vertex must be the exact one, the tail's too.
        const int frames = 301, vertices = 37, stride = vertices * 3;
        var random = new Random(7);
        var values = new float[frames * stride];
        for (int i = 0; i < stride; i++) values[i] = (float)random.NextDouble();
        for (int i = stride; i < values.Length; i++) values[i] = values[i - stride] + (float)(random.NextDouble() - 0.5);
        // The last vertex (in each frame's tail) moves furthest, over the last eleven frames.
        for (int f = 290; f < frames; f++) values[(f * stride) + stride - 1] += 40f * (f - 289);
        double expected = 0;
        for (int v = 0; v < vertices; v++)
        {
            double squares = 0;
            for (int axis = 0; axis < 3; axis++)
            {
                var coordinate = Enumerable.Range(0, frames).Select(f => values[(f * stride) + (v * 3) + axis]).ToArray();
                squares += Math.Pow(coordinate.Max() - coordinate.Min(), 2);
            }

            expected = Math.Max(expected, Math.Sqrt(squares));
        }

        File.WriteAllBytes(At("cache", "skin", "cp1_neutral", "cp1_neutral.npy"), Npy(values, frames, vertices, 3));
        var result = DatasetValidator.Check(A2fDataset.Contract, _dir).Single(r => r.Path == At("cache", "skin", "cp1_neutral", "cp1_neutral.npy"));
        Assert.Equal(expected, result.Clip!.MotionRange!.Value, 5);
    }
}
