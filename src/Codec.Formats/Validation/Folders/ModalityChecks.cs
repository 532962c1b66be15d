using System.Globalization;
using Codec.Formats.Synthesis.Info;
using Codec.Runtime.Binary.Image;
using Codec.Runtime.Findings;

namespace Codec.Formats.Validation.Folders;

/// <summary>
/// The checks of a render's image modalities, each decoded once: every image is the render's size (from the
/// info.json's intrinsics); the RGB image is not blank; depth is finite and, where there is surface, within the
/// info.json's <c>zmin</c>..<c>zmax</c>; normals are of unit length where there is surface; and the alpha agrees with
/// the segmentation mask about what is background. "Surface" is where the alpha is fully opaque, or, without an alpha,
/// where the mask has a class.
/// </summary>
internal sealed class ModalityChecks(FolderCheckOptions options, IInfoDocument? info, string infoName, PngImage? segments)
{
    // Per pixel, whether it is surface for certain, worked out once per render (null: unknown, nothing to tell by).
    private bool[]? _surface;
    private bool _surfaceKnown;

    // The alpha's samples as floats, converted once for the surface and for the comparison with the mask.
    private (ImagePixels Image, float[] Values)? _alpha;

    private float[] AlphaValues(ImagePixels alpha)
    {
        if (_alpha is { } cached && ReferenceEquals(cached.Image, alpha)) return cached.Values;
        var values = alpha.ToSingles();
        _alpha = (alpha, values);
        return values;
    }

    /// <summary>
    /// Where the info.json gives no <c>zmin</c>/<c>zmax</c>, the depth range to check against instead (an EXR's header)
    /// and what to call it; null: no range.
    /// </summary>
    public (double Low, double High, string Source)? FallbackDepthRange { get; init; }

    // Findings list the first offending pixel; more would only repeat.
    public void Check(string modality, ImagePixels image, FindingSink sink, IReadOnlyDictionary<string, (string Path, ImagePixels Pixels)> all)
    {
        if (CheckSize(image.Width, image.Height, sink)) CheckContent(modality, image, sink, all);
    }

    /// <summary>
    /// The checks of one modality's pixels, of the render's size: rgb, depth, normals, alpha, or foreground (a mask
    /// of the character, like the alpha).
    /// </summary>
    public void CheckContent(string modality, ImagePixels image, FindingSink sink, IReadOnlyDictionary<string, (string Path, ImagePixels Pixels)> all)
    {
        var alpha = all.TryGetValue("alpha", out var a) && a.Pixels.Width == image.Width && a.Pixels.Height == image.Height ? a.Pixels : null;
        if (!_surfaceKnown)
        {
            _surface = SurfaceOf(alpha, image.Width, image.Height);
            _surfaceKnown = true;
        }

        switch (modality)
        {
            case "rgb":
                if (image.IsBlank) sink.Add(new Finding(FindingCodes.BlankImage, Severity.Error, "", $"every pixel is ({string.Join(", ", Enumerable.Range(0, image.Channels).Select(c => N(image.At(0, 0, c))))})"));
                break;
            case "depth":
                CheckDepth(image, sink);
                break;
            case "normals":
                CheckNormals(image, sink);
                break;
            case "alpha":
                CheckAgainstMask(image, AlphaValues(image), "transparent", "opaque", sink);
                break;
            case "foreground":
                CheckAgainstMask(image, image.ToSingles(), "outside the foreground", "inside it", sink);
                break;
        }
    }

    /// <summary>Whether an image of <paramref name="width"/> × <paramref name="height"/> is the size the info.json's intrinsics imply; if not, says so.</summary>
    public bool CheckSize(long width, long height, FindingSink sink)
    {
        if (info?.Camera is not { HasIntrinsics: true } camera) return true;
        if (PrincipalPoint.Centres(camera.Intrinsics, width, height, options.PrincipalPointTolerancePx)) return true;
        double cx = camera.Intrinsics[0, 2], cy = camera.Intrinsics[1, 2];
        sink.Add(new Finding(FindingCodes.ImageSizeMismatch, Severity.Error, "", string.Create(CultureInfo.InvariantCulture,
            $"{width} x {height} pixels; {infoName}'s principal point ({cx}, {cy}) makes the render {2 * cx} x {2 * cy}")));
        return false;
    }

    // Where there is surface for certain: the alpha's fully opaque pixels (an antialiased edge blends its depth and
    // normal with the background's), else the mask's classes; null when neither is there, or of another size.
    private bool[]? SurfaceOf(ImagePixels? alpha, int width, int height)
    {
        if (alpha is not null)
        {
            var values = AlphaValues(alpha);
            double opaque = Opaque(alpha.Kind);
            var surface = new bool[alpha.PixelCount];
            for (int i = 0; i < surface.Length; i++) surface[i] = values[i * alpha.Channels] >= opaque;
            return surface;
        }

        if (segments is null || segments.Width != width || segments.Height != height) return null;
        return segments.Labels.Select(label => label != 0).ToArray();
    }

    private static double Opaque(SampleKind kind) => kind switch
    {
        SampleKind.UInt8 => byte.MaxValue,
        SampleKind.UInt16 => ushort.MaxValue,
        SampleKind.UInt32 => uint.MaxValue,
        _ => 1.0,
    };

