using Codec.Runtime.Geometry;

namespace Codec.Formats.Validation.Folders;

/// <summary>
/// The render's size as its camera implies it: renderers put the principal point at the centre of the sensor, so an
/// image (or a requested resolution) of the render is 2 cx × 2 cy. One test for the resolution a metadata line
/// requests, the masks and the images.
/// </summary>
internal static class PrincipalPoint
{
    /// <summary>True when <paramref name="width"/> × <paramref name="height"/> is centred on the intrinsics' principal point, within <paramref name="tolerancePx"/>.</summary>
    public static bool Centres(Mat3d intrinsics, double width, double height, double tolerancePx) =>
        Math.Abs((width / 2.0) - intrinsics[0, 2]) <= tolerancePx && Math.Abs((height / 2.0) - intrinsics[1, 2]) <= tolerancePx;
}
