using System.Text;
using System.Text.Json.Nodes;
using Codec.Formats;
using Codec.Formats.Synthesis.Info;
using Codec.Formats.Synthesis.Metadata;
using Codec.Runtime.Findings;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Formats;

/// <summary>
/// Every version of info.json and metadata.jsonl read through one set of types (the views): the values the views give
/// are the values the files hold, whichever version wrote them, and reading them allocates nothing.
/// </summary>
public sealed class ViewTests
{
    // Every info.json the suite has: the samples, the fixtures, and versions 1 and 0 made from the 1.2 sample the way the
    // producer's history changed the format (render, bbox, head transform and contour appear after 1).
    public static TheoryData<string, string> InfoDocuments()
    {
        var data = new TheoryData<string, string>();
        foreach (var f in Documents.SampleFiles().Concat(Documents.FixtureInfoFiles())) data.Add(Path.GetFileName(Path.GetDirectoryName(f)!) + "/" + Path.GetFileName(f), File.ReadAllText(f));
        var v1 = JsonNode.Parse(File.ReadAllText(Documents.SampleV12))!.AsObject();
        v1["version"] = 1;
        foreach (var name in new[] { "render", "eye_nose_mouth_bbox", "head_transform", "contour_landmarks", "agent", "lights" }) v1.Remove(name);
        data.Add("version 1 (from the 1.2 sample)", v1.ToJsonString());
        var v0 = JsonNode.Parse(v1.ToJsonString())!.AsObject();
        foreach (var name in new[] { "version", "hdri", "facial_attributes", "clothing", "accessories", "identity_metadata", "segments_mapping" }) v0.Remove(name);
        data.Add("version 0 (from the 1.2 sample)", v0.ToJsonString());
        return data;
    }

    [Theory]
    [MemberData(nameof(InfoDocuments))]
    public void Camera_and_ibug_points_read_the_same_way_from_every_version(string name, string json)
    {
        var info = new SynthesisInfoFormat().Decode(Encoding.UTF8.GetBytes(json), new FindingSink(), out string? version);
        Assert.True(info is not null, name);
        var raw = JsonNode.Parse(json)!.AsObject();
        Assert.Equal(version, info.SchemaVersion);

        var camera = info.Camera!;
        Assert.True(camera.HasIntrinsics && camera.HasWorld2cam && camera.HasCam2world);
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 3; c++) Assert.Equal(raw["camera"]!["intrinsics"]![r]![c]!.GetValue<double>(), camera.Intrinsics[r, c]);
        for (int r = 0; r < 4; r++)
            for (int c = 0; c < 4; c++) Assert.Equal(raw["camera"]!["transform_world2cam"]!["mat_4x4"]![r]![c]!.GetValue<double>(), camera.World2cam[r, c]);
        Assert.Equal(raw["camera"]!["focal_length_mm"]!.GetValue<double>(), camera.FocalLengthMm);

        // Up to 1.4 the iBUG points are the root's "landmarks" list (ptnum, later id); from 1.5 "landmarks"/"ibug68".
        var points = raw["landmarks"] is JsonArray list ? list : raw["landmarks"]!["ibug68"]!.AsArray();
        var ibug = info.Landmarks!.Ibug68!;
        Assert.Equal(points.Count, ibug.Count);
        for (int i = 0; i < points.Count; i++)
        {
            var expected = points[i]!["screen_space_pos"]!.AsArray();
            Assert.Equal(expected[0]!.GetValue<double>(), ibug[i].ScreenSpacePos.X);
            Assert.Equal(expected[1]!.GetValue<double>(), ibug[i].ScreenSpacePos.Y);
            Assert.Equal((points[i]!["ptnum"] ?? points[i]!["id"])!.GetValue<long>(), ibug[i].Id);
        }

