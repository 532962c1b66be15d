using Codec.Formats.Findings;
using Codec.Runtime.Binary.Image;
using Codec.Runtime.Findings;

namespace Codec.Formats.Segmentation;

/// <summary>One class of a remapped mask: its value in the file, its id in the target, and how many pixels it has.</summary>
/// <param name="FellToDefault">True when the target table lacks the class, so its pixels became the default id 0.</param>
public sealed record RemappedClass(string Name, int FileValue, int TargetId, long Pixels, bool FellToDefault);

/// <summary>A mask in a target table's ids, and what happened to each class.</summary>
public sealed record RemapResult(ushort[] Labels, int Width, int Height, SegmentationTarget Target, IReadOnlyList<RemappedClass> Classes);

/// <summary>
/// Rewrites a render's mask from its own per-render numbering (dense, alphabetical, different in every file) into a
/// stable target table, by class name. A pixel value the render's mapping does not list makes the mask unusable
/// (an error, nothing is remapped); a class the target lacks becomes 0 and is reported as a warning with its pixels.
/// </summary>
public static class MaskRemapper
{
    public static RemapResult? Remap(PngImage mask, SegmentMapping mapping, SegmentationTarget target, FindingSink sink, string maskPath = "")
    {
        var lookup = new int[65536];
        Array.Fill(lookup, -1);
        var nameOf = new Dictionary<int, string>();
        foreach (var (name, value) in mapping.Entries)
        {
            if (!nameOf.TryAdd(value, name))
            {
                sink.Add(new Finding(FindingCodes.DuplicateKey, Severity.Error, $"/{mapping.Member}/{name}",
                    $"value {value} is used by both \"{nameOf[value]}\" and \"{name}\": the mask cannot say which"));
                continue;
            }

            int id = target.IdOf(name);
            lookup[value] = id < 0 ? 0 : id;
        }

        if (sink.HasErrors) return null;

        var histogram = mask.Histogram();
        foreach (var (label, pixels) in histogram)
        {
            if (lookup[label] < 0)
            {
                sink.Add(new Finding(FolderFindingCodes.MaskLabelNotMapped, Severity.Error, maskPath,
                    $"{pixels} pixels have value {label}, which {mapping.Member} does not list: the mask cannot be remapped"));
            }
        }

        if (sink.HasErrors) return null;

        var classes = new List<RemappedClass>();
        foreach (var (label, pixels) in histogram)
        {
            string name = nameOf[label];
            bool fell = target.IdOf(name) < 0;
            classes.Add(new RemappedClass(name, label, lookup[label], pixels, fell));
            if (fell && pixels > 0)
            {
                sink.Add(new Finding(FolderFindingCodes.ClassNotInTarget, Severity.Warning, maskPath,
                    $"class \"{name}\" ({pixels} pixels) is not in {target.TableId}: its pixels become 0, as the loader does"));
            }
        }

        var source = mask.Labels;
        var labels = new ushort[source.Length];
        for (int i = 0; i < source.Length; i++) labels[i] = (ushort)lookup[source[i]];
        return new RemapResult(labels, mask.Width, mask.Height, target, classes);
    }
}
