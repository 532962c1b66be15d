using Codec.Runtime.Findings;
using Codec.Runtime.Geometry;

namespace Codec.Runtime.Semantics;

/// <summary>Rules about 4×4 rigid transforms, their inverses and their other spellings (translation, quaternion).</summary>
// Checks are written "!(error <= tolerance)": NaN fails every comparison, so a NaN value fails the check
// instead of slipping through it.
public static class TransformRules
{
    /// <summary>
    /// <c>rigid_transform</c>: the upper 3×3 is a rotation (R·Rᵀ = I, det = +1) and the last row is <c>0 0 0 1</c>.
    /// </summary>
    public static void RigidTransform(in Mat4d m, double tolerance, FindingSink sink, RulePath path)
    {
        double worst = 0;
        for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
        {
            double dot = m[i, 0] * m[j, 0] + m[i, 1] * m[j, 1] + m[i, 2] * m[j, 2];
            worst = Math.Max(worst, Math.Abs(dot - (i == j ? 1 : 0)));
        }

        double det = m[0, 0] * (m[1, 1] * m[2, 2] - m[1, 2] * m[2, 1])
                   - m[0, 1] * (m[1, 0] * m[2, 2] - m[1, 2] * m[2, 0])
                   + m[0, 2] * (m[1, 0] * m[2, 1] - m[1, 1] * m[2, 0]);
        double lastRow = Math.Max(Math.Max(Math.Abs(m[3, 0]), Math.Abs(m[3, 1])), Math.Max(Math.Abs(m[3, 2]), Math.Abs(m[3, 3] - 1)));

        if (!(worst <= tolerance) || !(Math.Abs(det - 1) <= tolerance * 3))
        {
            sink.Report(FindingCodes.NotRigidTransform, Severity.Error, path.ToString(),
                $"rotation part is not orthonormal: |R·Rᵀ − I| = {Fmt.N(worst)}, det = {Fmt.N(det)} (tolerance {Fmt.N(tolerance)})");
        }

        if (!(lastRow <= tolerance))
        {
            sink.Report(FindingCodes.NotRigidTransform, Severity.Error, path.ToString(),
                $"last row is [{Fmt.N(m[3, 0])}, {Fmt.N(m[3, 1])}, {Fmt.N(m[3, 2])}, {Fmt.N(m[3, 3])}], expected [0, 0, 0, 1] (a transposed matrix?)");
        }
    }

    /// <summary><c>inverse_transforms</c>: A·B = I, e.g. world2cam and cam2world.</summary>
    public static void InverseTransforms(in Mat4d a, in Mat4d b, double tolerance, FindingSink sink, RulePath path)
    {
        var product = Mat4d.Multiply(a, b);
        double worst = 0;
        for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++)
        {
            worst = Math.Max(worst, Math.Abs(product[i, j] - (i == j ? 1 : 0)));
        }

        if (!(worst <= tolerance))
        {
            sink.Report(FindingCodes.TransformsNotInverse, Severity.Error, path.ToString(),
                $"the two transforms are not inverses: |A·B − I| = {Fmt.N(worst)} (tolerance {Fmt.N(tolerance)})");
        }
    }

    /// <summary><c>translation_matches</c>: <c>translation_xyz</c> equals the matrix's column 3.</summary>
    public static void TranslationMatches(in Mat4d m, in Vec3d translation, double tolerance, FindingSink sink, RulePath path)
    {
        var t = m.Translation;
        double d = Math.Max(Math.Abs(t.X - translation.X), Math.Max(Math.Abs(t.Y - translation.Y), Math.Abs(t.Z - translation.Z)));
        if (!(d <= tolerance))
        {
            sink.Report(FindingCodes.TranslationMismatch, Severity.Error, path.ToString(),
                $"translation {translation} differs from the matrix translation {t} by {Fmt.N(d)} (tolerance {Fmt.N(tolerance)})");
        }
    }

    /// <summary>
    /// <c>quaternion_matches</c>: the quaternion describes the matrix's rotation. Producers store x,y,z,w under
    /// the name <c>quaternion_wxyz</c>; both orders are tried and the order found is reported as info.
    /// </summary>
    public static void QuaternionMatches(in Mat4d m, in Vec4d stored, double tolerance, FindingSink sink, RulePath path)
    {
        var q = FromRotation(m); // (x, y, z, w), unit
        double norm = Math.Sqrt(stored.X * stored.X + stored.Y * stored.Y + stored.Z * stored.Z + stored.W * stored.W);
        if (norm < 1e-12)
        {
            sink.Report(FindingCodes.QuaternionMismatch, Severity.Error, path.ToString(), "quaternion has zero length");
            return;
        }

        // Same rotation when |dot| = 1 (q and −q are the same rotation).
        double asXyzw = 1 - Math.Abs((q.X * stored.X + q.Y * stored.Y + q.Z * stored.Z + q.W * stored.W) / norm);
        double asWxyz = 1 - Math.Abs((q.W * stored.X + q.X * stored.Y + q.Y * stored.Z + q.Z * stored.W) / norm);
        if (asWxyz <= tolerance) return;
        if (asXyzw <= tolerance)
        {
            sink.Report(FindingCodes.QuaternionStoredXyzw, Severity.Info, path.ToString(),
                "quaternion is stored in x,y,z,w order although the member is named quaternion_wxyz (as in every real file)");
            return;
        }

        sink.Report(FindingCodes.QuaternionMismatch, Severity.Error, path.ToString(),
            $"quaternion {stored} does not describe the matrix rotation in either w,x,y,z or x,y,z,w order (expected x,y,z,w {q})");
    }

    /// <summary>Unit quaternion (x, y, z, w) of the rotation part, by Shepperd's method.</summary>
    public static Vec4d FromRotation(in Mat4d m)
    {
        double trace = m[0, 0] + m[1, 1] + m[2, 2];
        double x, y, z, w;
        if (trace > 0)
        {
            double s = Math.Sqrt(trace + 1.0) * 2;
            w = 0.25 * s;
            x = (m[2, 1] - m[1, 2]) / s;
            y = (m[0, 2] - m[2, 0]) / s;
            z = (m[1, 0] - m[0, 1]) / s;
        }
        else if (m[0, 0] > m[1, 1] && m[0, 0] > m[2, 2])
        {
            double s = Math.Sqrt(1.0 + m[0, 0] - m[1, 1] - m[2, 2]) * 2;
            w = (m[2, 1] - m[1, 2]) / s;
            x = 0.25 * s;
            y = (m[0, 1] + m[1, 0]) / s;
            z = (m[0, 2] + m[2, 0]) / s;
        }
        else if (m[1, 1] > m[2, 2])
        {
            double s = Math.Sqrt(1.0 + m[1, 1] - m[0, 0] - m[2, 2]) * 2;
            w = (m[0, 2] - m[2, 0]) / s;
            x = (m[0, 1] + m[1, 0]) / s;
            y = 0.25 * s;
            z = (m[1, 2] + m[2, 1]) / s;
        }
        else
        {
            double s = Math.Sqrt(1.0 + m[2, 2] - m[0, 0] - m[1, 1]) * 2;
            w = (m[1, 0] - m[0, 1]) / s;
            x = (m[0, 2] + m[2, 0]) / s;
            y = (m[1, 2] + m[2, 1]) / s;
            z = 0.25 * s;
        }

        double n = Math.Sqrt(x * x + y * y + z * z + w * w);
        return new Vec4d(x / n, y / n, z / n, w / n);
    }
}
