using Codec.Runtime.Findings;
using Codec.Runtime.Geometry;

namespace Codec.Runtime.Semantics;

/// <summary>Rules on single vectors and pairs of points.</summary>
// Checks are written "!(error <= tolerance)": NaN fails every comparison, so a NaN value fails the check
// instead of slipping through it.
public static class VectorRules
{
    /// <summary><c>unit_vector</c>: |v| = 1, e.g. a gaze direction.</summary>
    public static void UnitVector(in Vec3d v, double tolerance, FindingSink sink, RulePath path)
    {
        double length = v.Length;
        if (!(Math.Abs(length - 1) <= tolerance))
        {
            sink.Report(FindingCodes.NotUnitVector, Severity.Error, path.ToString(),
                $"vector {v} has length {Fmt.N(length)}, expected 1 (tolerance {Fmt.N(tolerance)})");
        }
    }

    /// <summary>
    /// <c>distinct_points</c>: two points that must differ (left and right pupil). Identical points are the known
    /// copy bug of early producers: a warning.
    /// </summary>
    public static void DistinctPoints(in Vec3d a, in Vec3d b, FindingSink sink, RulePath path)
    {
        if (a.Equals(b))
        {
            sink.Report(FindingCodes.PupilCopy, Severity.Warning, path.ToString(),
                $"this point is an exact copy of its counterpart {a} — the known pupil copy bug of files up to version 1.1");
        }
    }
}