        Assert.Equal(raw["pupil_coordinates"]!["pupil_left"]!["distance_to_camera"]!.GetValue<double>(), info.PupilLeft!.DistanceToCamera);
        Assert.Equal(raw["gaze_values"]!["eye_right"]!["gaze_vector"]![2]!.GetValue<double>(), info.GazeRight!.GazeVector.Z);
        Assert.Equal(raw["head_transform"] is null, info.Head is null);
        Assert.Equal(raw["render"] is null, !info.HasZMin);
        Assert.Equal(raw["segments_mapping"]?.AsObject().Count, info.SegmentsMapping?.Count);
        if (raw["identity_metadata"] is JsonObject identity)
        {
            Assert.Equal(identity["age"]?.GetValue<long>(), info.Identity!.HasAge ? info.Identity.Age : null);
            Assert.Equal((identity["sex"] ?? identity["gender"])?.GetValue<string>(), info.Identity.HasSex ? info.Identity.Sex.ToString() : null);
        }
        else
        {
            Assert.Null(info.Identity);
        }
    }

    [Theory]
    [MemberData(nameof(InfoDocuments))]
    public void Contour_points_are_zero_based_and_2d_only(string name, string json)
    {
        var info = new SynthesisInfoFormat().Decode(Encoding.UTF8.GetBytes(json), new FindingSink(), out _)!;
        var raw = JsonNode.Parse(json)!.AsObject();
        var contour = info.Landmarks!.Ibug68Contour;
        var expected = raw["contour_landmarks"]?.AsArray() ?? (raw["landmarks"] as JsonObject)?["ibug68_contour"]?.AsArray();
        Assert.True(expected is null == contour is null, name);
        if (contour is null) return;
        for (int i = 0; i < contour.Count; i++)
        {
            // 1.2 writes contour ptnum 1-based; the view's ids are 0-based in every system and version.
            long written = (expected![i]!["ptnum"] ?? expected[i]!["id"])!.GetValue<long>();
            Assert.Equal(expected[i]!["ptnum"] is null ? written : written - 1, contour[i].Id);
            Assert.False(contour[i].HasCameraSpacePos);
        }
    }

    [Fact]
    public void Body_systems_of_1_5_are_named_points_in_the_view()
    {
        var info = new SynthesisInfoFormat().Decode(File.ReadAllBytes(Documents.SampleV15), new FindingSink(), out _)!;
        var kinect = info.Landmarks!.KinectV2!;
        Assert.Equal(32, kinect.Count);
        Assert.All(kinect, p => Assert.True(p.HasName && p.HasInFrustum && p.HasWorldSpacePos));
        Assert.NotNull(info.Landmarks.Mpeg4);
        Assert.Equal(21, info.Landmarks.MediapipeLeftHand!.Count);
        Assert.Equal(133, info.Landmarks.CocoWholeBody!.Count);
    }

    [Fact]
    public void Reading_through_views_allocates_nothing()
    {
        var format = new SynthesisInfoFormat();
        var bytes = File.ReadAllBytes(Documents.SampleV15);
        var sink = new FindingSink();
        var info = format.Decode(bytes, sink, out _)!;
        double sum = 0;
        long bytesAllocated = Allocations.Measure(() =>
        {
            var camera = info.Camera!;
            sum += camera.Intrinsics[0, 0] + camera.World2cam[0, 3];
            var ibug = info.Landmarks!.Ibug68!;
            for (int i = 0; i < ibug.Count; i++) sum += ibug[i].ScreenSpacePos.X + ibug[i].Id;
            sum += info.Identity!.Sex.Length + info.SegmentsMapping!.Count;
        });
        Assert.Equal(0, bytesAllocated);
        Assert.True(sum != 0);
    }

    [Fact]
    public void Metadata_lines_of_every_version_give_their_render_and_requested_camera()
    {
        var format = new SynthesisMetadataFormat();
        foreach (var path in Directory.EnumerateFiles(TestPaths.SampleData, "metadata.jsonl", SearchOption.AllDirectories)
                     .Concat(TestPaths.HasFixtures ? Directory.EnumerateFiles(TestPaths.SynthesisFixtures, "metadata.jsonl", SearchOption.AllDirectories) : []))
        {
            foreach (var text in File.ReadAllLines(path).Where(l => l.Length > 0))
            {
                var line = format.Decode(Encoding.UTF8.GetBytes(text), new FindingSink(), out _);
                Assert.True(line is not null, path);
                var raw = JsonNode.Parse(text)!.AsObject();
                Assert.Equal(raw["render_id"]!.GetValue<long>(), line.RenderId);
                if (raw["render"]?["resolution"] is JsonObject resolution)
                {
                    Assert.Equal(resolution["w"]!.GetValue<long>(), line.ResolutionW);
                    Assert.Null(line.Rigs);
                }
                else
                {
                    var camera = raw["scene"]!["camera_and_light_rigs"]![0]!["cameras"]![0]!;
                    var rigCamera = line.Rigs![0].Cameras![0];
                    Assert.Equal(camera["specifications"]!["resolution_w"]!.GetValue<long>(), rigCamera.ResolutionW);
                    Assert.Equal(camera["name"]!.GetValue<string>(), rigCamera.Name.ToString());
                    Assert.False(line.HasResolutionW);
                }
            }
        }
    }
}
