using System.Buffers;
using Codec.Formats.Datasets;
using Codec.Formats.Findings;
using Codec.Runtime.Binary.Numpy;
using Codec.Runtime.Findings;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Datasets;

/// <summary>
/// The dataset language is not Audio2Face-3D's: a layout with other folders, another placeholder ({take}), other
/// dimensions and other rules (tests/TestSchemas/datasets/capture.codec.json) is a schema file and no C#. Its
/// contract is generated, compiled and loaded here as a consumer's build would, then checks real folders.
/// </summary>
public sealed class GenericDatasetTests : IDisposable
{
    private static readonly Lazy<DatasetContract> Capture = new(() =>
    {
        string path = Path.Combine(TestPaths.TestsDirectory(), "TestSchemas", "datasets", "capture.codec.json");
        var assembly = GeneratorHarness.Load(GeneratorHarness.Schema("datasets/capture.codec.json", File.ReadAllText(path)));
        return (DatasetContract)assembly.GetType("Codec.Tests.Capture.CaptureSession")!.GetProperty("Contract")!.GetValue(null)!;
    });

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "codec-capture-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private string At(params string[] parts)
    {
        string path = Path.Combine([_dir, .. parts]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    private static byte[] Floats(float value, params long[] shape)
    {
        var values = new float[shape.Aggregate(1L, (a, b) => a * b)];
        Array.Fill(values, value);
        var buffer = new ArrayBufferWriter<byte>();
        NpyWriter.Write(buffer, values, shape);
        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] Labels(int count)
    {
        var buffer = new ArrayBufferWriter<byte>();
        NpyWriter.Write(buffer, NpyDType.Parse("<i4", out _, out _)!, [count], false, new byte[count * 4]);
        return buffer.WrittenSpan.ToArray();
    }

    // Two takes of 10 and 12 frames, 4 markers, labels for both, the rest pose twice.
    private void WriteSession()
    {
        foreach (var (take, frames) in new[] { ("t1", 10), ("t2", 12) })
        {
            File.WriteAllBytes(At("takes", take, "markers.npy"), Floats(0.5f, frames, 4, 3));
            File.WriteAllText(At("takes", take, "take.json"), $$"""{ "frames": {{frames}}, "fps": 120 }""");
            File.WriteAllBytes(At("labels", take + ".npy"), Labels(frames));
        }

        File.WriteAllBytes(At("calibration", "rest.npy"), Floats(1, 4, 3));
        File.WriteAllBytes(At("calibration", "rest_previous.npy"), Floats(1, 4, 3));
    }

    private List<(string File, Finding Finding)> Check() =>
        DatasetValidator.Check(Capture.Value, _dir)
            .SelectMany(r => r.Findings.Select(f => (Path.GetRelativePath(_dir, r.Path).Replace('\\', '/'), f))).ToList();

    [Fact]
    public void A_layout_written_only_as_a_schema_generates_a_contract_with_its_own_placeholder_and_dimensions()
    {
        var contract = Capture.Value;
        Assert.Equal("test.capture", contract.Id);
        Assert.Equal("take", contract.Dimensions.Single(d => d.Symbol == "T").Per);
        Assert.Equal(["instances_agree", "portable_names", "same_values"], contract.Rules.Select(r => r.Name));
        Assert.Equal(["calibration/rest.npy", "calibration/rest_previous.npy"], contract.Rules.Single(r => r.Name == "same_values").ValuesRead);
        WriteSession();
        Assert.True(contract.Recognizes(_dir));
    }

    [Fact]
    public void A_clean_session_has_no_findings()
    {
        WriteSession();
        Assert.Empty(Check());
    }

    [Fact]
    public void A_take_without_labels_and_labels_without_a_take_are_reported_by_the_layouts_rule()
    {
        WriteSession();
        File.Delete(At("labels", "t2.npy"));
        File.WriteAllBytes(At("labels", "t9.npy"), Labels(3));
        var findings = Check().Where(x => x.Finding.Code == DatasetFindingCodes.InstancesDisagree).ToList();
        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, x => x.File == "takes/t2" && x.Finding.Severity == Severity.Error
            && x.Finding.Message == "take t2 has nothing in labels/: the names must match exactly (training reads the labels of every take)");
        Assert.Contains(findings, x => x.File == "labels/t9.npy" && x.Finding.Severity == Severity.Warning && x.Finding.Message.StartsWith("t9 names no take of takes/"));
    }

    [Fact]
    public void Frames_are_unified_per_take_across_folders_and_the_json_summary()
    {
        WriteSession();
        File.WriteAllBytes(At("labels", "t1.npy"), Labels(11));
        File.WriteAllText(At("takes", "t2", "take.json"), """{ "frames": 13, "fps": 120 }""");
        var findings = Check();
        // Path order binds T of t1 from labels/t1.npy (11): its markers (10) and summary (10) disagree. T of t2 is the
        // markers' 12, so only its summary's 13 disagrees: each take has its own T.
        Assert.Contains(findings, x => x.File == "takes/t1/markers.npy" && x.Finding.Code == DatasetFindingCodes.DimensionMismatch
            && x.Finding.Message == "dimension 0 of shape (10, 4, 3) makes T (frames of one take, take t1) 10, but labels/t1.npy makes it 11");
        Assert.Contains(findings, x => x.File == "takes/t1/take.json" && x.Finding.Code == DatasetFindingCodes.BadField);
        Assert.Contains(findings, x => x.File == "takes/t2/take.json" && x.Finding.Code == DatasetFindingCodes.BadField && x.Finding.Message.Contains("T is 12"));
        Assert.Equal(3, findings.Count);
    }

    [Fact]
    public void Strays_files_beside_takes_unportable_names_and_moved_markers_are_found()
    {
        WriteSession();
        File.WriteAllText(At("takes", "notes.txt"), "x");
        File.WriteAllText(At("labels", "readme.md"), "x");
        Directory.Move(At("takes", "t2"), At("takes", "t\"2"));
        File.Move(At("labels", "t2.npy"), At("labels", "t\"2.npy"));
        File.WriteAllBytes(At("calibration", "rest_previous.npy"), Floats(1.01f, 4, 3));
        var findings = Check();
        Assert.Contains(findings, x => x.File == "takes/notes.txt" && x.Finding.Code == DatasetFindingCodes.StrayEntry && x.Finding.Severity == Severity.Warning
            && x.Finding.Message == "notes.txt is a file in takes/, which holds one folder per take (One folder per take)");
        Assert.Contains(findings, x => x.File == "labels/readme.md" && x.Finding.Code == DatasetFindingCodes.StrayEntry && x.Finding.Severity == Severity.Error);
        Assert.Contains(findings, x => x.File == "takes/t\"2" && x.Finding.Code == DatasetFindingCodes.InstancesDisagree && x.Finding.Severity == Severity.Warning
            && x.Finding.Message.StartsWith("take name t\"2 has characters outside letters"));
        Assert.Contains(findings, x => x.File == "calibration/rest.npy" && x.Finding.Code == DatasetFindingCodes.ValuesDiffer
            && x.Finding.Message.EndsWith("(the markers did not move between sessions)"));
        Assert.Equal(4, findings.Count);
    }
}
