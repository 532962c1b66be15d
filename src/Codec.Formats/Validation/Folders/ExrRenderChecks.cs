using System.Globalization;
using Codec.Formats.Synthesis.Info;
using Codec.Runtime.Binary.Exr;
using Codec.Runtime.Binary.Image;
using Codec.Runtime.Findings;

namespace Codec.Formats.Validation.Folders;

/// <summary>
/// The checks of a render's multi-channel EXR (<c>N.exr</c>), the file its other images are extracted from: the header
/// as <see cref="ExrFile"/> reads it (truncation included); the channels Synthesis AI's documentation lists (R, G, B,
/// A, Z); the header's <c>zmin</c>/<c>zmax</c> against the info.json's; the image's size against the intrinsics.
/// Where codec decodes the part's compression, its passes get the checks of the images extracted from them
/// (<see cref="ModalityChecks"/>): the beauty not blank, Z finite and within range where the alpha is opaque, the
/// camera-space and world normals of unit length, the alpha and <c>binary_segmentation.foreground</c> agreeing with
/// the segmentation mask, each <c>segmentation.&lt;class&gt;</c> pass agreeing with the mask's pixels of that class;
/// and every Cryptomatte id of a covered pixel is named by its layer's manifest.
/// </summary>
public static class ExrRenderChecks
{
    private static readonly string[] Documented = ["R", "G", "B", "A", "Z"];

    // The passes checked as an extracted image would be: the modality, and the channels that make it up.
    private static readonly (string Modality, string[] Channels)[] Passes =
    [
        ("rgb", ["R", "G", "B"]),
        ("alpha", ["A"]),
        ("depth", ["Z"]),
        ("normals", ["CameraNormals.R", "CameraNormals.G", "CameraNormals.B"]),
        ("normals", ["normals.X", "normals.Y", "normals.Z"]),
        ("normals", ["worldNormals.X", "worldNormals.Y", "worldNormals.Z"]),
        ("foreground", ["binary_segmentation.foreground"]),
        ("foreground", ["binary_segmentation.foreground.R"]),
    ];

    /// <summary>Checks one EXR held in memory; its findings go to <paramref name="sink"/>.</summary>
    /// <param name="segments">The render's segmentation mask, to compare the alpha and the foreground pass with.</param>
    public static void Check(ReadOnlySpan<byte> file, IInfoDocument? info, string infoName, FindingSink sink, string path = "", FolderCheckOptions? options = null, PngImage? segments = null)
    {
        if (ExrFile.Decode(file, sink, path) is not { } exr || exr.Parts.Count == 0) return;
        var part = exr.Parts[0];
        var missing = Documented.Where(d => part.Channels.All(c => c.Name != d)).ToList();
        if (missing.Count > 0)
        {
            sink.Add(new Finding(FindingCodes.ExrLayout, Severity.Error, "",
                $"the EXR has no {string.Join(", ", missing)} channel{(missing.Count == 1 ? "" : "s")} (Synthesis AI's documentation lists R, G, B, A and Z)"));
        }

        double? low = Float(part, "zmin"), high = Float(part, "zmax");
        if (info is { HasZMin: true, HasZMax: true } && low is { } zmin && high is { } zmax && (!Close(zmin, info.ZMin) || !Close(zmax, info.ZMax)))
        {
            sink.Add(new Finding(FindingCodes.ExrLayout, Severity.Error, "", string.Create(CultureInfo.InvariantCulture,
                $"the header's zmin/zmax are {zmin}/{zmax}; {infoName} says {info.ZMin}/{info.ZMax}")));
        }

        var checks = new ModalityChecks(options ?? FolderCheckOptions.Default, info, infoName, segments)
        {
            FallbackDepthRange = (low ?? double.NegativeInfinity, high ?? double.PositiveInfinity, "the header's"),
        };

        // The display window is the image the other files are extracted as; the data window may crop it.
        if ((part.DisplayWindow ?? part.DataWindow) is { } image && !checks.CheckSize(image.Width, image.Height, sink)) return;

        // Pixels only where codec decodes them; the header checks above stand either way.
        var quiet = new FindingSink();
        if (ExrPixels.Decode(file, exr, 0, quiet, path) is not { } channels)
        {
            if (quiet.Findings.Any(f => f.Code != FindingCodes.UnsupportedEntry && f.Code != FindingCodes.UnsupportedElementType)) foreach (var f in quiet.Findings) sink.Add(f);
            return;
        }

        var alpha = new Dictionary<string, (string Path, ImagePixels Pixels)>(StringComparer.Ordinal);
        if (channels.TryGetValue("A", out var a)) alpha["alpha"] = (path, a);
        foreach (var (modality, names) in Passes)
        {
            if (!names.All(channels.ContainsKey)) continue;
            var pass = names.Length == 1 ? channels[names[0]] : ImagePixels.Interleave(names.Select(n => channels[n]).ToList());
            var found = new FindingSink();
            checks.CheckContent(modality, pass, found, alpha);
            foreach (var f in found.Findings) sink.Add(f with { Message = $"{string.Join(", ", names)}: {f.Message}" });
        }

        // segmentation.<class>: one class of the segmentation mask, named as the mapping names it.
        if (segments is not null && info?.SegmentsMapping is { } mapping)
        {
            foreach (var (name, mask) in channels.Where(c => c.Key.StartsWith(ClassPassPrefix, StringComparison.Ordinal)).OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                string className = name[ClassPassPrefix.Length..];
                if (!mapping.TryGetValue(System.Text.Encoding.UTF8.GetBytes(className), out long value)) continue;
                var found = new FindingSink();
                checks.CheckClassMask(mask, className, value, found);
                foreach (var f in found.Findings) sink.Add(f with { Message = $"{name}: {f.Message}" });
            }
        }

        foreach (var layer in exr.Cryptomattes.Where(l => l.Name is not null && l.Manifest.Count > 0)) CheckCryptomatte(layer, channels, sink);
    }

