using System.Globalization;
using Codec.Formats.Files;
using Codec.Formats.Findings;
using Codec.Formats.Rendering;
using Codec.Formats.Segmentation;
using Codec.Formats.Validation;
using Codec.Runtime.Binary.Audio;
using Codec.Runtime.Binary.Exr;
using Codec.Runtime.Binary.Image;
using Codec.Runtime.Binary.Maya;
using Codec.Runtime.Binary.Numpy;
using Codec.Runtime.Binary.PointCache;
using Codec.Runtime.Files;
using Codec.Runtime.Findings;
using Codec.Runtime.Geometry;

namespace Codec.Cli.Inspection;

/// <summary>
/// Minimum, maximum and count of non-finite values of a file's numbers. <see cref="Single"/>: they were float32 (or
/// narrower) and print at that precision, as NumPy prints them; float64 values print at theirs.
/// </summary>
public sealed record ValueStats(double Min, double Max, long NonFinite, long Count, bool Single = false)
{
    public static ValueStats Of(ReadOnlySpan<float> values) => Measure(values) with { Single = true };

    /// <summary>The same over float64 values, at their own precision.</summary>
    public static ValueStats Of(ReadOnlySpan<double> values) => Measure(values);

    private static ValueStats Measure<T>(ReadOnlySpan<T> values) where T : System.Numerics.IFloatingPointIeee754<T>
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        long nonFinite = 0;
        foreach (T value in values)
        {
            if (!T.IsFinite(value))
            {
                nonFinite++;
                continue;
            }

            double v = double.CreateTruncating(value);
            if (v < min) min = v;
            if (v > max) max = v;
        }

        return new ValueStats(min, max, nonFinite, values.Length);
    }

    /// <summary>The stats of these values and <paramref name="more"/> together.</summary>
    public ValueStats With(ValueStats more) =>
        new(Math.Min(Min, more.Min), Math.Max(Max, more.Max), NonFinite + more.NonFinite, Count + more.Count, Single && more.Single);

    /// <summary>As the report prints it: the count, the range, and how many are not finite.</summary>
    public override string ToString() => Count == NonFinite
        ? $"{Count} numbers, none finite"
        : string.Create(CultureInfo.InvariantCulture, $"{Count} numbers in [{Number(Min)}, {Number(Max)}], {NonFinite} not finite");

    private string Number(double value) => Single ? ((float)value).ToString("R", CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>What <c>codec inspect</c> says about one file.</summary>
/// <remarks>
/// Property values keep their type — a number, a shape (a list of sizes), <see cref="ValueStats"/> or text — so that
/// <c>--json</c> writes them as JSON numbers and arrays; the readable report formats them.
/// </remarks>
public sealed record InspectionReport(string Path, string Kind, IReadOnlyList<KeyValuePair<string, object>> Properties, ValueStats? Values, IReadOnlyList<Finding> Findings)
{
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);
}

/// <summary>Describes a binary file by its extension: .npy, .npz, .pc2, .mc/.mcx, Maya .xml, .wav.</summary>
public static class FileInspector
{
    public static InspectionReport Inspect(string path) => Inspect(path, null);

    /// <summary>
    /// Inspects a file; for a segmentation mask, <paramref name="mappingInfoJson"/> (a render's info.json) names the
    /// labels: <c>segments_mapping</c>, or <c>clothing_segments_mapping</c> for a clothing mask.
    /// </summary>
    public static InspectionReport Inspect(string path, string? mappingInfoJson)
    {
        // What is not a file (a FIFO, a device) is said before any reader would open it; an I/O error is the file's.
        try
        {
            if (InputFile.Refusal(path) is { } why) return Unreadable(path, why);
            return Describe(path, mappingInfoJson);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Unreadable(path, InputFile.Unreadable(e).Message);
        }
    }

    private static InspectionReport Unreadable(string path, string why) =>
        new(path, "unreadable", new List<KeyValuePair<string, object>>(), null, [new Finding(FindingCodes.FileUnreadable, Severity.Error, path, why)]);

