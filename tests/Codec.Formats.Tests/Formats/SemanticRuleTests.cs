using System.Text;
using Codec.Formats;
using Codec.Runtime.Findings;
using Codec.Runtime.Geometry;
using Codec.Tests.Infrastructure;
using V12 = Codec.Formats.Synthesis.Info.V1_2;
using V15 = Codec.Formats.Synthesis.Info.V1_5;

namespace Codec.Tests.Formats;

/// <summary>Every semantic rule fires on a crafted defect and stays quiet on clean data.</summary>
public sealed class SemanticRuleTests
{
    private static V15.InfoFile Load15() => Documents.LoadSample15();

    private static V12.InfoFile Load12()
    {
        var doc = new V12.InfoFile();
        var sink = new FindingSink();
        V12.InfoFileDecoder.Decode(File.ReadAllBytes(Documents.SampleV12), doc, new Codec.Runtime.Json.DecodeContext { Sink = sink });
        Assert.Equal(0, sink.Count);
        return doc;
    }

    private static IReadOnlyList<Finding> Validate(V15.InfoFile doc) => Documents.Validate(doc);

    private static IReadOnlyList<Finding> Validate(V12.InfoFile doc)
    {
        var sink = new FindingSink();
        new V12.InfoFileValidator().Validate(doc, sink);
        return sink.Findings;
    }

    private static Finding Only(IReadOnlyList<Finding> findings, string code, Severity severity = Severity.Error)
    {
        var nonInfo = findings.Where(f => f.Severity != Severity.Info || f.Code == code).ToList();
        var f = Assert.Single(nonInfo);
        Assert.Equal(code, f.Code);
        Assert.Equal(severity, f.Severity);
        return f;
    }

    [Fact]
    public void Clean_samples_are_quiet()
    {
        Assert.Empty(Validate(Load15()));
        Assert.All(Validate(Load12()), f => Assert.Equal(FindingCodes.QuaternionStoredXyzw, f.Code));
    }

    [Fact]
    public void Rigid_transform_fires_on_a_scaled_rotation()
    {
        var doc = Load15();
        var m = doc.HeadTransform.TransformHead2world.Mat4x4;
        m[0, 0] *= 1.01;
        doc.HeadTransform.TransformHead2world.Mat4x4 = m;
        var f = Only(Validate(doc), FindingCodes.NotRigidTransform);
        Assert.Equal("/head_transform/transform_head2world/mat_4x4", f.Path);
    }

    [Fact]
    public void Rigid_transform_fires_on_a_transposed_matrix()
    {
        var doc = Load15();
        var m = doc.HeadTransform.TransformHead2cam.Mat4x4;
        (m[3, 2], m[2, 3]) = (m[2, 3], 0);
        doc.HeadTransform.TransformHead2cam.Mat4x4 = m;
        Assert.Contains(Validate(doc), f => f.Code == FindingCodes.NotRigidTransform && f.Message.Contains("last row"));
    }

    [Fact]
    public void NaN_values_fail_the_rules_instead_of_passing_them()
    {
        var doc = Load15();
        var m = doc.HeadTransform.TransformHead2world.Mat4x4;
        m[1, 1] = double.NaN;
        doc.HeadTransform.TransformHead2world.Mat4x4 = m;
        doc.GazeValues.EyeLeft.GazeVector = new Vec3d(double.NaN, 0, 1);
        doc.Camera.FieldOfView.XAxisRads = double.NaN;
        var findings = Validate(doc);
        Assert.Contains(findings, f => f.Code == FindingCodes.NotRigidTransform);
        Assert.Contains(findings, f => f.Code == FindingCodes.NotUnitVector);
        Assert.Contains(findings, f => f.Code == FindingCodes.FieldOfViewMismatch);
        Assert.Contains(findings, f => f.Code == FindingCodes.OutOfRange && f.Path == "/camera/field_of_view/x_axis_rads");
    }

    [Fact]
    public void Inverse_transforms_fire_when_cam2world_moves()
    {
        var doc = Load15();
        var m = doc.Camera.TransformCam2world.Mat4x4;
        m[1, 3] += 0.01;
        doc.Camera.TransformCam2world.Mat4x4 = m;
        Assert.Equal("/camera/transform_cam2world/mat_4x4", Only(Validate(doc), FindingCodes.TransformsNotInverse).Path);
    }

    [Fact]
    public void Translation_must_equal_the_matrix_column()
    {
        var doc = Load12();
        doc.Camera.TransformWorld2cam.TranslationXyz = doc.Camera.TransformWorld2cam.TranslationXyz + new Vec3d(0, 0.001, 0);
        Assert.Equal("/camera/transform_world2cam/translation_xyz", Only(Validate(doc), FindingCodes.TranslationMismatch).Path);
    }

