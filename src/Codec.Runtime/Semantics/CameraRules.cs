using Codec.Runtime.Semantics;
using Codec.Runtime.Findings;
using Codec.Runtime.Geometry;

namespace Codec.Runtime.Semantics;

/// <summary>
/// Rules tying points to the camera. Conventions (Synthesis seed, "Camera Intrinsics Directionality"): 3D points are
/// OpenGL camera space (x right, y up, camera looks down −Z), intrinsics are OpenCV (y down), screen positions are
/// fractions of width and height from the top-left, and the image size is twice the principal point.
/// </summary>
// Checks are written "!(error <= tolerance)": NaN fails every comparison, so a NaN value fails the check
// instead of slipping through it.
public static class CameraRules
{
    /// <summary><c>camera_space_matches_world</c>: camera = world2cam · world.</summary>
    public static void CameraSpaceMatchesWorld(in Mat4d world2cam, in Vec3d world, in Vec3d camera, double tolerance, FindingSink sink, RulePath path)
    {
        var expected = world2cam.TransformPoint(world);
        double d = (expected - camera).Length;
        if (!(d <= tolerance))
        {
            sink.Report(FindingCodes.CameraSpaceMismatch, Severity.Error, path.ToString(),
                $"camera_space_pos {camera} is {Fmt.N(d)} m from world2cam · world_space_pos = {expected} (tolerance {Fmt.N(tolerance)})");
        }
    }

    /// <summary><c>distance_to_camera</c>: distance = |camera_space_pos|.</summary>
    public static void DistanceToCamera(in Vec3d camera, double distance, double tolerance, FindingSink sink, RulePath path)
    {
        double expected = camera.Length;
        if (!(Math.Abs(expected - distance) <= tolerance))
        {
            sink.Report(FindingCodes.DistanceMismatch, Severity.Error, path.ToString(),
                $"distance_to_camera {Fmt.N(distance)} differs from |camera_space_pos| = {Fmt.N(expected)} (tolerance {Fmt.N(tolerance)})");
        }
    }

    /// <summary>
    /// <c>projects_to_screen</c>: projecting camera_space_pos through the intrinsics lands on screen_space_pos
    /// within <paramref name="tolerancePx"/> pixels. Points at or behind the camera plane are not projected.
    /// A deviation up to <paramref name="knownTolerancePx"/> on a point the schema marks as a known producer offset
    /// (<paramref name="isKnownOffset"/>) is a warning instead of an error.
    /// </summary>
    public static void ProjectsToScreen(in Mat3d intrinsics, in Vec3d camera, in Vec2d screen, double tolerancePx, FindingSink sink, RulePath path,
        bool isKnownOffset = false, double knownTolerancePx = 0)
    {
        if (ReprojectionErrorPx(intrinsics, camera, screen) is not { } error || error <= tolerancePx) return;
        TryProject(intrinsics, camera, out double u, out double v);
        var (width, height) = RenderSize.Of(intrinsics);
        if (isKnownOffset && error <= knownTolerancePx)
        {
            sink.Report(FindingCodes.KnownProjectionOffset, Severity.Warning, path.ToString(),
                $"screen_space_pos is {Fmt.Px(error)} from the projection of camera_space_pos — a known producer offset for this point (allowed up to {Fmt.Px(knownTolerancePx)})");
            return;
        }

        sink.Report(FindingCodes.ProjectionMismatch, Severity.Error, path.ToString(),
            $"screen_space_pos {screen} is {Fmt.Px(error)} from the projection of camera_space_pos at ({Fmt.N(u / width)}, {Fmt.N(v / height)}) (tolerance {Fmt.Px(tolerancePx)})");
    }

    /// <summary><c>in_frustum_agrees</c>: in_frustum is true exactly when the screen position lies inside the image.</summary>
    public static void InFrustumAgrees(in Vec2d screen, bool inFrustum, double tolerance, FindingSink sink, RulePath path)
    {
        bool inside = screen.X >= -tolerance && screen.X <= 1 + tolerance && screen.Y >= -tolerance && screen.Y <= 1 + tolerance;
        bool clearlyInside = screen.X >= tolerance && screen.X <= 1 - tolerance && screen.Y >= tolerance && screen.Y <= 1 - tolerance;
        if (inFrustum ? !inside : clearlyInside)
        {
            sink.Report(FindingCodes.FrustumMismatch, Severity.Error, path.ToString(),
                $"in_frustum is {(inFrustum ? "true" : "false")} but screen_space_pos {screen} is {(inside ? "inside" : "outside")} the image");
        }
    }

    /// <summary><c>field_of_view</c>: fov = 2·atan(sensor / 2 / focal), in radians.</summary>
    public static void FieldOfView(double fov, double sensorMm, double focalMm, double tolerance, FindingSink sink, RulePath path)
    {
        if (focalMm <= 0)
        {
            sink.Report(FindingCodes.FieldOfViewMismatch, Severity.Error, path.ToString(), $"focal length {Fmt.N(focalMm)} mm is not positive");
            return;
        }

        double expected = 2 * Math.Atan(sensorMm / 2 / focalMm);
        if (!(Math.Abs(expected - fov) <= tolerance))
        {
            sink.Report(FindingCodes.FieldOfViewMismatch, Severity.Error, path.ToString(),
                $"field of view {Fmt.N(fov)} rad differs from 2·atan({Fmt.N(sensorMm)}/2/{Fmt.N(focalMm)}) = {Fmt.N(expected)} rad (tolerance {Fmt.N(tolerance)})");
        }
    }

    /// <summary>
    /// Pixels between <paramref name="screen"/> (fractions of the render's size, which is twice the principal point) and
    /// the projection of <paramref name="camera"/>; null for a point at or behind the camera, or no render size.
    /// </summary>
    public static double? ReprojectionErrorPx(in Mat3d intrinsics, in Vec3d camera, in Vec2d screen)
    {
        if (!TryProject(intrinsics, camera, out double u, out double v)) return null;
        var (width, height) = RenderSize.Of(intrinsics);
        if (width <= 0 || height <= 0) return null;
        return Math.Sqrt(Sq(screen.X * width - u) + Sq(screen.Y * height - v));
    }

    /// <summary>Projects an OpenGL camera-space point to OpenCV pixel coordinates; false at or behind the camera.</summary>
    public static bool TryProject(in Mat3d k, in Vec3d camera, out double u, out double v)
    {
        if (camera.Z >= 0)
        {
            u = v = double.NaN;
            return false;
        }

        double depth = -camera.Z;
        u = k[0, 0] * camera.X / depth + k[0, 1] * -camera.Y / depth + k[0, 2];
        v = k[1, 1] * -camera.Y / depth + k[1, 2];
        return true;
    }

    private static double Sq(double x) => x * x;
}