    private static InspectionReport Describe(string path, string? mappingInfoJson)
    {
        var sink = new FindingSink();
        var properties = new List<KeyValuePair<string, object>>();
        ValueStats? stats = null;
        string kind;
        void Add(string name, object value) => properties.Add(new(name, value));
        // How the file is read is the registry's word for its name: one table for inspect, validate and the contracts.
        switch (FileKinds.Of(path)?.Kind)
        {
            case FileKind.Npy:
                kind = "NumPy array (.npy)";
                using (var file = NpyFile.Open(path, sink))
                {
                    if (file is not null) stats = DescribeArray(file.Array, Add);
                }

                break;
            case FileKind.Npz:
                kind = "NumPy archive (.npz)";
                using (var npz = NpzArchive.Open(path, sink))
                {
                    if (npz is null) break;
                    Add("members", npz.Members.Count);
                    foreach (var member in npz.Members)
                    {
                        var array = npz.GetArray(member, sink);
                        if (array is null) continue;
                        // Each member's values too: a NaN inside an archive is as bad as one in a .npy.
                        var values = Stats(array);
                        Add(member.Key, new Shown($"{array.DType.Descr} {Shape(array.Shape)}{(member.IsCompressed ? ", deflated" : ", stored")}{(values is null ? "" : "; " + values)}",
                            Shown.Fields(("dtype", array.DType.Descr), ("shape", array.Shape), ("compressed", member.IsCompressed), ("values", (object?)values ?? "none"))));
                    }
                }

                break;
            case FileKind.Pc2:
                kind = "Point Cache 2 (.pc2)";
                using (var mapped = PointCache2.Open(path, sink))
                {
                    if (mapped is null) break;
                    var pc2 = mapped.Cache;
                Add("version", pc2.Header.Version);
                Add("frames", pc2.Frames);
                Add("vertices", pc2.Vertices);
                Add("start frame", pc2.Header.StartFrame);
                    Add("sample rate", pc2.Header.SampleRate);
                    stats = ValueStats.Of(pc2.Positions);
                }

                break;
            case FileKind.MayaData:
                kind = "Maya cache data (.mc)";
                var data = InputFile.ReadAll(path, InputFile.DefaultMaxBytes, sink) is { } mc ? MayaCacheData.Decode(mc, sink, path) : null;
                if (data is null) break;
                Add("layout", data.Is64 ? "FOR8 (mcx)" : "FOR4 (mcc)");
                Add("version", data.Version);
                Add("time range (ticks)", Shown.Span(data.StartTime, data.EndTime));
                Add("samples", data.Samples.Count);
                foreach (var c in data.Samples[0].Channels) Add("channel " + c.Name, new Shown($"{c.DataType} × {c.ArrayLength}", Shown.Fields(("type", c.DataType.ToString()), ("length", c.ArrayLength))));
                break;
            case FileKind.Maya:
                kind = "Maya cache (.xml + data)";
                using (var cache = MayaCacheFile.Open(path, sink))
                {
                    if (cache is not null) stats = DescribeMaya(cache, Add);
                }

                break;
            case FileKind.Wav:
                kind = "WAV audio";
                var wav = InputFile.ReadAll(path, InputFile.DefaultMaxBytes, sink) is { } audio ? WavFile.Decode(audio, sink, path) : null;
                if (wav is null) break;
                Add("sample rate", Shown.Quantity(wav.Format.SampleRate, "Hz"));
                Add("bit depth", new Shown(wav.Format.BitsPerSample + (wav.Format.IsFloat ? " (float)" : " (PCM)"), Shown.Fields(("bits", wav.Format.BitsPerSample), ("float", wav.Format.IsFloat))));
                Add("byte order", wav.Format.IsBigEndian ? "big-endian (RIFX)" : "little-endian");
                Add("channels", wav.Format.Channels);
                Add("frames", wav.FrameCount);
                Add("duration", Shown.Quantity(wav.DurationSeconds, "s", "0.###"));
                Add("chunks", string.Join(" ", wav.Chunks.Select(c => c.Id.Trim())));
                var samples = new float[wav.FrameCount * wav.Format.Channels];
                wav.CopyTo(samples);
                stats = ValueStats.Of(samples);
                break;
            case FileKind.Image:
                // A PNG or a TIFF by its first bytes (what the decoder goes by too), whatever its name says.
                var bytes = InputFile.ReadAll(path, InputFile.DefaultMaxBytes, sink);
                bool isPng = bytes is not null && PngDecoder.HasSignature(bytes), isTiff = bytes is not null && TiffDecoder.HasSignature(bytes);
                // A segmentation mask by its name, or with a mapping to name its labels: its labels are counted too.
                bool mask = isPng && (mappingInfoJson is not null || SegmentMapping.IsMask(path));
                kind = isPng ? mask ? "label mask (.png)" : "PNG image" : isTiff ? "TIFF image" : FileKinds.Get(FileKind.Image).Title;
                var pixels = bytes is null ? null : ImageFile.Decode(bytes, sink, path);
                if (pixels is null) break;
                DescribeImage(pixels, Add);
                if (pixels.Description is { } description) Add("description", description);
                if (!mask) break;
                var image = PngImage.Decode(bytes, sink, path);
                if (image is null) break;
                var names = mappingInfoJson is null ? null : SegmentMapping.Read(mappingInfoJson, SegmentMapping.MemberFor(path), sink)?.NamesByValue();
                var histogram = image.Histogram();
                Add("labels", histogram.Count);
                foreach (var (label, count) in histogram)
                {
                    string name = names is null ? "" : names.TryGetValue(label, out var n) ? " " + n : " (not in the mapping)";
                    double share = (double)count / ((long)image.Width * image.Height);
                    var fields = new List<(string, object)> { ("pixels", count), ("share", share) };
                    if (names is not null && names.TryGetValue(label, out var labelName)) fields.Insert(0, ("name", labelName));
                    Add($"label {label}{name}", new Shown($"{count} px ({100.0 * share:0.##}%)", Shown.Fields([.. fields])));
                    if (names is not null && !names.ContainsKey(label))
                    {
                        sink.Add(new Finding(FolderFindingCodes.MaskLabelNotMapped, Severity.Error, path, $"{count} pixels have value {label}, which the mapping does not list"));
                    }
                }

                break;
            case FileKind.Exr:
                kind = "OpenEXR image (.exr)";
                var exr = ExrFile.Read(path, sink);
                if (exr is not null)
                {
                    DescribeExr(exr, Add);
                    DescribeExrPixels(path, exr, Add);
                }

                break;
            case FileKind.Info:
                kind = "Synthesis info.json";
                DescribeInfo(path, sink, Add);
                break;
            case FileKind.Mesh:
                kind = "Wavefront mesh (.obj)";
                var text = InputFile.ReadAll(path, InputFile.DefaultMaxBytes, sink);
                if (text is not null && ObjMesh.Decode(text, sink, path) is { } mesh) DescribeMesh(mesh, Add);
                break;
            default:
                kind = "unknown";
                sink.Add(new Finding(FindingCodes.UnsupportedElementType, Severity.Error, path, "codec inspect reads " + FileKinds.ExtensionList + " files"));
                break;
        }

        return new InspectionReport(path, kind, properties, stats, sink.Findings.ToList());
    }


