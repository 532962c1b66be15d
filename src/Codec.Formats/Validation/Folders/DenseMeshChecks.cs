using System.Globalization;
using Codec.Formats.Findings;
using Codec.Formats.Synthesis.Info;
using Codec.Runtime.Findings;
using Codec.Runtime.Geometry;

namespace Codec.Formats.Validation.Folders;

/// <summary>
/// A render's dense landmark mesh against its info.json's iBUG-68 points, in camera space (the vertices through
/// world2cam, as the synthesisai loader reads them; the points' own <c>camera_space_pos</c>), where both locate the
/// same point. On the producer's files the SAI mesh carries the points of the nose, eyes and mouth as its own
/// vertices (0.00 mm; the brows lie up to 2.4 mm off it), so each must coincide with a vertex; MediaPipe's mesh is
/// another set of points, which passes within 7.5 mm of those of the brows, nose, eyes and mouth. The jaw line is left
/// out of both: iBUG's follows the silhouette.
/// </summary>
internal static class DenseMeshChecks
{
    /// <summary>What a kind of dense mesh is held to (the render contract's mesh_near_landmarks): which iBUG-68 points (0-based, from) lie on it how closely.</summary>
    public sealed record Kind(int FirstPoint, string Parts, double ToleranceMm);

    public static void AgainstLandmarks(ObjMesh mesh, Kind kind, Mat4d world2cam, IInfoDocument info, string infoName, FindingSink sink)
    {
        if (info.Landmarks?.Ibug68 is not { Count: > 0 } points || mesh.Vertices.Length == 0) return;
        var vertices = new Vec3d[mesh.Vertices.Length];
        for (int i = 0; i < vertices.Length; i++) vertices[i] = world2cam.TransformPoint(mesh.Vertices[i]);

        int checkedPoints = 0, far = 0;
        (long Id, double Mm) worst = (-1, 0);
        foreach (var point in points)
        {
            if (!point.HasId || point.Id < kind.FirstPoint || !point.HasCameraSpacePos) continue;
            checkedPoints++;
            double nearest = double.PositiveInfinity;
            var p = point.CameraSpacePos;
            foreach (var v in vertices)
            {
                double dx = v.X - p.X, dy = v.Y - p.Y, dz = v.Z - p.Z;
                nearest = Math.Min(nearest, (dx * dx) + (dy * dy) + (dz * dz));
            }

            double mm = Math.Sqrt(nearest) * 1000;
            if (!(mm <= kind.ToleranceMm)) far++;
            if (!(mm <= worst.Mm)) worst = (point.Id, mm);
        }

        if (far == 0) return;
        sink.Add(new Finding(FolderFindingCodes.DenseMeshOffLandmarks, Severity.Error, "", string.Create(CultureInfo.InvariantCulture,
            $"{far} of {checkedPoints} iBUG-68 points of the {kind.Parts} in {infoName} lie farther than {kind.ToleranceMm:0.###} mm from every vertex in camera space (worst: point {worst.Id} at {worst.Mm:0.0} mm)")));
    }
}
