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

    /// <summary>
    /// The MPEG-4 feature points real 1.5 files carry, in this template's head frame: measured from the Dec-2022
    /// humans sample (its head frame shifted by (0, 28, 50) mm onto this template's), midline points on x = 0, and
    /// the top of the skull (11.4, 11.5) at the ears' depth as the reference table recommends.
    /// </summary>
    public static IReadOnlyDictionary<string, Vec3d> Mpeg4 { get; } = new Dictionary<string, Vec3d>
    {
        ["2.1"] = new(0.0000, -0.0823, 0.0820),
        ["2.2"] = new(0.0000, -0.0451, 0.0966),
        ["2.3"] = new(0.0000, -0.0450, 0.0950),
        ["2.10"] = new(0.0000, -0.0704, 0.0876),
        ["2.11"] = new(0.0256, -0.0790, 0.0706),
        ["2.12"] = new(-0.0236, -0.0798, 0.0711),
        ["2.13"] = new(0.0614, -0.0442, 0.0175),
        ["2.14"] = new(-0.0593, -0.0438, 0.0175),
        ["3.1"] = new(0.0307, 0.0304, 0.0824),
        ["3.2"] = new(-0.0322, 0.0306, 0.0820),
        ["3.3"] = new(0.0317, 0.0208, 0.0806),
        ["3.4"] = new(-0.0327, 0.0210, 0.0805),
        ["3.5"] = new(0.0296, 0.0268, 0.0782),
        ["3.6"] = new(-0.0304, 0.0268, 0.0782),
        ["3.7"] = new(0.0419, 0.0246, 0.0760),
        ["3.8"] = new(-0.0170, 0.0220, 0.0786),
        ["3.9"] = new(0.0321, 0.0182, 0.0808),
        ["3.10"] = new(-0.0330, 0.0184, 0.0809),
        ["3.11"] = new(0.0148, 0.0213, 0.0794),
        ["3.12"] = new(-0.0431, 0.0243, 0.0757),
        ["3.13"] = new(0.0310, 0.0346, 0.0808),
        ["3.14"] = new(-0.0325, 0.0354, 0.0798),
        ["4.1"] = new(0.0081, 0.0468, 0.0951),
        ["4.2"] = new(-0.0107, 0.0482, 0.0951),
        ["4.3"] = new(0.0355, 0.0504, 0.0883),
        ["4.4"] = new(-0.0374, 0.0504, 0.0875),
        ["4.5"] = new(0.0555, 0.0436, 0.0710),
        ["4.6"] = new(-0.0567, 0.0436, 0.0694),
        ["8.1"] = new(0.0000, -0.0378, 0.1024),
        ["8.2"] = new(0.0000, -0.0536, 0.0984),
        ["8.3"] = new(0.0257, -0.0468, 0.0835),
        ["8.4"] = new(-0.0239, -0.0470, 0.0850),
        ["9.1"] = new(0.0167, -0.0146, 0.0947),
        ["9.2"] = new(-0.0169, -0.0143, 0.0946),
        ["9.3"] = new(0.0000, -0.0084, 0.1140),
        ["9.6"] = new(-0.0106, 0.0199, 0.0833),
        ["9.7"] = new(0.0084, 0.0193, 0.0830),
        ["9.12"] = new(0.0000, 0.0078, 0.1002),
        ["9.13"] = new(0.0136, 0.0016, 0.0868),
        ["9.14"] = new(-0.0148, 0.0023, 0.0872),
        ["9.15"] = new(0.0000, -0.0259, 0.0995),
        ["10.1"] = new(0.0807, 0.0321, -0.0073),
        ["10.2"] = new(-0.0806, 0.0312, -0.0074),
        ["10.3"] = new(0.0814, 0.0030, -0.0295),
        ["10.4"] = new(-0.0808, 0.0046, -0.0297),
        ["10.5"] = new(0.0708, -0.0250, -0.0049),
        ["10.6"] = new(-0.0721, -0.0232, -0.0052),
        ["10.7"] = new(0.0693, -0.0054, -0.0017),
        ["10.8"] = new(-0.0710, -0.0055, -0.0011),
        ["10.9"] = new(0.0715, 0.0114, 0.0003),
        ["10.10"] = new(-0.0715, 0.0113, -0.0001),
        ["11.1"] = new(0.0000, 0.1009, 0.0813),
        ["11.4"] = new(0.0000, 0.1325, -0.0185),
        ["11.5"] = new(0.0000, 0.1495, -0.0185),
    };

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
