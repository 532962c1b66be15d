using System.Text;
using System.Text.Json.Nodes;
using Codec.Formats;
using Codec.Runtime.Findings;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Formats;

/// <summary>
/// The info.json versions without a real file in the fixtures, built from real files the way the producer's
/// history changed them (synthesis-formats.md §2, appendix A): each must be read as its own version.
/// </summary>
public sealed class InfoVersionTests
{
    private static JsonObject Fixture(string relative) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.SynthesisFixtures, relative)))!.AsObject();

    private static Codec.Formats.Validation.DocumentResult Check(JsonObject doc) =>
        Documents.Check(Encoding.UTF8.GetBytes(doc.ToJsonString()));

    private static IEnumerable<Finding> Structural(Codec.Formats.Validation.DocumentResult r) =>
        r.Findings.Where(f => f.Code.StartsWith('S') || f.Code.StartsWith('J') || f.Code.StartsWith('V'));

    // Version 1 (a JSON integer, Feb 2021): 1.1 without render, bbox and head transform; no euler angles; hdri a
    // name; masks a style; glasses frame_color and lens_color.
    private static JsonObject Version1()
    {
        var doc = Fixture("faces-1.1/188.info.json");
        doc["version"] = 1;
        doc.Remove("render");
        doc.Remove("eye_nose_mouth_bbox");
        doc.Remove("head_transform");
        doc["camera"]!["transform_world2cam"]!.AsObject().Remove("euler_xyz");
        doc["camera"]!["transform_cam2world"]!.AsObject().Remove("euler_xyz");
        doc["hdri"] = doc["hdri"]!["name"]!.GetValue<string>();
        doc["accessories"]!["mask"] = new JsonObject { ["style"] = "none" };
        doc["accessories"]!["glasses"] = new JsonObject { ["frame_color"] = "", ["style"] = "none", ["lens_color"] = "default" };
        return doc;
    }

    [FixtureFact]
    public void Version_1_is_a_json_integer_and_decodes_clean()
    {
        var result = Check(Version1());
        Assert.Equal("1", result.Version);
        Assert.False(result.HasErrors, Documents.Describe(result.Findings));
        // The pupil copy bug of that era is reported as what it is.
        Assert.Contains(result.Findings, f => f.Code == FindingCodes.PupilCopy);
    }

    [FixtureFact]
    public void The_landmarks_project_files_of_version_1_carry_only_four_members()
    {
        var doc = Version1();
        foreach (var name in new[] { "hdri", "facial_attributes", "clothing", "accessories", "identity_metadata", "segments_mapping" }) doc.Remove(name);
        var result = Check(doc);
        Assert.Equal("1", result.Version);
        Assert.False(result.HasErrors, Documents.Describe(result.Findings));
    }

    [FixtureFact]
    public void Files_without_a_version_member_are_version_0()
    {
        var doc = Version1();
        foreach (var name in doc.Select(p => p.Key).ToList())
        {
            if (name is not ("camera" or "landmarks" or "gaze_values" or "pupil_coordinates")) doc.Remove(name);
        }

        var result = Check(doc);
        Assert.Equal("0", result.Version);
        Assert.False(result.HasErrors, Documents.Describe(result.Findings));
        Assert.DoesNotContain(result.Findings, f => f.Code == FindingCodes.UnknownMember);
    }

    // 1.3: 1.2 plus body_landmarks (the seed's shape; MPEG-4 ids are the label as a number).
    private static JsonObject Version13()
    {
        var doc = Fixture("face-api-1.2/0.info.json");
        var body = Fixture("humans-1.5/24.info.json")["landmarks"]!;
        doc["version"] = "1.3";
        var mpeg4 = body["mpeg4"]!.DeepClone().AsArray();
        foreach (var point in mpeg4) point!["id"] = double.Parse(point["name"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        doc["body_landmarks"] = new JsonObject
        {
            ["kinect_v2"] = body["kinect_v2"]!.DeepClone(),
            ["coco"] = body["coco"]!.DeepClone(),
            ["mediapipe"] = new JsonObject { ["body"] = body["mediapipe"]!["body"]!.DeepClone() },
            ["mpeg4"] = mpeg4,
        };
        return doc;
    }

    [FixtureFact]
    public void Version_1_3_reads_body_landmarks_with_numeric_mpeg4_ids()
    {
        var result = Check(Version13());
        Assert.Equal("1.3", result.Version);
        // The body points come from another render (another camera), so geometry rules may object; the shape may not.
        Assert.Empty(Structural(result));
    }

    [FixtureFact]
    public void Version_1_4_renames_ptnum_and_makes_mpeg4_ids_integers()
    {
        var doc = Version13();
        doc["version"] = "1.4";
        foreach (var list in new[] { "landmarks", "contour_landmarks" })
        {
            foreach (var point in doc[list]!.AsArray())
            {
                var p = point!.AsObject();
                var ptnum = p["ptnum"]!.DeepClone();
                p.Remove("ptnum");
                p["id"] = ptnum;
            }
        }

        var ordinals = Fixture("humans-1.5/24.info.json")["landmarks"]!["mpeg4"]!.AsArray().Select(p => p!["id"]!.GetValue<long>()).ToList();
        var mpeg4 = doc["body_landmarks"]!["mpeg4"]!.AsArray();
        for (int i = 0; i < mpeg4.Count; i++) mpeg4[i]!["id"] = ordinals[i];

        var result = Check(doc);
        Assert.Equal("1.4", result.Version);
        Assert.Empty(Structural(result));
        Assert.DoesNotContain(result.Findings, f => f.Path.StartsWith("/landmarks", StringComparison.Ordinal) && f.Severity == Severity.Error);

        // The same document still written the 1.3 way is reported, member by member.
        doc["body_landmarks"]!["mpeg4"]![0]!["id"] = 2.13;
        Assert.Contains(Check(doc).Findings, f => f.Code == FindingCodes.WrongType && f.Path == "/body_landmarks/mpeg4/0/id");
    }

    [Fact]
    public void A_retail_info_json_is_one_finding_not_a_wall_of_errors()
    {
        // Synthesis retail (api 3) writes info.json "1.2" too, with another shape (synthesis-formats.md §7.13).
        const string retail = """
            {"version": "1.2", "environment": {"hdri": "x"}, "camera": {"intrinsics": [[1, 0, 1], [0, 1, 1], [0, 0, 1]]},
             "scene_information": {"objects": 596}, "objects": [{"id": 1}, {"id": 2}], "segments_mapping": {"barcode__10000000014__0": 1}}
            """;
        var result = Documents.Check(retail);
        var f = Assert.Single(result.Findings);
        Assert.Equal(FindingCodes.OtherProduct, f.Code);
        Assert.Contains("not a Synthesis Human API file", f.Message);
        Assert.Contains("none of 'landmarks', 'pupil_coordinates'", f.Message);
        Assert.Null(BuiltInFormats.CreateSynthesisInfo().Decode(Encoding.UTF8.GetBytes(retail), new FindingSink(), out _));
    }

    [Fact]
    public void The_changelog_of_every_format_is_generated_and_names_each_step()
    {
        foreach (var format in BuiltInFormats.CreateAll())
        {
            for (int i = 1; i < format.Versions.Count; i++) Assert.Contains($"## {format.Versions[i - 1]} → {format.Versions[i]}", format.Changelog);
        }

        string info = Codec.Formats.Synthesis.Info.SynthesisInfoFormat.Changelog;
        Assert.Contains("`Ibug68Point`: `ptnum` renamed `id`", info);
        Assert.Contains("`InfoFile.version`: int → string", info);
        Assert.Contains("`InfoFile`: `body_landmarks` added (BodyLandmarks, required)", info);
    }

    [Fact]
    public void Open_vocabularies_map_known_values_and_keep_new_ones_as_text()
    {
        string json = File.ReadAllText(Documents.SampleV15).Replace("\"freight_station\"", "\"a_studio_added_in_2023\"");
        var format = BuiltInFormats.CreateSynthesisInfo();
        var sink = new FindingSink();
        var doc = Assert.IsType<Codec.Formats.Synthesis.Info.V1_5.InfoFile>(format.Decode(Encoding.UTF8.GetBytes(json), sink, out _));
        Assert.DoesNotContain(sink.Findings, f => f.Severity != Severity.Info);
        Assert.Equal(Codec.Formats.Synthesis.Common.HdriName.Unknown, doc.Hdri.Name);
        Assert.Equal("a_studio_added_in_2023", doc.Hdri.NameText.ToString());
        Assert.Equal(Codec.Formats.Synthesis.Info.Common.HairColor.ChocolateBrown, doc.FacialAttributes.Hair.Color);
        Assert.Equal(Codec.Formats.Synthesis.Common.ExpressionName.None, doc.FacialAttributes.Expression.Name);

        var output = new System.Buffers.ArrayBufferWriter<byte>();
        format.Encode(doc, output);
        Assert.Contains("\"name\": \"a_studio_added_in_2023\"", Encoding.UTF8.GetString(output.WrittenSpan));
    }
}