    // Every attribute of every part; channels one per line; Cryptomatte layers summarised with their manifest check.
    // Every channel, as Maya writes several into one cache; the value range is the vertex positions channel's when
    // the cache has one, and each other channel's range is given with it.
    private static ValueStats? DescribeMaya(MayaCacheFile cache, Action<string, object> add)
    {
        var d = cache.Description;
        add("cache type", $"{d.CacheType}, {d.Format}");
        add("frames per second", Shown.Quantity(d.FramesPerSecond, "", "0.###"));
        add("time range (ticks)", Shown.Span(d.RangeStart, d.RangeEnd));
        add("channels", cache.Channels.Count);
        var geometry = cache.GeometryChannel(null, out _);
        ValueStats? positions = null;
        foreach (var channel in cache.Channels)
        {
            var c = channel.Description;
            string sampling = c.SamplingType == "Regular"
                ? string.Create(CultureInfo.InvariantCulture, $"regular, every {c.SamplingRate} ticks from {c.StartTime} to {c.EndTime}")
                : string.Create(CultureInfo.InvariantCulture, $"{c.SamplingType.ToLowerInvariant()}, {c.StartTime} to {c.EndTime}");
            // Frame by frame from the mapped data: no channel is held whole.
            ValueStats? values = null;
            cache.Scan(channel, (_, _, frame) => values = values is null ? ValueStats.Of(frame) : values.With(ValueStats.Of(frame)));
            if (channel == geometry) positions = values;
            add("channel " + channel.Name, new Shown(string.Create(CultureInfo.InvariantCulture,
                $"{c.Type}{(c.Interpretation.Length > 0 ? " " + c.Interpretation : "")}, {channel.Elements} {(channel.IsVectorArray ? "vertices" : "values")}, {channel.Frames} frames, {sampling}{(values is null ? "" : "; " + values)}"),
                Shown.Fields(("type", c.Type), ("interpretation", c.Interpretation), (channel.IsVectorArray ? "vertices" : "elements", channel.Elements), ("frames", channel.Frames),
                    ("sampling", c.SamplingType.ToLowerInvariant()), ("samplingRate", c.SamplingRate), ("startTime", c.StartTime), ("endTime", c.EndTime), ("values", (object?)values ?? "none"))));
        }

        if (geometry is not null)
        {
            add("frames", geometry.Frames);
            add("vertices", geometry.Elements);
        }

        return positions;
    }