    [Fact]
    public void Quaternion_order_is_detected_and_a_wrong_one_fires()
    {
        var doc = Load12();
        var q = doc.Camera.TransformWorld2cam.QuaternionWxyz;
        // Written really as w,x,y,z: agrees with the matrix, so no finding at all for this transform.
        doc.Camera.TransformWorld2cam.QuaternionWxyz = new Vec4d(q.W, q.X, q.Y, q.Z);
        Assert.DoesNotContain(Validate(doc), f => f.Path == "/camera/transform_world2cam/quaternion_wxyz");

        doc.Camera.TransformWorld2cam.QuaternionWxyz = new Vec4d(q.X + 0.1, q.Y, q.Z, q.W);
        Assert.Equal("/camera/transform_world2cam/quaternion_wxyz", Only(Validate(doc), FindingCodes.QuaternionMismatch).Path);
    }

    [Fact]
    public void Camera_space_must_be_world2cam_times_world()
    {
        var doc = Load15();
        var point = doc.Landmarks.KinectV2[5];
        point.CameraSpacePos = point.CameraSpacePos + new Vec3d(0.01, 0, 0);
        var findings = Validate(doc);
        Assert.Contains(findings, f => f.Code == FindingCodes.CameraSpaceMismatch && f.Path == "/landmarks/kinect_v2/5/camera_space_pos");
    }

    [Fact]
    public void Distance_to_camera_must_be_the_length_of_camera_space_pos()
    {
        var doc = Load15();
        doc.PupilCoordinates.PupilLeft.DistanceToCamera += 0.01;
        Assert.Equal("/pupil_coordinates/pupil_left/distance_to_camera", Only(Validate(doc), FindingCodes.DistanceMismatch).Path);
    }

    [Fact]
    public void Screen_position_must_be_the_projection()
    {
        var doc = Load15();
        doc.Landmarks.Coco.WholeBody[7].ScreenSpacePos = doc.Landmarks.Coco.WholeBody[7].ScreenSpacePos with { X = doc.Landmarks.Coco.WholeBody[7].ScreenSpacePos.X + 0.01 };
        var f = Only(Validate(doc), FindingCodes.ProjectionMismatch);
        Assert.Equal("/landmarks/coco/whole_body/7/screen_space_pos", f.Path);
        Assert.Contains("px", f.Message);
    }

    [Fact]
    public void Eyebrow_offset_of_1_5_is_a_known_bug_warning_but_only_on_eyebrows()
    {
        var doc = Load15();
        var brow = doc.Landmarks.Ibug68[20];
        brow.ScreenSpacePos = brow.ScreenSpacePos with { Y = brow.ScreenSpacePos.Y - 10.0 / 1920 };
        Assert.Equal("/landmarks/ibug68/20/screen_space_pos", Only(Validate(doc), FindingCodes.KnownProjectionOffset, Severity.Warning).Path);

        var jaw = doc.Landmarks.Ibug68[5];
        brow.ScreenSpacePos = brow.ScreenSpacePos with { Y = brow.ScreenSpacePos.Y + 10.0 / 1920 };
        jaw.ScreenSpacePos = jaw.ScreenSpacePos with { Y = jaw.ScreenSpacePos.Y - 10.0 / 1920 };
        Assert.Equal("/landmarks/ibug68/5/screen_space_pos", Only(Validate(doc), FindingCodes.ProjectionMismatch).Path);
    }

    [Fact]
    public void In_frustum_must_agree_with_the_screen_position()
    {
        var doc = Load15();
        var point = doc.Landmarks.Mediapipe.Body.AsSpan().ToArray().First(p => p.InFrustum);
        point.InFrustum = false;
        Assert.Equal(FindingCodes.FrustumMismatch, Only(Validate(doc), FindingCodes.FrustumMismatch).Code);
    }

    [Fact]
    public void Field_of_view_must_follow_sensor_and_focal_length()
    {
        var doc = Load15();
        doc.Camera.FieldOfView.YAxisRads += 0.001;
        Assert.Equal("/camera/field_of_view/y_axis_rads", Only(Validate(doc), FindingCodes.FieldOfViewMismatch).Path);
    }

    [Fact]
    public void Gaze_vectors_must_be_unit_length()
    {
        var doc = Load15();
        var g = doc.GazeValues.EyeRight.GazeVector;
        doc.GazeValues.EyeRight.GazeVector = new Vec3d(g.X * 1.1, g.Y * 1.1, g.Z * 1.1);
        Assert.Equal("/gaze_values/eye_right/gaze_vector", Only(Validate(doc), FindingCodes.NotUnitVector).Path);
    }

