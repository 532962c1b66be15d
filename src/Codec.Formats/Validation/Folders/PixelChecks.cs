using System.Globalization;
using Codec.Formats.Findings;
using Codec.Formats.Synthesis.Info;
using Codec.Runtime.Binary.Image;
using Codec.Runtime.Findings;
using Codec.Runtime.Semantics;

namespace Codec.Formats.Validation.Folders;

/// <summary>
/// The pixel checks of a render's images, each image decoded once, within one scope: the render's image files, or
/// the passes of its EXR (<see cref="FallbackDepthRange"/> then the header's). The render rules call them: an image is
/// the render's size (from the info.json's intrinsics); the beauty is not blank; depth is finite and, where there is
/// surface, within <c>zmin</c>..<c>zmax</c>; normals are of unit length where there is surface; an alpha or a
/// foreground mask agrees with the segmentation mask about what is background. "Surface" is where an alpha is fully
/// opaque, or, without one, where the mask has a class; it is worked out once per scope.
/// </summary>
internal sealed class PixelChecks(IInfoDocument? info, string infoName)
{
    // Per pixel, whether it is surface for certain (null: unknown, nothing to tell by), worked out once.
    private bool[]? _surface;
    private bool _surfaceKnown;

    // The last image's samples as floats: an alpha is converted once for the surface and for the mask comparison.
    private (ImagePixels Image, float[] Values)? _singles;