    // What a render's info.json holds: its version and product, its camera, and which systems and mappings it has.
    private static void DescribeInfo(string path, FindingSink sink, Action<string, object> add)
    {
        var reader = new InfoDocumentReader();
        var info = reader.Read(path, sink);
        if (info is null)
        {
            if (sink.Findings.Any(f => f.Code == FindingCodes.OtherProduct)) add("product", "another Synthesis product, not the Human API");
            return;
        }

        add("version", reader.DeclaredVersion ?? "(none: the earliest files)");
        add("product", "Synthesis Human API");
        var (width, height) = LandmarkSystems.RenderSize(info);
        if (width > 0) add("render size", Shown.Size(width, height));
        foreach (var (name, points) in LandmarkSystems.Present(info)) add("landmarks " + name, points.Count);
        var present = new List<string>();
        if (info.Camera is not null) present.Add("camera");
        if (info.PupilLeft is not null || info.PupilRight is not null) present.Add("pupils");
        if (info.GazeLeft is not null || info.GazeRight is not null) present.Add("gaze");
        if (info.Head is not null) present.Add("head pose");
        if (info.Identity is not null) present.Add("identity");
        if (info.Face is not null) present.Add("face settings");
        add("systems", present.Count == 0 ? "(none)" : string.Join(", ", present));
        if (info.SegmentsMapping is { } segments) add("segments mapping", segments.Count);
        if (info.ClothingSegmentsMapping is { } clothing) add("clothing segments mapping", clothing.Count);
    }

    // Each part's channels' value ranges, where codec decodes the part's compression; otherwise why not (the header
    // above is described either way, so this is a line, not a finding).
    private static void DescribeExrPixels(string path, ExrFile exr, Action<string, object> add)
    {
        var why = new FindingSink();
        var bytes = InputFile.ReadAll(path, InputFile.DefaultMaxBytes, why);
        for (int p = 0; p < exr.Parts.Count; p++)
        {
            string part = exr.Parts.Count > 1 ? $"part {p} " : "";
            var channels = bytes is null ? null : ExrPixels.Decode(bytes, exr, p, why, path);
            if (channels is null)
            {
                add(part + "pixels", "not decoded: " + string.Join("; ", why.Findings.Select(f => f.Message).Take(1)));
                why = new FindingSink();
                continue;
            }

            foreach (var (name, pixels) in channels)
            {
                var range = pixels.Ranges()[0];
                add($"{part}{name} range", Shown.Range(range.Min, range.Max, range.NonFinite));
            }
        }
    }

    private static void DescribeImage(ImagePixels image, Action<string, object> add)
    {
        add("size", Shown.Size(image.Width, image.Height));
        add("pixel format", image.Format);
        add("channels", image.Channels);
        add("sample type", image.Kind.ToString().ToLowerInvariant());
        var ranges = image.Ranges();
        for (int c = 0; c < ranges.Count; c++)
            add(ranges.Count == 1 ? "value range" : $"channel {c} range", Shown.Range(ranges[c].Min, ranges[c].Max));
        add("blank", image.IsBlank ? "yes: every pixel is the same" : "no");
    }

    private static void DescribeMesh(ObjMesh mesh, Action<string, object> add)
    {
        add("vertices", mesh.Vertices.Length);
        add("faces", mesh.FaceCount);
        if (mesh.Vertices.Length == 0) return;
        var min = new double[] { double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity };
        var max = new double[] { double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity };
        foreach (var v in mesh.Vertices)
        {
            min[0] = Math.Min(min[0], v.X);
            min[1] = Math.Min(min[1], v.Y);
            min[2] = Math.Min(min[2], v.Z);
            max[0] = Math.Max(max[0], v.X);
            max[1] = Math.Max(max[1], v.Y);
            max[2] = Math.Max(max[2], v.Z);
        }

        add("bounds min", min);
        add("bounds max", max);
    }

