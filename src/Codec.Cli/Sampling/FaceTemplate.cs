using Codec.Runtime.Geometry;

namespace Codec.Cli.Sampling;

/// <summary>
/// Where things sit on a generic head, in the head's own frame (metres; +Y up, the face looks along +Z).
/// Approximate anatomy is enough: the sample data must be consistent, not a portrait.
/// </summary>
public static class FaceTemplate
{
    /// <summary>The 68 iBUG points: jaw 0–16, brows 17–26, nose 27–35, eyes 36–47, mouth 48–67.</summary>
    public static Vec3d Ibug68(int index)
    {
        switch (index)
        {
            case < 17:
            {
                double t = Math.PI * (index / 16.0);
                return new Vec3d(-0.07 * Math.Cos(t), 0.02 - 0.09 * Math.Sin(t), 0.05 + 0.035 * Math.Sin(t));
            }
            case < 27:
            {
                int k = index - 17;
                double side = k < 5 ? -1 : 1;
                double x = side * (0.015 + 0.01 * (k % 5));
                return new Vec3d(x, 0.045 + 0.004 * Math.Sin(Math.PI * (k % 5) / 4), 0.085);
            }
            case < 31:
                return new Vec3d(0, 0.035 - 0.012 * (index - 27), 0.09 + 0.006 * (index - 27));
            case < 36:
                return new Vec3d(-0.012 + 0.006 * (index - 31), -0.018, 0.095);
            case < 48:
            {
                int k = index - 36;
                double centre = k < 6 ? -0.032 : 0.032;
                double a = Math.PI * 2 * (k % 6) / 6;
                return new Vec3d(centre + 0.012 * Math.Cos(a), 0.028 + 0.004 * Math.Sin(a), 0.08);
            }
            default:
            {
                int k = index - 48;
                double a = Math.PI * 2 * (k < 12 ? k / 12.0 : (k - 12) / 8.0);
                double r = k < 12 ? 0.025 : 0.017;
                return new Vec3d(r * Math.Cos(a), -0.045 + 0.4 * r * Math.Sin(a), 0.088);
            }
        }
    }

    public static Vec3d PupilLeft => new(0.032, 0.028, 0.088);
    public static Vec3d PupilRight => new(-0.032, 0.028, 0.088);

    /// <summary>A point on a simple standing body (world frame, metres), spread over the systems' joint counts.</summary>
    public static Vec3d Body(int index, int count, Random random)
    {
        double t = (double)index / Math.Max(1, count - 1);
        double side = index % 2 == 0 ? -1 : 1;
        return new Vec3d(side * (0.05 + 0.2 * random.NextDouble()), 1.6 - 1.5 * t, 0.05 * random.NextDouble() - 0.02);
    }
}
