using Codec.Formats.Findings;
using Codec.Formats.Synthesis;
using Codec.Formats.Validation.Folders;
using Codec.Formats.Validation;
using Codec.Runtime.Findings;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Formats;

/// <summary>Cross-file checks of a Synthesis output folder: renders and lines, identity, face, resolution, lens.</summary>
public sealed class FolderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("codec-folder-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<IReadOnlyList<FileCheckResult>> Check(string folder) => await new SynthesisFolderChecker().CheckAsync(folder);

    private static IEnumerable<Finding> All(IReadOnlyList<FileCheckResult> results, string code) =>
        results.SelectMany(r => r.Findings).Where(f => f.Code == code);

    private static string SampleFolder(string version) => Path.Combine(TestPaths.SampleData, "synthesis", "info-" + version);

    // A copy of a shipped sample folder to change.
    private string Copy(string version)
    {
        string target = Path.Combine(_dir, version);
        Directory.CreateDirectory(target);
        foreach (var f in Directory.EnumerateFiles(SampleFolder(version))) File.Copy(f, Path.Combine(target, Path.GetFileName(f)));
        return target;
    }

    // Every file's results as text, in the order given: what a report would print.
    private static string Listing(IReadOnlyList<FileCheckResult> results) => string.Join("\n", results.Select(r =>
        Path.GetFileName(r.Path) + " " + r.Version + ": " + string.Join("; ", r.Findings.Select(f => f + " @" + f.Offset))));

    [Fact]
    public async Task Renders_checked_on_several_cores_give_the_report_of_one_core()
    {
        string folder = Copy("1.5");
        // Findings in several renders and in the metadata line they cross-check with, and a render with no line.
        File.WriteAllText(Path.Combine(folder, "1.info.json"), File.ReadAllText(Path.Combine(folder, "1.info.json")).Replace("4581.818181818182,", "4000.5,"));
        File.WriteAllText(Path.Combine(folder, "2.info.json"), "{\"version\": \"1.5\", ");
        File.Copy(Path.Combine(folder, "0.info.json"), Path.Combine(folder, "7.info.json"));

        var one = await new SynthesisFolderChecker(new FolderCheckOptions { Parallelism = 1 }).CheckAsync(folder);
        var many = await new SynthesisFolderChecker(new FolderCheckOptions { Parallelism = 4 }).CheckAsync(folder);

        Assert.Equal(Listing(one), Listing(many));
        Assert.Equal(5, one.Count);
        Assert.Contains(one.SelectMany(r => r.Findings), f => f.Code == FolderFindingCodes.FilesWithoutLine);
        Assert.Contains(one, r => r.Path.EndsWith("1.info.json", StringComparison.Ordinal) && r.Findings.Any(f => f.Line > 0 && f.Severity == Severity.Error));
    }

    [FixtureFact]
    public async Task A_real_folder_checked_on_several_cores_gives_the_report_of_one_core()
    {
        foreach (var name in new[] { "face-api-1.2", "humans-1.5" })
        {
            string folder = Path.Combine(TestPaths.SynthesisFixtures, name);
            var one = await new SynthesisFolderChecker(new FolderCheckOptions { Parallelism = 1 }).CheckAsync(folder);
            var many = await new SynthesisFolderChecker(new FolderCheckOptions { Parallelism = 3 }).CheckAsync(folder);
            Assert.Equal(Listing(one), Listing(many));
        }
    }

    [FixtureFact]
    public async Task A_render_lacking_a_modality_its_siblings_have_and_files_of_no_render_are_warnings()
    {
        string folder = Path.Combine(_dir, "face-api");
        Directory.CreateDirectory(folder);
        foreach (var f in Directory.EnumerateFiles(Path.Combine(TestPaths.SynthesisFixtures, "face-api-1.2"))) File.Copy(f, Path.Combine(folder, Path.GetFileName(f)));
        File.Delete(Path.Combine(folder, "3.segments.png"));
        File.Copy(Path.Combine(folder, "4.segments.png"), Path.Combine(folder, "99.segments.png"));

        var results = await Check(folder);
        var missing = Assert.Single(All(results, FolderFindingCodes.MissingModality));
        Assert.Contains("render 3 has no 3.segments.png, which 14 of the folder's 15 renders have", missing.Message);
        Assert.Contains(results, r => r.Path.EndsWith("3.segments.png", StringComparison.Ordinal) && r.Findings.Contains(missing));
        var orphan = Assert.Single(All(results, FolderFindingCodes.FilesWithoutRender));
        Assert.Contains("render 99 has 1 file(s) (99.segments.png) but no info.json", orphan.Message);
        Assert.All(All(results, FolderFindingCodes.MissingModality).Concat(All(results, FolderFindingCodes.FilesWithoutRender)), f => Assert.Equal(Severity.Warning, f.Severity));
    }

    [FixtureFact]
    public async Task Another_products_files_are_one_finding_each_with_no_cascade_into_masks_or_lines()
    {
        // Render 3 is retail's (its line "api": 3, its info.json retail's shape), render 4's line the containers product's.
        string folder = Path.Combine(_dir, "mixed");
        Directory.CreateDirectory(folder);
        foreach (var f in Directory.EnumerateFiles(Path.Combine(TestPaths.SynthesisFixtures, "face-api-1.2"))) File.Copy(f, Path.Combine(folder, Path.GetFileName(f)));
        string metadata = Path.Combine(folder, "metadata.jsonl");
        var lines = File.ReadAllLines(metadata);
        int retail = Array.FindIndex(lines, l => l.Contains("\"render_id\":3,", StringComparison.Ordinal));
        int containers = Array.FindIndex(lines, l => l.Contains("\"render_id\":4,", StringComparison.Ordinal));
        lines[retail] = lines[retail].Replace("\"api\":0", "\"api\":3");
        lines[containers] = lines[containers].Replace("\"scene\":{", "\"scene\":{\"container\":{\"type\":\"box\"},").Replace(",\"version\":0", ",\"version\":1");
        File.WriteAllLines(metadata, lines);
        File.WriteAllText(Path.Combine(folder, "3.info.json"), """
            {"version": "1.2", "environment": {"hdri": "x"}, "camera": {"intrinsics": [[1, 0, 1], [0, 1, 1], [0, 0, 1]]},
             "scene_information": {"objects": 596}, "objects": [{"id": 1}], "segments_mapping": {"barcode__10000000014__0": 1}}
            """);

        var results = await Check(folder);
        var other = results.SelectMany(r => r.Findings.Select(f => (File: Path.GetFileName(r.Path), Finding: f))).Where(x => x.Finding.Severity != Severity.Info).ToList();
        Assert.True(other.All(x => x.Finding.Code == FindingCodes.OtherProduct), string.Join("\n", other.Select(x => x.File + ": " + x.Finding)));
        // The metadata.jsonl's lines of other products are one finding, at the first, with their count.
        Assert.Equal(["3.info.json", "metadata.jsonl"], other.Select(x => x.File).Order(StringComparer.Ordinal));
        var once = other.Single(x => x.File == "metadata.jsonl").Finding;
        Assert.Equal(Math.Min(retail, containers) + 1, once.Line);
        Assert.EndsWith("(and so are 1 more of the file's lines: 2 in all)", once.Message);
    }

    [FixtureFact]
    public async Task A_real_dataset_folder_is_consistent()
    {
        var results = await Check(Path.Combine(TestPaths.SynthesisFixtures, "face-api-1.2"));
        Assert.Equal(31, results.Count); // metadata.jsonl, 15 info.json and their 15 segmentation masks
        Assert.DoesNotContain(results.SelectMany(r => r.Findings), f => f.Code.StartsWith('X') || f.Severity == Severity.Error);
    }

    [FixtureFact]
    public async Task The_hand_assembled_documentation_folder_gets_clear_findings()
    {
        var results = await Check(Path.Combine(TestPaths.SynthesisFixtures, "humans-1.5"));
        // Its one line says render 0 but describes identity 24 with the 24.* files' camera; 0.info.json is another job's.
        var metadata = results.Single(r => r.Path.EndsWith("metadata.jsonl", StringComparison.Ordinal));
        Assert.Equal("1.4", metadata.Version);
        Assert.Contains(metadata.Findings, f => f.Code == FolderFindingCodes.IdentityMismatch && f.Line == 1 && f.Message.Contains("0.info.json") && f.Message.Contains("/id: 24 vs 303"));
        Assert.Contains(metadata.Findings, f => f.Code == FolderFindingCodes.FacialAttributesMismatch);
        Assert.Contains(metadata.Findings, f => f.Code == FolderFindingCodes.ResolutionMismatch && f.Message.Contains("1024x1024"));
        Assert.Contains(metadata.Findings, f => f.Code == FolderFindingCodes.CameraMismatch && f.Message.Contains("focal length"));
        var orphan = Assert.Single(All(results, FolderFindingCodes.FilesWithoutLine));
        Assert.Contains("render 24", orphan.Message);
    }

    [FixtureFact]
    public async Task The_real_dense_meshes_are_projected_through_their_render_camera()
    {
        // The 1.5 portrait's meshes project into its render; moved 10 m behind the camera they must not.
        string folder = Path.Combine(_dir, "humans");
        Directory.CreateDirectory(folder);
        foreach (var f in Directory.EnumerateFiles(Path.Combine(TestPaths.SynthesisFixtures, "humans-1.5"))) File.Copy(f, Path.Combine(folder, Path.GetFileName(f)));
        Assert.Empty(All(await Check(folder), FolderFindingCodes.MeshMismatch));
        Assert.Empty(All(await Check(folder), FolderFindingCodes.CheckNotRun));

        string info = Path.Combine(folder, "24.info.json");
        var doc = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(info))!;
        var row = doc["camera"]!["transform_world2cam"]!["mat_4x4"]![2]!;
        row[3] = row[3]!.GetValue<double>() + 10;
        File.WriteAllText(info, doc.ToJsonString());
        var moved = All(await Check(folder), FolderFindingCodes.MeshMismatch).ToList();
        Assert.Equal(2, moved.Count); // the MediaPipe and the SAI mesh
        Assert.All(moved, f => Assert.Contains("vertices are behind it", f.Message));
    }

    [Fact]
    public async Task A_check_whose_input_is_absent_says_so()
    {
        // Without a camera, a mask's size cannot be checked: a warning says so instead of silence.
        string folder = Copy("1.5");
        string info = Directory.EnumerateFiles(folder, "*.info.json").First();
        var doc = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(info))!.AsObject();
        doc.Remove("camera");
        File.WriteAllText(info, doc.ToJsonString());
        string render = Path.GetFileName(info).Split('.')[0];
        using (var stream = File.Create(Path.Combine(folder, render + ".segments.png")))
            Codec.Runtime.Binary.Image.PngWriter.WriteLabels(stream, new ushort[4], 2, 2, Codec.Runtime.Binary.Image.PngPixelFormat.Grey8);
        var notRun = All(await Check(folder), FolderFindingCodes.CheckNotRun).ToList();
        Assert.Contains(notRun, f => f.Message.Contains("no camera intrinsics to give the render's size", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Checks_against_an_info_file_that_cannot_be_decoded_say_they_did_not_run()
    {
        // A version no schema defines is the info.json's error; its mask and metadata line say what was not compared.
        string folder = Copy("1.5");
        string info = Directory.EnumerateFiles(folder, "*.info.json").Order(StringComparer.Ordinal).First();
        File.WriteAllText(info, File.ReadAllText(info).Replace("\"version\": \"1.5\"", "\"version\": \"9.9\""));
        string render = Path.GetFileName(info).Split('.')[0];
        using (var stream = File.Create(Path.Combine(folder, render + ".segments.png")))
            Codec.Runtime.Binary.Image.PngWriter.WriteLabels(stream, new ushort[4], 2, 2, Codec.Runtime.Binary.Image.PngPixelFormat.Grey8);
        var results = await Check(folder);
        Assert.Contains(results.SelectMany(r => r.Findings), f => f.Code == FindingCodes.UnknownVersion);
        var notRun = All(results, FolderFindingCodes.CheckNotRun).ToList();
        Assert.Contains(notRun, f => f.Message.Contains("could not be decoded, so the mask's size and values are not checked", StringComparison.Ordinal));
        Assert.Contains(notRun, f => f.Message.Contains("could not be decoded, so the requested identity, face settings, resolution and lens are not compared", StringComparison.Ordinal) && f.Line > 0);
    }

    [FixtureFact]
    public async Task A_mask_value_its_mapping_does_not_list_is_reported_with_its_pixel_count()
    {
        string folder = Path.Combine(_dir, "masks");
        Directory.CreateDirectory(folder);
        string source = Path.Combine(TestPaths.SynthesisFixtures, "face-api-1.2");
        File.Copy(Path.Combine(source, "0.segments.png"), Path.Combine(folder, "0.segments.png"));
        // The mapping loses "head": the mask's head pixels are now unaccounted for.
        var info = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(source, "0.info.json")))!;
        int head = info["segments_mapping"]!["head"]!.GetValue<int>();
        info["segments_mapping"]!.AsObject().Remove("head");
        File.WriteAllText(Path.Combine(folder, "0.info.json"), info.ToJsonString());

        var results = await Check(folder);
        var mask = results.Single(r => r.Path.EndsWith("0.segments.png", StringComparison.Ordinal));
        var f = Assert.Single(mask.Findings);
        Assert.Equal(FolderFindingCodes.MaskLabelNotMapped, f.Code);
        Assert.Contains($"values 0.info.json/segments_mapping does not list: {head} (", f.Message);
    }

    [Fact]
    public async Task Shipped_samples_are_consistent_folders()
    {
        foreach (var version in new[] { "1.2", "1.5" })
        {
            var results = await Check(SampleFolder(version));
            Assert.Equal(4, results.Count);
            Assert.All(results.SelectMany(r => r.Findings), f => Assert.Equal(Severity.Info, f.Severity));
        }
    }

    [Fact]
    public async Task A_line_without_files_and_files_without_a_line_are_both_reported()
    {
        string folder = Copy("1.2");
        File.Move(Path.Combine(folder, "2.info.json"), Path.Combine(folder, "7.info.json"));
        var results = await Check(folder);

        var missing = Assert.Single(All(results, FolderFindingCodes.LineWithoutFiles));
        Assert.Equal(3, missing.Line);
        Assert.Contains("render 2 has no files", missing.Message);
        var orphan = Assert.Single(All(results, FolderFindingCodes.FilesWithoutLine));
        Assert.Contains("render 7", orphan.Message);
    }

    [Fact]
    public async Task A_render_described_twice_is_reported_on_the_second_line()
    {
        string folder = Copy("1.2");
        string path = Path.Combine(folder, "metadata.jsonl");
        string first = File.ReadAllText(path).Split('\n')[0];
        File.AppendAllText(path, "\n" + first);
        var f = Assert.Single(All(await Check(folder), FolderFindingCodes.DuplicateRenderLine));
        Assert.Equal(4, f.Line);
        Assert.Contains("line 1", f.Message);
    }

    [Fact]
    public async Task Identity_face_resolution_and_lens_must_agree_with_the_info_file()
    {
        string folder = Copy("1.2");
        string path = Path.Combine(folder, "metadata.jsonl");
        var lines = File.ReadAllText(path).Split('\n');
        lines[1] = lines[1].Replace("\"age\":", "\"age\":1").Replace("\"w\":", "\"w\":1").Replace("\"focal_length\":", "\"focal_length\":1");
        lines[1] = System.Text.RegularExpressions.Regex.Replace(lines[1], "\"intensity\":([0-9.]+)}}", "\"intensity\":0.123}}");
        File.WriteAllText(path, string.Join("\n", lines));
        var results = await Check(folder);

        Assert.Contains(All(results, FolderFindingCodes.IdentityMismatch), f => f.Line == 2 && f.Message.Contains("/age"));
        Assert.Contains(All(results, FolderFindingCodes.ResolutionMismatch), f => f.Line == 2);
        Assert.Contains(All(results, FolderFindingCodes.CameraMismatch), f => f.Line == 2);
        Assert.DoesNotContain(results.SelectMany(r => r.Findings), f => f.Line == 1 && f.Code.StartsWith('X'));
    }

    [Fact]
    public async Task Files_named_by_camera_and_frame_match_lines_of_version_1_4()
    {
        string folder = Copy("1.5");
        File.Move(Path.Combine(folder, "0.info.json"), Path.Combine(folder, "0.cam_default.f_1.info.json"));
        File.Move(Path.Combine(folder, "1.info.json"), Path.Combine(folder, "1.cam_left.f_1.info.json"));
        var results = await Check(folder);

        // Render 0's file names its camera and frame and matches; render 1's names another camera.
        var orphan = Assert.Single(All(results, FolderFindingCodes.FilesWithoutLine));
        Assert.Contains("camera left", orphan.Message);
        var missing = Assert.Single(All(results, FolderFindingCodes.LineWithoutFiles));
        Assert.Equal(2, missing.Line);
    }

    [Fact]
    public void File_names_of_both_conventions_parse_by_the_contracts_name_shapes()
    {
        var contract = SynthesisOutputContract.Contract;
        Assert.True(contract.TryParseName("188.info.json", out var old));
        Assert.Equal(new RenderKey(188, null, null), old.Key);
        Assert.Equal("info", old.Modality);
        Assert.True(contract.TryParseName("10.cam_away.f_3.clothing_segments.png", out var later));
        Assert.Equal(new RenderKey(10, "away", 3), later.Key);
        Assert.Equal("clothing_segments", later.Modality);
        Assert.Equal("png", later.Extension);
        // The render's EXR has no modality: a suffix without a dot is one the contract declares.
        Assert.True(contract.TryParseName("0.cam_default.f_1.exr", out var exr));
        Assert.Equal(("", "exr", "exr"), (exr.Modality, exr.Extension, exr.Suffix));
        Assert.False(contract.TryParseName("0.png", out _));
        Assert.False(contract.TryParseName("0.cam_a.f_1.png", out _));
        Assert.False(contract.TryParseName("metadata.jsonl", out _));
        Assert.False(contract.TryParseName("notes.txt", out _));
        // And back: a render's files are named by the shape of its key.
        Assert.Equal("10.cam_away.f_3.rgb.png", contract.FileName(later.Key, "rgb.png"));
        Assert.Equal("188.exr", contract.FileName(old.Key, "exr"));
        Assert.Equal("N.<modality>.<ext> or N.cam_<camera>.f_<frame>.<modality>.<ext>", contract.NameShapes);
    }

    [Fact]
    public async Task Files_are_never_changed()
    {
        string folder = Copy("1.5");
        var before = Directory.EnumerateFiles(folder).ToDictionary(f => f, File.ReadAllBytes);
        await Check(folder);
        foreach (var (file, bytes) in before) Assert.Equal(bytes, File.ReadAllBytes(file));
    }
}