    private static void DescribeExr(ExrFile exr, Action<string, object> add)
    {
        var flags = new List<string>();
        if (exr.IsTiled) flags.Add("tiled");
        if (exr.IsMultiPart) flags.Add("multi-part");
        if (exr.HasLongNames) flags.Add("long names");
        if (exr.IsDeep) flags.Add("deep data");
        add("format version", new Shown($"{exr.Version}{(flags.Count > 0 ? " (" + string.Join(", ", flags) + ")" : "")}", Shown.Fields(("version", exr.Version), ("flags", flags))));
        add("parts", exr.Parts.Count);
        for (int p = 0; p < exr.Parts.Count; p++)
        {
            var part = exr.Parts[p];
            string prefix = exr.Parts.Count > 1 ? $"part {p} " : "";
            foreach (var attribute in part.Attributes)
            {
                if (attribute.Value is IReadOnlyList<ExrChannel> channels)
                {
                    add($"{prefix}channels", new Shown($"{channels.Count} (chlist)", channels.Count));
                    foreach (var c in channels)
                        add($"{prefix}  {c.Name}", ExrValues.PixelType(c.Type) + (c.XSampling != 1 || c.YSampling != 1 ? $", sampled {c.XSampling}×{c.YSampling}" : ""));
                    continue;
                }

                // A number or a text attribute is itself in JSON; any other (a box, a vector) its description.
                string described = ExrValues.Describe(attribute);
                add($"{prefix}{attribute.Name} ({attribute.Type})", attribute.Value switch
                {
                    int or float or double => new Shown(described, Convert.ToDouble(attribute.Value, CultureInfo.InvariantCulture)),
                    string text => new Shown(described, text),
                    _ => described,
                });
            }

            add($"{prefix}chunks", part.ChunkCount);
        }

        foreach (var layer in exr.Cryptomattes)
            add($"cryptomatte {layer.Id}", new Shown($"\"{layer.Name}\", {layer.Hash ?? "no hash"}, {layer.Conversion ?? "no conversion"}, {layer.Manifest.Count} names in the manifest",
                Shown.Fields(("name", layer.Name ?? ""), ("hash", layer.Hash ?? "none"), ("conversion", layer.Conversion ?? "none"), ("manifestNames", layer.Manifest.Count))));
    }

    // As Python writes a shape tuple: (), (5,), (4, 5, 3).
    public static string Shape(IReadOnlyList<long> shape) => shape.Count == 1 ? $"({shape[0]},)" : "(" + string.Join(", ", shape) + ")";

    private static ValueStats? DescribeArray(NpyArray array, Action<string, object> add)
    {
        add("format version", $"{array.Header.Major}.{array.Header.Minor}");
        add("dtype", array.DType.Kind == NpyKind.Record ? "record of " + string.Join(", ", array.DType.Fields!.Select(f => f.Name + ":" + f.Type.Descr)) : array.DType.Descr);
        add("shape", array.Shape);
        add("order", array.Header.FortranOrder ? "Fortran" : "C");
        if (array.Shape.Count == 3 && array.Shape[2] == 3) add("as animation", new Shown($"{array.Shape[0]} frames × {array.Shape[1]} vertices", Shown.Fields(("frames", array.Shape[0]), ("vertices", array.Shape[1]))));
        return Stats(array);
    }

    // Float64 and wide integer arrays are measured as doubles, at their own precision (3.141592653589793, not
    // 3.1415927410125732); narrower ones as float32.
    private static ValueStats? Stats(NpyArray array)
    {
        if (array.DType.Kind is NpyKind.Bytes or NpyKind.Unicode or NpyKind.Record || array.Length > int.MaxValue) return null;
        if (array.DType is { Kind: NpyKind.Float, ItemSize: 8 } or { Kind: NpyKind.Int or NpyKind.UInt, ItemSize: >= 4 })
        {
            var doubles = new double[array.Length];
            array.CopyTo(doubles);
            return ValueStats.Of(doubles);
        }

        var values = new float[array.Length];
        array.CopyTo(values);
        return ValueStats.Of(values);
    }
}
