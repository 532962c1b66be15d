using System.Runtime.InteropServices;

namespace Codec.Runtime.Geometry;

/// <summary>A JSON <c>[x, y]</c>, e.g. a screen position as fractions of width and height.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct Vec2d : IEquatable<Vec2d>
{
    public double X;
    public double Y;

    public Vec2d(double x, double y) { X = x; Y = y; }

    public static Span<double> AsSpan(ref Vec2d v) => MemoryMarshal.CreateSpan(ref v.X, 2);
    public readonly bool Equals(Vec2d o) => X.Equals(o.X) && Y.Equals(o.Y);
    public override readonly bool Equals(object? obj) => obj is Vec2d v && Equals(v);
    public override readonly int GetHashCode() => HashCode.Combine(X, Y);
    public override readonly string ToString() => FormattableString.Invariant($"[{X}, {Y}]");
}

/// <summary>A JSON <c>[x, y, z]</c>: a point or direction.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct Vec3d : IEquatable<Vec3d>
{
    public double X;
    public double Y;
    public double Z;

    public Vec3d(double x, double y, double z) { X = x; Y = y; Z = z; }

    public static Span<double> AsSpan(ref Vec3d v) => MemoryMarshal.CreateSpan(ref v.X, 3);
    public readonly double Length => Math.Sqrt(X * X + Y * Y + Z * Z);
    public static Vec3d operator -(Vec3d a, Vec3d b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);
    public static Vec3d operator +(Vec3d a, Vec3d b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);
    public readonly bool Equals(Vec3d o) => X.Equals(o.X) && Y.Equals(o.Y) && Z.Equals(o.Z);
    public override readonly bool Equals(object? obj) => obj is Vec3d v && Equals(v);
    public override readonly int GetHashCode() => HashCode.Combine(X, Y, Z);
    public override readonly string ToString() => FormattableString.Invariant($"[{X}, {Y}, {Z}]");
}

/// <summary>A JSON <c>[a, b, c, d]</c>, e.g. a quaternion.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct Vec4d : IEquatable<Vec4d>
{
    public double X;
    public double Y;
    public double Z;
    public double W;

    public Vec4d(double x, double y, double z, double w) { X = x; Y = y; Z = z; W = w; }

    public static Span<double> AsSpan(ref Vec4d v) => MemoryMarshal.CreateSpan(ref v.X, 4);
    public readonly bool Equals(Vec4d o) => X.Equals(o.X) && Y.Equals(o.Y) && Z.Equals(o.Z) && W.Equals(o.W);
    public override readonly bool Equals(object? obj) => obj is Vec4d v && Equals(v);
    public override readonly int GetHashCode() => HashCode.Combine(X, Y, Z, W);
    public override readonly string ToString() => FormattableString.Invariant($"[{X}, {Y}, {Z}, {W}]");
}
