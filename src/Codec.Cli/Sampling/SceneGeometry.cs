using Codec.Runtime.Geometry;
using Codec.Runtime.Semantics;

namespace Codec.Cli.Sampling;

/// <summary>
/// A synthetic render: camera, head pose and the projection the Synthesis producer applies, so every derived value
/// (camera-space points, screen positions, distances, fields of view) is consistent by construction.
/// </summary>
public sealed class SceneGeometry
{
    public SceneGeometry(Random random, int width, int height, double focalMm = 100, double sensorWidthMm = 33)
    {
        Width = width;
        Height = height;
        FocalMm = focalMm;
        SensorWidthMm = sensorWidthMm;
        SensorHeightMm = sensorWidthMm * height / width;

        // The formulas of Synthesis AI's documentation: fx = f * resx / sensor_x, fy = fx, principal point at the image centre.
        double fx = focalMm * (width / sensorWidthMm);
        var k = new Mat3d();
        k[0, 0] = fx;
        k[1, 1] = fx;
        k[0, 2] = width / 2.0;
        k[1, 2] = height / 2.0;
        k[2, 2] = 1;
        Intrinsics = k;

        // Camera orbiting the head at eye height, looking down -Z of its own frame.
        double cameraYaw = random.NextDouble() * 20 - 10;
        double distance = 1.2 + random.NextDouble() * 0.6;
        var orbit = RotationY(cameraYaw);
        var position = orbit.TransformPoint(new Vec3d(0, 0, distance));
        CamToWorld = Compose(Translation(position.X, 1.45 + position.Y, position.Z), orbit);
        WorldToCam = InverseRigid(CamToWorld);

        Pitch = random.NextDouble() * 20 - 10;
        Yaw = random.NextDouble() * 30 - 15;
        Roll = random.NextDouble() * 10 - 5;
        HeadToWorld = Compose(Translation(0, 1.45, 0), Compose(RotationY(Yaw), Compose(RotationX(Pitch), RotationZ(Roll))));
        HeadToCam = Mat4d.Multiply(WorldToCam, HeadToWorld);
    }

    public int Width { get; }
    public int Height { get; }
    public double FocalMm { get; }
    public double SensorWidthMm { get; }
    public double SensorHeightMm { get; }
    public Mat3d Intrinsics { get; }
    public Mat4d CamToWorld { get; }
    public Mat4d WorldToCam { get; }
    public Mat4d HeadToWorld { get; }
    public Mat4d HeadToCam { get; }
    public double Pitch { get; }
    public double Yaw { get; }
    public double Roll { get; }

    public double FovX => 2 * Math.Atan(SensorWidthMm / 2 / FocalMm);
    public double FovY => 2 * Math.Atan(SensorHeightMm / 2 / FocalMm);

    /// <summary>A point given in the head's frame, in all the spellings a landmark has.</summary>
    public ProjectedPoint FromHead(Vec3d head, int screenDecimals = -1) => FromWorld(HeadToWorld.TransformPoint(head), screenDecimals);

    public ProjectedPoint FromWorld(Vec3d world, int screenDecimals = -1)
    {
        var camera = WorldToCam.TransformPoint(world);
        CameraRules.TryProject(Intrinsics, camera, out double u, out double v);
        var screen = new Vec2d(u / Width, v / Height);
        if (screenDecimals >= 0) screen = new Vec2d(Math.Round(screen.X, screenDecimals), Math.Round(screen.Y, screenDecimals));
        bool inFrustum = screen.X is >= 0 and <= 1 && screen.Y is >= 0 and <= 1;
        return new ProjectedPoint(world, camera, screen, camera.Length, inFrustum);
    }

    public static Mat4d Translation(double x, double y, double z)
    {
        var m = Mat4d.Identity;
        m[0, 3] = x;
        m[1, 3] = y;
        m[2, 3] = z;
        return m;
    }

    public static Mat4d RotationX(double degrees) => Rotation(degrees, 1, 2);
    public static Mat4d RotationY(double degrees) => Rotation(degrees, 2, 0);
    public static Mat4d RotationZ(double degrees) => Rotation(degrees, 0, 1);

    public static Mat4d Compose(in Mat4d a, in Mat4d b) => Mat4d.Multiply(a, b);

    /// <summary>Inverse of a rigid transform: transpose the rotation, rotate and negate the translation.</summary>
    public static Mat4d InverseRigid(in Mat4d m)
    {
        var r = Mat4d.Identity;
        for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
        {
            r[i, j] = m[j, i];
        }

        for (int i = 0; i < 3; i++)
        {
            r[i, 3] = -(r[i, 0] * m[0, 3] + r[i, 1] * m[1, 3] + r[i, 2] * m[2, 3]);
        }

        return r;
    }

    /// <summary>Euler angles (degrees) of a rotation R = Rz·Ry·Rx, as x, y, z.</summary>
    public static Vec3d EulerXyz(in Mat4d m)
    {
        double y = Math.Asin(Math.Clamp(-m[2, 0], -1, 1));
        double x = Math.Atan2(m[2, 1], m[2, 2]);
        double z = Math.Atan2(m[1, 0], m[0, 0]);
        return new Vec3d(x * 180 / Math.PI, y * 180 / Math.PI, z * 180 / Math.PI);
    }

    private static Mat4d Rotation(double degrees, int a, int b)
    {
        double t = degrees * Math.PI / 180;
        var m = Mat4d.Identity;
        m[a, a] = Math.Cos(t);
        m[a, b] = -Math.Sin(t);
        m[b, a] = Math.Sin(t);
        m[b, b] = Math.Cos(t);
        return m;
    }
}

/// <summary>A point in world, camera and screen space, with its distance to the camera and whether it is in frame.</summary>
public readonly record struct ProjectedPoint(Vec3d World, Vec3d Camera, Vec2d Screen, double Distance, bool InFrustum);
