using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Codec.Runtime.Geometry;

/// <summary>Storage for 9 doubles, kept inline in <see cref="Mat3d"/>.</summary>
[InlineArray(9)]
public struct Double9
{
    private double _element;
}

/// <summary>Storage for 16 doubles, kept inline in <see cref="Mat4d"/>.</summary>
[InlineArray(16)]
public struct Double16
{
    private double _element;
}

/// <summary>A JSON 3×3 array of rows, e.g. OpenCV intrinsics <c>[[fx,0,cx],[0,fy,cy],[0,0,1]]</c>.</summary>
public struct Mat3d : IEquatable<Mat3d>
{
    private Double9 _m;

    public double this[int row, int column]
    {
        // Inlined: the geometry rules index matrices in their innermost loops.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        readonly get => _m[row * 3 + column];
        set => _m[row * 3 + column] = value;
    }

    /// <summary>Row-major view of the 9 elements, for decoding in place.</summary>
    public static Span<double> AsSpan(ref Mat3d m) => MemoryMarshal.CreateSpan(ref m._m[0], 9);

    public readonly bool Equals(Mat3d o)
    {
        for (int i = 0; i < 9; i++) if (!_m[i].Equals(o._m[i])) return false;
        return true;
    }

    public override readonly bool Equals(object? obj) => obj is Mat3d m && Equals(m);
    public override readonly int GetHashCode() => HashCode.Combine(_m[0], _m[2], _m[4], _m[5]);
}

/// <summary>
/// A JSON 4×4 array of rows: a homogeneous transform, row-major, translation in column 3.
/// </summary>
public struct Mat4d : IEquatable<Mat4d>
{
    private Double16 _m;

    public double this[int row, int column]
    {
        // Inlined: the geometry rules index matrices in their innermost loops.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        readonly get => _m[row * 4 + column];
        set => _m[row * 4 + column] = value;
    }

    /// <summary>Row-major view of the 16 elements, for decoding in place.</summary>
    public static Span<double> AsSpan(ref Mat4d m) => MemoryMarshal.CreateSpan(ref m._m[0], 16);

    public static Mat4d Identity
    {
        get
        {
            var m = new Mat4d();
            m[0, 0] = m[1, 1] = m[2, 2] = m[3, 3] = 1;
            return m;
        }
    }

    public readonly Vec3d Translation => new(this[0, 3], this[1, 3], this[2, 3]);

    /// <summary>Applies the transform to a point (w = 1).</summary>
    public readonly Vec3d TransformPoint(in Vec3d p) => new(
        this[0, 0] * p.X + this[0, 1] * p.Y + this[0, 2] * p.Z + this[0, 3],
        this[1, 0] * p.X + this[1, 1] * p.Y + this[1, 2] * p.Z + this[1, 3],
        this[2, 0] * p.X + this[2, 1] * p.Y + this[2, 2] * p.Z + this[2, 3]);

    public static Mat4d Multiply(in Mat4d a, in Mat4d b)
    {
        var r = new Mat4d();
        for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++)
        {
            double s = 0;
            for (int k = 0; k < 4; k++) s += a[i, k] * b[k, j];
            r[i, j] = s;
        }

        return r;
    }

    public readonly bool Equals(Mat4d o)
    {
        for (int i = 0; i < 16; i++) if (!_m[i].Equals(o._m[i])) return false;
        return true;
    }

    public override readonly bool Equals(object? obj) => obj is Mat4d m && Equals(m);
    public override readonly int GetHashCode() => HashCode.Combine(_m[0], _m[3], _m[7], _m[11]);
}