    private void CheckDepth(ImagePixels depth, FindingSink sink)
    {
        var (low, high, source) = info is { HasZMin: true, HasZMax: true }
            ? (info.ZMin, info.ZMax, $"{infoName}'s")
            : FallbackDepthRange ?? (double.NegativeInfinity, double.PositiveInfinity, "");
        var values = depth.ToSingles();
        var surface = _surface is { } known && known.Length == depth.PixelCount ? known : null;
        long nonFinite = 0, outside = 0, inside = 0;
        int firstBad = -1, firstOut = -1;
        for (int i = 0; i < depth.PixelCount; i++)
        {
            float v = values[i * depth.Channels];
            if (!float.IsFinite(v))
            {
                nonFinite++;
                if (firstBad < 0) firstBad = i;
                continue;
            }

            if (surface is null || !surface[i]) continue;
            inside++;
            if (v < low || v > high)
            {
                outside++;
                if (firstOut < 0) firstOut = i;
            }
        }

        if (nonFinite > 0)
            sink.Add(new Finding(FindingCodes.DepthOutOfRange, Severity.Error, "", $"{nonFinite:N0} pixels are not finite (first at {At(depth, firstBad)}: {N(values[firstBad * depth.Channels])})"));
        if (outside > 0)
            sink.Add(new Finding(FindingCodes.DepthOutOfRange, Severity.Error, "", $"{outside:N0} of {inside:N0} surface pixels lie outside {source} [{N(low)}, {N(high)}] (first at {At(depth, firstOut)}: {N(values[firstOut * depth.Channels])})"));
    }

    private void CheckNormals(ImagePixels normals, FindingSink sink)
    {
        if (normals.Channels < 3)
        {
            sink.Add(new Finding(FindingCodes.NormalsNotUnit, Severity.Error, "", $"{normals.Channels} channel(s); normals have three (x, y, z)"));
            return;
        }

        if (normals.Kind is not (SampleKind.Float16 or SampleKind.Float32)) return; // colour-coded normals have no length to check
        if (_surface is not { } surface || surface.Length != normals.PixelCount) return;
        var values = normals.ToSingles();
        long off = 0, inside = 0;
        int first = -1;
        double firstLength = 0;
        for (int i = 0; i < surface.Length; i++)
        {
            if (!surface[i]) continue;
            inside++;
            int at = i * normals.Channels;
            double length = Math.Sqrt((values[at] * values[at]) + (values[at + 1] * values[at + 1]) + (values[at + 2] * values[at + 2]));
            if (!(Math.Abs(length - 1) <= options.NormalLengthTolerance))
            {
                off++;
                if (first < 0) (first, firstLength) = (i, length);
            }
        }

        if (off > options.NormalOffShare * inside)
        {
            sink.Add(new Finding(FindingCodes.NormalsNotUnit, Severity.Error, "", string.Create(CultureInfo.InvariantCulture,
                $"{off:N0} of {inside:N0} surface pixels ({(double)off / inside:P0}; at most {options.NormalOffShare:P0} blend surfaces) have |n| off 1 by more than {N(options.NormalLengthTolerance)} (first at {At(normals, first)}: {N(firstLength)})")));
        }
    }

    private static string At(ImagePixels image, int pixel) => $"({pixel % image.Width}, {pixel / image.Width})";

    // The alpha (or the foreground mask) and the segmentation mask agree on what is background, but for the edge.
    private void CheckAgainstMask(ImagePixels image, float[] values, string outside, string inside, FindingSink sink)
    {
        if (!SameSize(image)) return;
        long disagree = Disagreements(image, values, 0, null);
        double share = (double)disagree / image.PixelCount;
        if (share > options.AlphaMaskTolerance)
        {
            sink.Add(new Finding(FindingCodes.AlphaMaskMismatch, Severity.Error, "", string.Create(CultureInfo.InvariantCulture,
                $"{disagree:N0} pixels ({share:P1}) are {outside} where the segmentation mask has a class, or {inside} where it has background (at most {options.AlphaMaskTolerance:P0} are edge pixels)")));
        }
    }

    /// <summary>
    /// An EXR's mask of one class (<c>segmentation.hair</c>) against the segmentation mask's pixels of that class
    /// (<paramref name="value"/> in the mapping): they may disagree only on edge pixels.
    /// </summary>
    public void CheckClassMask(ImagePixels mask, string className, long value, FindingSink sink)
    {
        if (!SameSize(mask)) return;
        long disagree = Disagreements(mask, mask.ToSingles(), 0.5f, value);
        double share = (double)disagree / mask.PixelCount;
        if (share > options.AlphaMaskTolerance)
        {
            sink.Add(new Finding(FindingCodes.ClassMaskMismatch, Severity.Error, "", string.Create(CultureInfo.InvariantCulture,
                $"{disagree:N0} pixels ({share:P1}) are outside the pass where the segmentation mask has {className}, or inside it where it has another class (at most {options.AlphaMaskTolerance:P0} are edge pixels)")));
        }
    }

    // The pixels inside the image's mask (a value above `above`) but not the segmentation mask's (any class, or the
    // class `value`), or the other way round.
    private long Disagreements(ImagePixels image, float[] values, float above, long? value)
    {
        var labels = segments!.Labels;
        long disagree = 0;
        for (int i = 0; i < image.PixelCount; i++)
        {
            bool inMask = value is { } v ? labels[i] == v : labels[i] != 0;
            if ((values[i * image.Channels] > above) != inMask) disagree++;
        }

        return disagree;
    }

    private bool SameSize(ImagePixels image) => segments is not null && segments.Width == image.Width && segments.Height == image.Height;

    private static string N(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
