using System.Text;
using Codec.Formats.A2f.Poses;
using Codec.Formats.Synthesis.Landmarks;
using Codec.Formats.Synthesis.Segmentation;
using Codec.Runtime.Findings;
using Codec.Runtime.Geometry;
using Codec.Runtime.Tables;
using Codec.Runtime.Text;
using Codec.Tests.Infrastructure;
using V12 = Codec.Formats.Synthesis.Info.V1_2;
using V15 = Codec.Formats.Synthesis.Info.V1_5;

namespace Codec.Tests.Formats;

/// <summary>The generated reference tables, and the rules that check landmark systems against them.</summary>
public sealed class LandmarkTableTests
{
    // ------------------------------------------------------------------ the tables themselves

    [Fact]
    public void Tables_have_the_sizes_the_seed_and_reference_give()
    {
        Assert.Equal(68, Ibug68PointTable.Count);
        Assert.Equal(32, KinectJointTable.Count);
        Assert.Equal(133, CocoWholeBodyPointTable.Count);
        Assert.Equal(33, MediapipePosePointTable.Count);
        Assert.Equal(21, MediapipeHandPointTable.Count);
        Assert.Equal(5, MediapipeIrisPointTable.Count);
        Assert.Equal(84, Mpeg4FeaturePointTable.Count);
        Assert.Equal(52, ArkitPoseTable.Count);
        Assert.Equal(16, TonguePoseTable.Count);
        Assert.Equal(22, ClothingSegmentTable.Count);
        Assert.Equal(17, LoaderClothingSegmentTable.Count);
    }