    private const string ClassPassPrefix = "segmentation.";

    // A Cryptomatte layer stores ranks in channels <name>00, <name>01, ...: R and B hold ids (a float's bits), G and A
    // the coverage of the id before them. Every id that covers a pixel must be in the manifest.
    private static void CheckCryptomatte(ExrCryptomatte layer, IReadOnlyDictionary<string, ImagePixels> channels, FindingSink sink)
    {
        var known = new HashSet<uint>();
        foreach (var (_, hash) in layer.Manifest)
        {
            if (uint.TryParse(hash, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out uint id)) known.Add(id);
        }

        long unknown = 0;
        (uint Id, int Pixel, int Width)? first = null;
        for (int rank = 0; channels.TryGetValue($"{layer.Name}{rank:00}.R", out var r); rank++)
        {
            foreach (var (idChannel, coverageChannel) in new[] { (".R", ".G"), (".B", ".A") })
            {
                if (!channels.TryGetValue($"{layer.Name}{rank:00}{idChannel}", out var ids) || !channels.TryGetValue($"{layer.Name}{rank:00}{coverageChannel}", out var coverage)) continue;
                if (ids.Kind != SampleKind.Float32) continue; // ids are float32 bit patterns by definition
                var idBits = ids.Samples<uint>();
                var weights = coverage.ToSingles();
                for (int i = 0; i < idBits.Length; i++)
                {
                    if (!(weights[i] > 0) || known.Contains(idBits[i])) continue;
                    unknown++;
                    first ??= (idBits[i], i, ids.Width);
                }
            }
        }

        if (unknown > 0)
        {
            var (id, pixel, width) = first!.Value;
            sink.Add(new Finding(FindingCodes.CryptomatteIdUnknown, Severity.Error, "",
                $"{unknown:N0} covered samples of {layer.Name} hold ids its manifest does not name (first {id:x8} at ({pixel % width}, {pixel / width}))"));
        }
    }

    private static double? Float(ExrPart part, string name) => part.Get(name)?.Value switch
    {
        float f => f,
        double d => d,
        _ => null,
    };

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-6 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));
}
