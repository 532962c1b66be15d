using Codec.Formats.Synthesis;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Formats;

/// <summary>The dataset API: an output folder as renders with their files, lines, masks and meshes read on demand.</summary>
public sealed class SynthesisOutputTests
{
    private static string Sample(string version) => Path.Combine(TestPaths.SampleData, "synthesis", "info-" + version);

    [Fact]
    public void A_sample_folder_opens_as_its_renders_with_their_lines()
    {
        var output = SynthesisOutput.Open(Sample("1.5"));
        Assert.Equal(["0", "1", "2"], output.Renders.Select(r => r.Name));
        Assert.Empty(output.OtherFiles);
        foreach (var render in output.Renders)
        {
            var info = render.ReadInfo()!;
            Assert.Equal("1.5", info.DeclaredVersion);
            Assert.Equal("1.5", info.Document.SchemaVersion);
            // Files named the early way belong to the 1.4 line of the same render id (camera "default", frame 1).
            var line = render.ReadMetadata()!;
            Assert.Equal(render.RenderId, line.RenderId);
            Assert.Equal("default", line.CameraName.ToString());
            Assert.Equal("1.4", line.SchemaVersion);
        }

        Assert.Equal(3, output.ByScene().Count());
        Assert.Same(output.Renders[1], output.Find(1));
        Assert.Null(output.Find(1, "default", 1)); // no file is named 1.cam_default.f_1.*
    }

    [Fact]
    public void Renders_named_by_camera_and_frame_group_by_scene_camera_and_frame()
    {
        string dir = Directory.CreateTempSubdirectory("codec-output-").FullName;
        try
        {
            string info = File.ReadAllText(Path.Combine(Sample("1.5"), "0.info.json"));
            foreach (var name in new[] { "0.cam_left.f_1", "0.cam_left.f_2", "0.cam_right.f_1", "3.cam_left.f_1" }) File.WriteAllText(Path.Combine(dir, name + ".info.json"), info);
            File.WriteAllText(Path.Combine(dir, "notes.txt"), "");
            var output = SynthesisOutput.Open(dir);
            Assert.Equal(["0.cam_left.f_1", "0.cam_left.f_2", "0.cam_right.f_1", "3.cam_left.f_1"], output.Renders.Select(r => r.Name));
            Assert.Equal([3, 1], output.ByScene().Select(g => g.Count()));
            Assert.Equal(["left", "right"], output.ByCamera().Select(g => g.Key!));
            Assert.Equal([1L, 2L], output.ByFrame().Select(g => g.Key!.Value));
            Assert.Equal("notes.txt", Path.GetFileName(Assert.Single(output.OtherFiles)));
            Assert.Null(output.Renders[0].ReadMetadata()); // the folder has no metadata.jsonl
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [FixtureFact]
    public void Masks_and_meshes_of_a_real_render_are_spans_of_pixels_and_vertices()
    {
        var output = SynthesisOutput.Open(Path.Combine(TestPaths.SynthesisFixtures, "humans-1.5"));
        var render = output.Find(24)!;
        var info = render.ReadInfo()!.Document;
        var mask = render.ReadMask()!;
        Assert.Equal(2 * info.Camera!.Intrinsics[0, 2], mask.Width, 0);
        Assert.Equal(mask.Width * mask.Height, mask.Labels.Length);
        Assert.All(mask.Histogram(), h => Assert.Contains(info.SegmentsMapping!.Entries.ToArray(), e => e.Value == h.Label));
        Assert.Equal(468, render.ReadMesh("mediapipe_dense")!.Vertices.Length);
        Assert.Equal(4840, render.ReadMesh("sai_dense")!.Vertices.Length);
        Assert.NotNull(output.Find(0)!.ReadMask("clothing_segments"));
        Assert.Null(render.ReadMask("clothing_segments"));
    }
}