    [Fact]
    public void Names_map_to_ids_both_ways_without_allocating()
    {
        Assert.True(KinectJointTable.TryGetId("HAND_RIGHT"u8, out int hand));
        Assert.Equal(15, hand);
        Assert.True(MediapipePosePointTable.TryGetId("mouth_right", out int mouth));
        Assert.Equal(10, mouth);
        Assert.True(Mpeg4FeaturePointTable.TryGetId("2.13"u8, out int fp));
        Assert.Equal(12, fp); // the ordinal the reference observed in real files
        Assert.True(Mpeg4FeaturePointTable.TryGetId("11.5"u8, out fp));
        Assert.Equal(82, fp);
        Assert.Equal("2.10", Mpeg4FeaturePointTable.NameOf(9));
        Assert.False(KinectJointTable.TryGetId("HAND_RIGH"u8, out _));
        Assert.False(KinectJointTable.TryGetId("hand_right"u8, out _)); // case matters unless the table says otherwise
        Assert.Null(KinectJointTable.NameOf(32));
        Assert.Equal(KinectJoint.HandRight, KinectJointTable.TryGet("HAND_RIGHT"u8, out var joint) ? joint : default);

        // Every row round-trips through both lookups.
        foreach (var row in CocoWholeBodyPointTable.Rows)
        {
            Assert.True(CocoWholeBodyPointTable.TryGetId(Encoding.UTF8.GetBytes(row.Name), out int id));
            Assert.Equal(row.Id, id);
            Assert.Contains(row.Name, CocoWholeBodyPointTable.NamesOf(id).ToArray());
        }

        var utf8 = "EAR_RIGHT"u8.ToArray();
        long before = GC.GetAllocatedBytesForCurrentThread();
        int sum = 0;
        for (int i = 0; i < 1000; i++)
        {
            KinectJointTable.TryGetId(utf8, out int id);
            sum += id;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(31 * 1000, sum);
    }

    [Fact]
    public void Pose_names_match_ignoring_case_as_NVIDIA_spells_them_both_ways()
    {
        Assert.True(ArkitPoseTable.TryGetId("jawOpen"u8, out int a));
        Assert.True(ArkitPoseTable.TryGetId("JawOpen"u8, out int b));
        Assert.Equal(17, a);
        Assert.Equal(a, b);
        Assert.Equal("TongueOut", ArkitPoseTable.NameOf(51));
        Assert.True(TonguePoseTable.TryGetId("tonguenarrow", out int t));
        Assert.Equal(15, t);
    }

    [Fact]
    public void Segmentation_targets_keep_the_merges_and_the_fixed_eyebrows_id()
    {
        Assert.True(BodySegmentTable.TryGetId("eyelid_left"u8, out int lid));
        Assert.True(BodySegmentTable.TryGetId("eyelashes_left"u8, out int lashes));
        Assert.Equal(92, lid);
        Assert.Equal(lid, lashes);
        Assert.Equal(new[] { "eyelashes_left", "eyelid_left" }, BodySegmentTable.NamesOf(92).ToArray());
        Assert.Equal(new[] { "default", "background" }, BodySegmentTable.NamesOf(0).ToArray());

        // The seed's eyebrows 89 (= foot_right) is the loader's typo, fixed to 39; the schema keeps the history.
        Assert.True(BodySegmentTable.TryGetId("eyebrows"u8, out int brows));
        Assert.Equal(39, brows);
        var row = BodySegmentTable.Rows.ToArray().Single(r => r.Name == "eyebrows");
        Assert.Equal(89, row.FormerId);
        Assert.Contains("typo", row.Note);
        Assert.Equal(new[] { "foot_right" }, BodySegmentTable.NamesOf(89).ToArray());
        Assert.True(FaceSegmentTable.TryGetId("eyebrows"u8, out int faceBrows));
        Assert.Equal(39, faceBrows);
        Assert.True(LoaderClothingSegmentTable.TryGetId("long sleeve outerwear"u8, out int coat));
        Assert.Equal(3, coat);
        Assert.True(ClothingSegmentTable.TryGetId("long sleeve outerwear"u8, out coat));
        Assert.Equal(8, coat);
    }

    [Fact]
    public void Mpeg4_location_constraints_are_parsed_into_structure()
    {
        var constraints = Mpeg4FeaturePointTable.Constraints.ToArray();
        int Id(string name) => Mpeg4FeaturePointTable.TryGetId(name, out int id) ? id : throw new InvalidOperationException(name);
        LocationConstraint Of(string point, Axis axis) => constraints.Single(c => c.Point == Id(point) && c.Axis == axis);

        Assert.Equal(new LocationConstraint(Id("2.1"), Axis.X, ConstraintKind.EqualTo, Id("7.1"), -1, "7.1.x", null), Of("2.1", Axis.X));
        Assert.Equal(new LocationConstraint(Id("2.6"), Axis.X, ConstraintKind.MidpointOf, Id("2.2"), Id("2.4"), "(2.2.x+2.4.x)/2", null), Of("2.6", Axis.X));
        Assert.Equal(new LocationConstraint(Id("2.11"), Axis.X, ConstraintKind.Between, Id("8.7"), Id("8.3"), "> 8.7.x and < 8.3.x", null), Of("2.11", Axis.X));
        Assert.Equal(ConstraintKind.LessThan, Of("11.2", Axis.X).Kind);
        Assert.Equal(ConstraintKind.GreaterThan, Of("11.3", Axis.X).Kind);
        Assert.Equal(Id("6.2"), Of("6.3", Axis.Z).First);
        Assert.Equal("nose bump", Of("9.12", Axis.Y).Alternative);
        Assert.Equal("x coord of the uppermost point of the contour", Of("4.3", Axis.X).Alternative);
        Assert.Equal(ConstraintKind.Between, Of("5.3", Axis.Y).Kind);
        // The seed's 3.10 and 3.13 name the other eye's corners; the schema corrects them (and says so).
        Assert.Equal((Id("3.8"), Id("3.12")), (Of("3.10", Axis.X).First, Of("3.10", Axis.X).Second));
        Assert.Equal((Id("3.7"), Id("3.11")), (Of("3.13", Axis.X).First, Of("3.13", Axis.X).Second));
        Assert.Equal(Id("7.1"), Mpeg4FeaturePointTable.FrameOrigin);
        Assert.Equal(57, constraints.Length);
    }

    // ------------------------------------------------------------------ rules on info.json

    private static V15.InfoFile Load15() => Documents.LoadSample15();

    private static IReadOnlyList<Finding> Validate(V15.InfoFile doc) => Documents.Validate(doc);

    [Fact]
    public void An_unknown_landmark_name_is_an_error_at_the_name()
    {
        var doc = Load15();
        doc.Landmarks.KinectV2[3].Name = Utf8Text.From("HAND_RIGTH");
        var f = Assert.Single(Validate(doc));
        Assert.Equal((FindingCodes.UnknownTableName, Severity.Error, "/landmarks/kinect_v2/3/name"), (f.Code, f.Severity, f.Path));
        Assert.Contains("synthesis.landmarks.kinect_v2", f.Message);
    }

    [Fact]
    public void An_id_that_is_not_the_names_id_is_an_error()
    {
        var doc = Load15();
        var point = doc.Landmarks.Coco.WholeBody[5];
        point.Name = Utf8Text.From((point.Id + 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var f = Assert.Single(Validate(doc));
        Assert.Equal((FindingCodes.IdNameMismatch, "/landmarks/coco/whole_body/5/id"), (f.Code, f.Path));
    }

    [Fact]
    public void Iris_ids_are_checked_with_their_offset()
    {
        var doc = Load15();
        Assert.DoesNotContain(Validate(doc), f => f.Path.Contains("iris", StringComparison.Ordinal));
        doc.Landmarks.Mediapipe.LeftIris[0].Id = 468; // a right-iris number on the left iris
        var f = Assert.Single(Validate(doc));
        Assert.Equal(FindingCodes.IdNameMismatch, f.Code);
        Assert.Contains("files add 473", f.Message);
    }

    [Fact]
    public void The_one_based_1_2_contour_is_checked_with_its_offset()
    {
        var doc = new V12.InfoFile();
        V12.InfoFileDecoder.Decode(File.ReadAllBytes(Documents.SampleV12), doc, new Codec.Runtime.Json.DecodeContext { Sink = new FindingSink() });
        var sink = new FindingSink();
        new V12.InfoFileValidator().Validate(doc, sink);
        Assert.DoesNotContain(sink.Findings, f => f.Code == FindingCodes.UnknownTableId);

        doc.ContourLandmarks[0].Ptnum = 0;
        sink = new FindingSink();
        new V12.InfoFileValidator().Validate(doc, sink);
        var f = Assert.Single(sink.Findings, f => f.Code == FindingCodes.UnknownTableId);
        Assert.Equal("/contour_landmarks/0/ptnum", f.Path);
        Assert.Contains("ids 1..68", f.Message);
    }

    [Fact]
    public void A_feature_point_off_its_recommended_place_is_a_warning_naming_the_constraint()
    {
        var doc = Load15();
        int index = Enumerable.Range(0, doc.Landmarks.Mpeg4.Count).Single(i => doc.Landmarks.Mpeg4[i].Name.Equals("9.3"u8));
        // Move the nose tip 2 cm along the head's x axis (column 0 of head2world's rotation).
        var m = doc.HeadTransform.TransformHead2world.Mat4x4;
        var p = doc.Landmarks.Mpeg4[index].WorldSpacePos;
        doc.Landmarks.Mpeg4[index].WorldSpacePos = new Vec3d(p.X + 0.02 * m[0, 0], p.Y + 0.02 * m[1, 0], p.Z + 0.02 * m[2, 0]);

        var f = Assert.Single(Validate(doc), f => f.Code == FindingCodes.LocationConstraint);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Equal($"/landmarks/mpeg4/{index}/world_space_pos", f.Path);
        Assert.Contains("9.3 (Nose tip): head-frame x = 20.0 mm, but the table recommends 7.1.x", f.Message);
        Assert.Contains("the head frame's origin", f.Message);
    }

    [FixtureFact]
    public void The_real_may_2022_file_has_its_chin_corners_and_lower_eyelids_swapped()
    {
        var result = Documents.Check(File.ReadAllBytes(Path.Combine(TestPaths.SynthesisFixtures, "humans-1.5", "24.info.json")));
        var located = result.Findings.Where(f => f.Code == FindingCodes.LocationConstraint).Select(f => f.Message.Split(' ')[0]).Order(StringComparer.Ordinal);
        // 2.11/2.12 and 3.3/3.4 sit on the other side of the face; 11.4/11.5 (top of skull) sit well in front of the
        // ears' depth in every real file.
        Assert.Equal(new[] { "11.4", "11.5", "2.11", "2.12", "3.3", "3.4" }, located);
        Assert.Contains(result.Findings, f => f.Message.StartsWith("2.11 (Chin left corner)") && f.Message.Contains("8.7.x = 12.0 mm (absent: from (8.3.x+8.2.x)/2)"));
        Assert.DoesNotContain(result.Findings, f => f.Severity == Severity.Error);
    }

    [FixtureFact]
    public void The_real_december_2022_file_repeats_one_mpeg4_id_as_a_warning()
    {
        var result = Documents.Check(File.ReadAllBytes(Path.Combine(TestPaths.SynthesisFixtures, "humans-1.5", "0.info.json")));
        Assert.DoesNotContain(result.Findings, f => f.Severity == Severity.Error);
        var mismatch = Assert.Single(result.Findings, f => f.Code == FindingCodes.IdNameMismatch);
        Assert.Equal((Severity.Warning, "/landmarks/mpeg4/4/id"), (mismatch.Severity, mismatch.Path));
        Assert.Contains("\"2.11\"", mismatch.Message);
        Assert.Equal(new[] { "11.4", "11.5" }, result.Findings.Where(f => f.Code == FindingCodes.LocationConstraint).Select(f => f.Message.Split(' ')[0]).Order(StringComparer.Ordinal));
    }
}
