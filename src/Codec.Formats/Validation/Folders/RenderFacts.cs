using Codec.Formats.Rendering;
using Codec.Formats.Synthesis.Info;
using Codec.Runtime.Semantics;

namespace Codec.Formats.Validation.Folders;

/// <summary>How far one landmark system's screen positions lie from the projection of its camera-space positions.</summary>
public sealed record LandmarkReprojection(string System, int Points, double MeanPx, double MaxPx);

/// <summary>The pixels of one class in a segmentation mask (named by the render's mapping, or by its value when unmapped).</summary>
public sealed record ClassPixels(string Class, long Pixels);

/// <summary>
/// What a render's info.json says about the render, kept for the distributions a report draws (dataset balance,
/// pose and camera coverage, landmark quality) rather than for a check: the identity, the requested expression,
/// head turn and gaze, the camera's distance to the head and its lens, and each landmark system's reprojection
/// error. Read from the decoded document through its views, so every version gives the same facts.
/// </summary>
public sealed record RenderFacts
{
    public required long RenderId { get; init; }
    public string? Camera { get; init; }
    public long? Frame { get; init; }
    public long? IdentityId { get; init; }
    public long? Age { get; init; }
    public string? Sex { get; init; }
    public string? Ethnicity { get; init; }
    public string? Expression { get; init; }
    public double? ExpressionIntensity { get; init; }

    /// <summary>The requested head turn, in the info.json's own units (degrees).</summary>
    public double? HeadYaw { get; init; }
    public double? HeadPitch { get; init; }
    public double? HeadRoll { get; init; }

    /// <summary>The requested gaze, in the info.json's own units.</summary>
    public double? GazeHorizontal { get; init; }
    public double? GazeVertical { get; init; }

    /// <summary>Metres from the camera to the head's origin (the translation of head2cam).</summary>
    public double? CameraDistance { get; init; }
    public double? FocalLengthMm { get; init; }
    public IReadOnlyList<LandmarkReprojection> Landmarks { get; init; } = [];

    public static RenderFacts From(RenderKey key, IInfoDocument info)
    {
        var identity = info.Identity;
        var face = info.Face;
        var head = info.Head;
        var camera = info.Camera;
        return new RenderFacts
        {
            RenderId = key.RenderId,
            Camera = key.Camera,
            Frame = key.Frame,
            IdentityId = identity is { HasId: true } ? identity.Id : null,
            Age = identity is { HasAge: true } ? identity.Age : null,
            Sex = identity is { HasSex: true } ? identity.Sex.ToString() : null,
            Ethnicity = identity is { HasEthnicity: true } ? identity.Ethnicity.ToString() : null,
            Expression = face?.Expression is { HasName: true } e ? e.Name.ToString() : null,
            ExpressionIntensity = face?.Expression is { HasIntensity: true } i ? i.Intensity : null,
            HeadYaw = face?.HeadTurn is { HasYaw: true } turn ? turn.Yaw : null,
            HeadPitch = face?.HeadTurn is { HasPitch: true } pitch ? pitch.Pitch : null,
            HeadRoll = face?.HeadTurn is { HasRoll: true } roll ? roll.Roll : null,
            GazeHorizontal = face?.Gaze is { HasHorizontalAngle: true } gh ? gh.HorizontalAngle : null,
            GazeVertical = face?.Gaze is { HasVerticalAngle: true } gv ? gv.VerticalAngle : null,
            CameraDistance = head is { HasHead2cam: true } ? Length(head.Head2cam.Translation) : null,
            FocalLengthMm = camera is { HasFocalLengthMm: true } ? camera.FocalLengthMm : null,
            Landmarks = camera is { HasIntrinsics: true } ? Reprojections(info, camera) : [],
        };
    }

    private static double Length(Codec.Runtime.Geometry.Vec3d v) => Math.Sqrt((v.X * v.X) + (v.Y * v.Y) + (v.Z * v.Z));

    // Per system, over the points in front of the camera that have both positions.
    private static List<LandmarkReprojection> Reprojections(IInfoDocument info, IRenderCamera camera)
    {
        var errors = new List<LandmarkReprojection>();
        foreach (var (name, points) in LandmarkSystems.Present(info))
        {
            int count = 0;
            double sum = 0, max = 0;
            foreach (var point in points)
            {
                if (!point.HasCameraSpacePos || !point.HasScreenSpacePos) continue;
                if (CameraRules.ReprojectionErrorPx(camera.Intrinsics, point.CameraSpacePos, point.ScreenSpacePos) is not { } error) continue;
                count++;
                sum += error;
                max = Math.Max(max, error);
            }

            if (count > 0) errors.Add(new LandmarkReprojection(name, count, sum / count, max));
        }

        return errors;
    }
}
