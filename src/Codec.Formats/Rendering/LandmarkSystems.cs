using Codec.Runtime.Semantics;
using System.Globalization;
using Codec.Formats.Synthesis.Info;
using Codec.Formats.Validation;
using Codec.Runtime.Findings;

namespace Codec.Formats.Rendering;

/// <summary>One landmark to draw: its label, its screen position (fractions of width and height) and whether the producer says it is in the frustum.</summary>
public sealed record OverlayPoint(string Label, double U, double V, bool InFrustum);

/// <summary>A landmark system of a render, named by where it sits in the info.json (<c>landmarks.kinect_v2</c>, <c>pupils</c>).</summary>
public sealed record OverlaySystem(string Name, IReadOnlyList<OverlayPoint> Points);

/// <summary>
/// Every landmark system of an info.json, whatever its version, read through its view (iBUG-68 and its contour, the
/// body systems, MPEG-4), and the two pupils; also the render size, from the intrinsics' principal point.
/// </summary>
public sealed class LandmarkSystems
{
    private LandmarkSystems(IReadOnlyList<OverlaySystem> systems, int width, int height)
    {
        Systems = systems;
        Width = width;
        Height = height;
    }

    public IReadOnlyList<OverlaySystem> Systems { get; }

    /// <summary>The render's size in pixels (twice the principal point), or 0 when the intrinsics are missing.</summary>
    public int Width { get; }

    public int Height { get; }

    /// <summary>Reads the systems of an info.json file; null (with a finding) when it cannot be read or decoded.</summary>
    public static LandmarkSystems? Read(string infoJson, FindingSink sink) =>
        new InfoDocumentReader().Read(infoJson, sink) is { } info ? From(info) : null;

    /// <summary>The systems of a decoded info.json, named as the view names them, in the view's order.</summary>
    public static LandmarkSystems From(IInfoDocument info)
    {
        var systems = new List<OverlaySystem>();
        foreach (var (name, points) in Present(info)) Add(systems, name, points);

        var pupils = new List<OverlayPoint>();
        if (Pupil(info.PupilLeft, "pupil_left") is { } left) pupils.Add(left);
        if (Pupil(info.PupilRight, "pupil_right") is { } right) pupils.Add(right);
        if (pupils.Count > 0) systems.Add(new OverlaySystem("pupils", pupils));

        var (width, height) = RenderSize(info);
        return new LandmarkSystems(systems, width, height);
    }

    /// <summary>The render's size in pixels: twice the intrinsics' principal point, or (0, 0) when there is none.</summary>
    public static (int Width, int Height) RenderSize(IInfoDocument info)
    {
        if (info.Camera is not { HasIntrinsics: true } camera) return (0, 0);
        var (width, height) = Codec.Runtime.Semantics.RenderSize.Of(camera.Intrinsics);
        return width is > 0 and < 2e6 && height is > 0 and < 2e6 ? ((int)Math.Round(width), (int)Math.Round(height)) : (0, 0);
    }

    /// <summary>The landmark systems an info.json has, named as its <c>landmarks</c> object names them, in the view's order.</summary>
    public static IEnumerable<(string Name, IReadOnlyList<ILandmark> Points)> Present(IInfoDocument info)
    {
        if (info.Landmarks is not { } landmarks) yield break;
        var all = new (string, IReadOnlyList<ILandmark>?)[]
        {
            ("ibug68", landmarks.Ibug68),
            ("ibug68_contour", landmarks.Ibug68Contour),
            ("kinect_v2", landmarks.KinectV2),
            ("coco_whole_body", landmarks.CocoWholeBody),
            ("mediapipe_body", landmarks.MediapipeBody),
            ("mediapipe_left_hand", landmarks.MediapipeLeftHand),
            ("mediapipe_right_hand", landmarks.MediapipeRightHand),
            ("mediapipe_left_iris", landmarks.MediapipeLeftIris),
            ("mediapipe_right_iris", landmarks.MediapipeRightIris),
            ("mpeg4", landmarks.Mpeg4),
        };
        foreach (var (name, points) in all)
        {
            if (points is not null) yield return (name, points);
        }
    }

    private static void Add(List<OverlaySystem> into, string name, IReadOnlyList<ILandmark> points)
    {
        var overlay = new List<OverlayPoint>(points.Count);
        for (int i = 0; i < points.Count; i++)
        {
            var p = points[i];
            if (!p.HasScreenSpacePos || !double.IsFinite(p.ScreenSpacePos.X) || !double.IsFinite(p.ScreenSpacePos.Y)) continue;
            string id = p.HasId ? p.Id.ToString(CultureInfo.InvariantCulture) : i.ToString(CultureInfo.InvariantCulture);
            string label = p.HasName ? p.Name.ToString() + (p.HasId ? " (id " + id + ")" : "") : id;
            overlay.Add(Point(label, p.ScreenSpacePos.X, p.ScreenSpacePos.Y, p.HasInFrustum ? p.InFrustum : null));
        }

        if (overlay.Count > 0) into.Add(new OverlaySystem(name, overlay));
    }

    private static OverlayPoint? Pupil(IPupil? pupil, string label) =>
        pupil is { HasScreenSpacePos: true } p && double.IsFinite(p.ScreenSpacePos.X) && double.IsFinite(p.ScreenSpacePos.Y)
            ? Point(label, p.ScreenSpacePos.X, p.ScreenSpacePos.Y, null)
            : null;

    // Without the producer's in_frustum flag, a point is in the frustum when it falls inside the picture.
    private static OverlayPoint Point(string label, double u, double v, bool? inFrustum) =>
        new(label, u, v, inFrustum ?? (u is >= 0 and <= 1 && v is >= 0 and <= 1));
}
