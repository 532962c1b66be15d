using System.Globalization;
using Codec.Runtime.Geometry;

namespace Codec.Runtime.Semantics;

/// <summary>
/// The render's size as its camera implies it: renderers put the principal point at the centre of the sensor, so an
/// image (or a requested resolution) of the render is 2 cx × 2 cy. One place for the screen fractions of the format
/// rules, the resolution a metadata line requests, the masks, the images, the EXR and the views that draw on a render.
/// </summary>
public static class RenderSize
{
    /// <summary>The render's width and height in pixels, from the intrinsics' principal point.</summary>
    public static (double Width, double Height) Of(Mat3d intrinsics) => (2 * intrinsics[0, 2], 2 * intrinsics[1, 2]);

    /// <summary>True when <paramref name="width"/> × <paramref name="height"/> is centred on the intrinsics' principal point, within <paramref name="tolerancePx"/>.</summary>
    public static bool Centres(Mat3d intrinsics, double width, double height, double tolerancePx) =>
        Math.Abs((width / 2.0) - intrinsics[0, 2]) <= tolerancePx && Math.Abs((height / 2.0) - intrinsics[1, 2]) <= tolerancePx;

    /// <summary>"(cx, cy) makes the render W×H", the size joined by <paramref name="by"/>: what a size finding says of the intrinsics.</summary>
    public static string Describe(Mat3d intrinsics, string by)
    {
        var (width, height) = Of(intrinsics);
        return string.Create(CultureInfo.InvariantCulture, $"({intrinsics[0, 2]}, {intrinsics[1, 2]}) makes the render {width}{by}{height}");
    }
}