    /// <summary>The scope's images by the contract's file name (the first file of each name).</summary>
    public Dictionary<string, ImagePixels> Images { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Where the info.json gives no <c>zmin</c>/<c>zmax</c>, the depth range to check against instead (an EXR's header)
    /// and what to call it; null: no range.
    /// </summary>
    public (double Low, double High, string Source)? FallbackDepthRange { get; init; }

    public float[] Singles(ImagePixels image)
    {
        if (_singles is { } cached && ReferenceEquals(cached.Image, image)) return cached.Values;
        var values = image.ToSingles();
        _singles = (image, values);
        return values;
    }

    /// <summary>Whether an image of <paramref name="width"/> × <paramref name="height"/> is the size the info.json's intrinsics imply; if not, says so.</summary>
    public bool CheckSize(long width, long height, double tolerancePx, FindingSink sink)
    {
        if (info?.Camera is not { HasIntrinsics: true } camera) return true;
        if (RenderSize.Centres(camera.Intrinsics, width, height, tolerancePx)) return true;
        sink.Add(new Finding(FolderFindingCodes.ImageSizeMismatch, Severity.Error, "", string.Create(CultureInfo.InvariantCulture,
            $"{width} x {height} pixels; {infoName}'s principal point {RenderSize.Describe(camera.Intrinsics, " x ")}")));
        return false;
    }

    /// <summary>
    /// Where there is surface for certain: the fully opaque pixels of the image named <paramref name="surface"/> (an
    /// antialiased edge blends its depth and normal with the background's), else the classes of <paramref name="mask"/>;
    /// null when neither is there or of <paramref name="image"/>'s size.
    /// </summary>
    public bool[]? Surface(ImagePixels image, string surface, PngImage? mask)
    {
        if (_surfaceKnown) return _surface;
        _surfaceKnown = true;
        if (Images.TryGetValue(surface, out var alpha) && alpha.Width == image.Width && alpha.Height == image.Height)
        {
            var values = Singles(alpha);
            double opaque = Opaque(alpha.Kind);
            var opaquePixels = ImageArrays.Uninitialized<bool>(checked((int)alpha.PixelCount));
            if (alpha.Channels == 1) PixelCounting.AtLeast(values, PixelCounting.LowBound(opaque), opaquePixels);
            else for (int i = 0; i < opaquePixels.Length; i++) opaquePixels[i] = values[i * alpha.Channels] >= opaque;
            return _surface = opaquePixels;
        }

        if (mask is null || mask.Width != image.Width || mask.Height != image.Height) return _surface = null;
        var labels = mask.Labels;
        var classed = ImageArrays.Uninitialized<bool>(labels.Length);
        for (int i = 0; i < classed.Length; i++) classed[i] = labels[i] != 0;
        return _surface = classed;
    }

    private static double Opaque(SampleKind kind) => kind switch
    {
        SampleKind.UInt8 => byte.MaxValue,
        SampleKind.UInt16 => ushort.MaxValue,
        SampleKind.UInt32 => uint.MaxValue,
        _ => 1.0,
    };

    public static void CheckBlank(ImagePixels image, FindingSink sink)
    {
        if (image.IsBlank) sink.Add(new Finding(FolderFindingCodes.BlankImage, Severity.Error, "", $"every pixel is ({string.Join(", ", Enumerable.Range(0, image.Channels).Select(c => N(image.At(0, 0, c))))})"));
    }

    public void CheckDepth(ImagePixels depth, bool[]? surface, FindingSink sink)
    {
        var (low, high, source) = info is { HasZMin: true, HasZMax: true }
            ? (info.ZMin, info.ZMax, $"{infoName}'s")
            : FallbackDepthRange ?? (double.NegativeInfinity, double.PositiveInfinity, "");
        var values = depth.ToSingles();
        if (surface is not null && surface.Length != depth.PixelCount) surface = null;
        long nonFinite = 0, outside = 0, inside = 0;
        int firstBad = -1, firstOut = -1;
        if (depth.Channels == 1)
        {
            // Counted several pixels at a time; the first offending pixel is looked for only when there is one.
            nonFinite = PixelCounting.NonFinite(values);
            if (surface is not null) (inside, outside) = PixelCounting.OnSurface(values, surface, PixelCounting.LowBound(low), PixelCounting.HighBound(high));
            if (nonFinite > 0) firstBad = Array.FindIndex(values, v => !float.IsFinite(v));
            for (int i = 0; outside > 0 && firstOut < 0; i++)
            {
                if (surface![i] && float.IsFinite(values[i]) && (values[i] < low || values[i] > high)) firstOut = i;
            }
        }
        else
        {
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
        }

        if (nonFinite > 0)
            sink.Add(new Finding(FolderFindingCodes.DepthOutOfRange, Severity.Error, "", $"{nonFinite:N0} pixels are not finite (first at {At(depth, firstBad)}: {N(values[firstBad * depth.Channels])})"));
        if (outside > 0)
            sink.Add(new Finding(FolderFindingCodes.DepthOutOfRange, Severity.Error, "", $"{outside:N0} of {inside:N0} surface pixels lie outside {source} [{N(low)}, {N(high)}] (first at {At(depth, firstOut)}: {N(values[firstOut * depth.Channels])})"));
    }

    // Pixels of normals converted to floats at a time: 12 KB of floats for three channels, in the core's L1 cache.
    private const int NormalsBlock = 1024;

    public static void CheckNormals(ImagePixels normals, bool[]? surface, double lengthTolerance, double offShare, FindingSink sink)
    {
        if (normals.Channels < 3)
        {
            sink.Add(new Finding(FolderFindingCodes.NormalsNotUnit, Severity.Error, "", $"{normals.Channels} channel(s); normals have three (x, y, z)"));
            return;
        }

        if (normals.Kind is not (SampleKind.Float16 or SampleKind.Float32)) return; // colour-coded normals have no length to check
        if (surface is null || surface.Length != normals.PixelCount) return;
        // Converted a block of pixels at a time into a buffer that stays in the cache, and only blocks with surface.
        int channels = normals.Channels;
        var (low, high) = PixelCounting.UnitLengthSquares(lengthTolerance);
        Span<float> block = stackalloc float[NormalsBlock * 4];
        long off = 0, inside = 0;
        int first = -1;
        double firstLength = 0;
        for (int start = 0; start < surface.Length; start += NormalsBlock)
        {
            int count = Math.Min(NormalsBlock, surface.Length - start);
            var held = surface.AsSpan(start, count);
            if (!held.Contains(true)) continue;
            var values = block[..(count * channels)];
            normals.CopySingles(start * channels, values);
            // Squared lengths into the block's own start (each pixel's is written after its values are read), then
            // counted several at a time; the first pixel off is looked for only in a block that has one.
            var squared = block[..count];
            PixelCounting.SquaredLengths(values, channels, squared);
            inside += held.Count(true);
            long offHere = PixelCounting.OutsideOnSurface(squared, held, low, high);
            off += offHere;
            if (offHere > 0 && first < 0)
            {
                int i = 0;
                while (!held[i] || (squared[i] >= low && squared[i] <= high)) i++;
                (first, firstLength) = (start + i, Math.Sqrt(squared[i]));
            }
        }

        if (off > offShare * inside)
        {
            sink.Add(new Finding(FolderFindingCodes.NormalsNotUnit, Severity.Error, "", string.Create(CultureInfo.InvariantCulture,
                $"{off:N0} of {inside:N0} surface pixels ({(double)off / inside:P0}; at most {offShare:P0} blend surfaces) have |n| off 1 by more than {N(lengthTolerance)} (first at {At(normals, first)}: {N(firstLength)})")));
        }
    }

    private static string At(ImagePixels image, int pixel) => $"({pixel % image.Width}, {pixel / image.Width})";

    /// <summary>An alpha (or a foreground mask) and the segmentation mask agree on what is background, but for the edge.</summary>
    public void CheckAgainstMask(ImagePixels image, PngImage? mask, double share, string clear, string covered, FindingSink sink)
    {
        if (!SameSize(image, mask)) return;
        long disagree = Disagreements(image, Singles(image), mask!, 0, null);
        double part = (double)disagree / image.PixelCount;
        if (part > share)
        {
            sink.Add(new Finding(FolderFindingCodes.AlphaMaskMismatch, Severity.Error, "", string.Create(CultureInfo.InvariantCulture,
                $"{disagree:N0} pixels ({part:P1}) are {clear} where the segmentation mask has a class, or {covered} where it has background (at most {share:P0} are edge pixels)")));
        }
    }

    /// <summary>
    /// An EXR's mask of one class (<c>segmentation.hair</c>) against the segmentation mask's pixels of that class
    /// (<paramref name="value"/> in the mapping): they may disagree only on edge pixels.
    /// </summary>
    public static void CheckClassMask(ImagePixels classMask, PngImage? mask, string className, long value, double share, FindingSink sink)
    {
        if (!SameSize(classMask, mask)) return;
        long disagree = Disagreements(classMask, classMask.ToSingles(), mask!, 0.5f, value);
        double part = (double)disagree / classMask.PixelCount;
        if (part > share)
        {
            sink.Add(new Finding(FolderFindingCodes.ClassMaskMismatch, Severity.Error, "", string.Create(CultureInfo.InvariantCulture,
                $"{disagree:N0} pixels ({part:P1}) are outside the pass where the segmentation mask has {className}, or inside it where it has another class (at most {share:P0} are edge pixels)")));
        }
    }

    // The pixels inside the image's mask (a value above `above`) but not the segmentation mask's (any class, or the
    // class `value`), or the other way round.
    private static long Disagreements(ImagePixels image, float[] values, PngImage mask, float above, long? value)
    {
        var labels = mask.Labels;
        if (image.Channels == 1 && value is null or (>= 0 and <= ushort.MaxValue))
        {
            return PixelCounting.Disagreements(values.AsSpan(0, labels.Length), above, labels, value is { } one ? (ushort)one : null);
        }

        long disagree = 0;
        for (int i = 0; i < image.PixelCount; i++)
        {
            bool inMask = value is { } v ? labels[i] == v : labels[i] != 0;
            if ((values[i * image.Channels] > above) != inMask) disagree++;
        }

        return disagree;
    }

    private static bool SameSize(ImagePixels image, PngImage? mask) => mask is not null && mask.Width == image.Width && mask.Height == image.Height;

    private static string N(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