    [Fact]
    public void Ids_must_be_unique_per_system()
    {
        var doc = Load15();
        var hand = doc.Landmarks.Mediapipe.LeftHand;
        hand[3].Id = hand[4].Id;
        var findings = Validate(doc);
        // The second occurrence is the one reported; the first no longer matches its name's id in the table.
        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.Code == FindingCodes.DuplicateKey && f.Path == "/landmarks/mediapipe/left_hand/4/id");
        Assert.Contains(findings, f => f.Code == FindingCodes.IdNameMismatch && f.Path == "/landmarks/mediapipe/left_hand/3/id");
    }

    [Fact]
    public void Repeated_mpeg4_id_is_a_known_bug_warning_and_names_must_be_unique()
    {
        var doc = Load15();
        doc.Landmarks.Mpeg4[4].Id = doc.Landmarks.Mpeg4[6].Id;
        var findings = Validate(doc);
        Assert.All(findings, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.Contains(findings, f => f.Code == FindingCodes.RepeatedId && f.Path == "/landmarks/mpeg4/6/id");
        Assert.Contains(findings, f => f.Code == FindingCodes.IdNameMismatch && f.Path == "/landmarks/mpeg4/4/id");

        doc = Load15();
        doc.Landmarks.Mpeg4[9].Name = doc.Landmarks.Mpeg4[2].Name;
        Assert.Equal("/landmarks/mpeg4/9/name", Assert.Single(Validate(doc), f => f.Severity == Severity.Error).Path);
    }

    [Fact]
    public void Segment_mapping_must_be_dense_from_background_zero()
    {
        var doc = Load15();
        var entries = doc.SegmentsMapping.Entries.ToArray();
        doc.SegmentsMapping.Clear();
        foreach (var e in entries) doc.SegmentsMapping.Add(e.Name, e.Name.Equals("nose"u8) ? entries.Length + 3 : e.Value);
        var f = Only(Validate(doc), FindingCodes.MappingNotDense);
        Assert.Equal("/segments_mapping/nose", f.Path);

        doc.SegmentsMapping.Clear();
        foreach (var e in entries) doc.SegmentsMapping.Add(e.Name, e.Name.Equals("background"u8) ? 1 : e.Value);
        Assert.Contains(Validate(doc), x => x.Code == FindingCodes.MappingNotDense && x.Path == "/segments_mapping/background");
    }

    [Fact]
    public void Ranges_from_the_schema_are_checked_with_their_path()
    {
        var doc = Load15();
        doc.Landmarks.KinectV2[3].Id = 40;
        doc.FacialAttributes.Expression.Intensity = 1.5;
        var findings = Validate(doc).Where(f => f.Code == FindingCodes.OutOfRange).ToList();
        Assert.Contains(findings, f => f.Path == "/landmarks/kinect_v2/3/id" && f.Message.Contains("[0, 31]"));
        Assert.Contains(findings, f => f.Path == "/facial_attributes/expression/intensity");
    }

    [Fact]
    public void The_seed_pupil_example_is_reported()
    {
        // The seed's own example: camera and pupils exactly as printed, inside an otherwise consistent 1.2 file.
        string json = File.ReadAllText(Documents.SampleV12);
        json = ReplaceMember(json, "camera", SeedExamples.Camera);
        json = ReplaceMember(json, "pupil_coordinates", SeedExamples.PupilCoordinates);
        var result = Documents.Check(Encoding.UTF8.GetBytes(json));
        var pupils = result.Findings.Where(f => f.Path.StartsWith("/pupil_coordinates", StringComparison.Ordinal)).ToList();

        Assert.Contains(pupils, f => f.Code == FindingCodes.ProjectionMismatch && f.Path == "/pupil_coordinates/pupil_right/screen_space_pos" && f.Line > 0);
        Assert.Contains(pupils, f => f.Code == FindingCodes.DistanceMismatch && f.Path == "/pupil_coordinates/pupil_right/distance_to_camera");
        Assert.Contains(pupils, f => f.Code == FindingCodes.PupilCopy && f.Severity == Severity.Warning);
        // The left pupil is consistent with the seed's camera: nothing is said about it.
        Assert.DoesNotContain(pupils, f => f.Path.StartsWith("/pupil_coordinates/pupil_left", StringComparison.Ordinal));
        // The seed's camera itself is consistent, quaternions stored x,y,z,w.
        Assert.DoesNotContain(result.Findings, f => f.Path.StartsWith("/camera", StringComparison.Ordinal) && f.Severity != Severity.Info);
        Assert.Contains(result.Findings, f => f.Code == FindingCodes.QuaternionStoredXyzw && f.Path == "/camera/transform_world2cam/quaternion_wxyz");
    }

    // Replaces "name": {...} at the top level of a 4-space indented document with the given "name": {...} text.
    private static string ReplaceMember(string json, string name, string replacement)
    {
        int start = json.IndexOf("\n    \"" + name + "\": {", StringComparison.Ordinal) + 5;
        int end = json.IndexOf("\n    }", start, StringComparison.Ordinal) + 6;
        return json[..start] + replacement + json[end..];
    }
}
