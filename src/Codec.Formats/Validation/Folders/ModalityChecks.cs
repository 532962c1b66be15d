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
    // Findings list the first offending pixel; more would only repeat.
    public void Check(string modality, ImagePixels image, FindingSink sink, IReadOnlyDictionary<string, (string Path, ImagePixels Pixels)> all)
    {
        if (!SizeMatches(image, sink)) return;
        var alpha = all.TryGetValue("alpha", out var a) && a.Pixels.Width == image.Width && a.Pixels.Height == image.Height ? a.Pixels : null;
        switch (modality)
        {
            case "rgb":
                if (image.IsBlank) sink.Add(new Finding(FindingCodes.BlankImage, Severity.Error, "", $"every pixel is ({string.Join(", ", Enumerable.Range(0, image.Channels).Select(c => N(image.At(0, 0, c))))})"));
                break;
            case "depth":
                CheckDepth(image, alpha, sink);
                break;
            case "normals":
                CheckNormals(image, alpha, sink);
                break;
            case "alpha":
                CheckAlpha(image, sink);
                break;
        }
    }

    private bool SizeMatches(ImagePixels image, FindingSink sink)
    {
        if (info?.Camera is not { HasIntrinsics: true } camera) return true;
        double cx = camera.Intrinsics[0, 2], cy = camera.Intrinsics[1, 2];
        if (Math.Abs(image.Width - (2 * cx)) <= 1 && Math.Abs(image.Height - (2 * cy)) <= 1) return true;
        sink.Add(new Finding(FindingCodes.ImageSizeMismatch, Severity.Error, "", string.Create(CultureInfo.InvariantCulture,
            $"{image.Width} x {image.Height} pixels; {infoName}'s principal point ({cx}, {cy}) makes the render {2 * cx} x {2 * cy}")));
        return false;
    }

    // Where there is surface for certain: the alpha's fully opaque pixels (an antialiased edge blends its depth and
    // normal with the background's), else the mask's classes.
    private static bool Surface(ImagePixels? alpha, PngImage? mask, int x, int y) =>
        alpha is not null ? alpha.At(x, y, 0) >= Opaque(alpha.Kind)
        : mask is null || mask.Labels[(y * mask.Width) + x] != 0;

    private static double Opaque(SampleKind kind) => kind switch
    {
        SampleKind.UInt8 => byte.MaxValue,
        SampleKind.UInt16 => ushort.MaxValue,
        SampleKind.UInt32 => uint.MaxValue,
        _ => 1.0,
    };

    private void CheckDepth(ImagePixels depth, ImagePixels? alpha, FindingSink sink)
    {
        bool ranged = info is { HasZMin: true, HasZMax: true };
        double low = ranged ? info!.ZMin : double.NegativeInfinity, high = ranged ? info!.ZMax : double.PositiveInfinity;
        bool known = alpha is not null || SameSize(depth);
        long nonFinite = 0, outside = 0, surface = 0;
        (int X, int Y, double V)? firstBad = null, firstOut = null;
        for (int y = 0; y < depth.Height; y++)
        {
            for (int x = 0; x < depth.Width; x++)
            {
                double v = depth.At(x, y, 0);
                if (!double.IsFinite(v))
                {
                    nonFinite++;
                    firstBad ??= (x, y, v);
                    continue;
                }

                if (!known || !Surface(alpha, segments, x, y)) continue;
                surface++;
                if (v < low || v > high)
                {
                    outside++;
                    firstOut ??= (x, y, v);
                }
            }
        }

        if (nonFinite > 0)
            sink.Add(new Finding(FindingCodes.DepthOutOfRange, Severity.Error, "", $"{nonFinite:N0} pixels are not finite (first at ({firstBad!.Value.X}, {firstBad.Value.Y}): {N(firstBad.Value.V)})"));
        if (outside > 0)
            sink.Add(new Finding(FindingCodes.DepthOutOfRange, Severity.Error, "", $"{outside:N0} of {surface:N0} surface pixels lie outside {infoName}'s [{N(low)}, {N(high)}] (first at ({firstOut!.Value.X}, {firstOut.Value.Y}): {N(firstOut.Value.V)})"));
    }

    private void CheckNormals(ImagePixels normals, ImagePixels? alpha, FindingSink sink)
    {
        if (normals.Channels < 3)
        {
            sink.Add(new Finding(FindingCodes.NormalsNotUnit, Severity.Error, "", $"{normals.Channels} channel(s); normals have three (x, y, z)"));
            return;
        }

        if (normals.Kind is not (SampleKind.Float16 or SampleKind.Float32)) return; // colour-coded normals have no length to check
        bool known = alpha is not null || SameSize(normals);
        long off = 0, surface = 0;
        (int X, int Y, double Length)? first = null;
        for (int y = 0; y < normals.Height; y++)
        {
            for (int x = 0; x < normals.Width; x++)
            {
                if (!known || !Surface(alpha, segments, x, y)) continue;
                surface++;
                double nx = normals.At(x, y, 0), ny = normals.At(x, y, 1), nz = normals.At(x, y, 2);
                double length = Math.Sqrt((nx * nx) + (ny * ny) + (nz * nz));
                if (!(Math.Abs(length - 1) <= options.NormalLengthTolerance))
                {
                    off++;
                    first ??= (x, y, length);
                }
            }
        }

        if (off > options.NormalOffShare * surface)
        {
            sink.Add(new Finding(FindingCodes.NormalsNotUnit, Severity.Error, "", string.Create(CultureInfo.InvariantCulture,
                $"{off:N0} of {surface:N0} surface pixels ({(double)off / surface:P0}; at most {options.NormalOffShare:P0} blend surfaces) have |n| off 1 by more than {N(options.NormalLengthTolerance)} (first at ({first!.Value.X}, {first.Value.Y}): {N(first.Value.Length)})")));
        }
    }

    private void CheckAlpha(ImagePixels alpha, FindingSink sink)
    {
        if (!SameSize(alpha)) return;
        long disagree = 0;
        for (int y = 0; y < alpha.Height; y++)
        {
            for (int x = 0; x < alpha.Width; x++)
            {
                bool opaque = alpha.At(x, y, 0) > 0, classified = segments!.Labels[(y * segments.Width) + x] != 0;
                if (opaque != classified) disagree++;
            }
        }

        double share = (double)disagree / alpha.PixelCount;
        if (share > options.AlphaMaskTolerance)
        {
            sink.Add(new Finding(FindingCodes.AlphaMaskMismatch, Severity.Error, "", string.Create(CultureInfo.InvariantCulture,
                $"{disagree:N0} pixels ({share:P1}) are transparent where the segmentation mask has a class, or opaque where it has background (at most {options.AlphaMaskTolerance:P0} are edge pixels)")));
        }
    }

    private bool SameSize(ImagePixels image) => segments is not null && segments.Width == image.Width && segments.Height == image.Height;

    private static string N(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
