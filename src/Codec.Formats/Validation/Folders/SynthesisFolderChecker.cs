using System.Globalization;
using Codec.Formats.Segmentation;
using Codec.Formats.Synthesis.Info;
using Codec.Runtime.Binary.Image;
using Codec.Runtime.Files;
using Codec.Runtime.Findings;
using Codec.Runtime.Geometry;
using Codec.Runtime.Json;
using Codec.Runtime.Threading;

namespace Codec.Formats.Validation.Folders;

/// <summary>The findings of one file, with the format version it was read as.</summary>
public sealed record FileCheckResult(string Path, string? Version, IReadOnlyList<Finding> Findings)
{
    /// <summary>Findings past the file's listing limit, by severity: counted in totals, not listed.</summary>
    public FindingCounts Unlisted { get; init; }

    /// <summary>For a render's info.json that decoded: what it says about the render (see <see cref="RenderFacts"/>).</summary>
    public RenderFacts? Render { get; init; }

    /// <summary>For a segmentation mask that decoded: its pixels per class, in value order.</summary>
    public IReadOnlyList<ClassPixels>? MaskClasses { get; init; }

    /// <summary>For a dataset's audio track or animation cache: what it holds (see <see cref="Datasets.ClipFacts"/>).</summary>
    public Datasets.ClipFacts? Clip { get; init; }
}

/// <summary>How far a folder check has come.</summary>
public readonly record struct FolderProgress(int FilesDone, int FilesTotal);

/// <summary>How to check a Synthesis output folder.</summary>
public sealed record FolderCheckOptions
{
    public static FolderCheckOptions Default { get; } = new();

    /// <summary>
    /// The folder being checked as a whole (the path given to <c>codec validate</c>): files that are links out of it are
    /// reported and not read. Null: the output folder itself.
    /// </summary>
    public string? Root { get; init; }

    /// <summary>Renders checked at once (each on its own core, with its own decoder); results stay in file order.</summary>
    public int Parallelism { get; init; } = OrderedWork.DefaultParallelism;

    /// <summary>Largest info.json read; larger ones are one finding each.</summary>
    public long MaxFileBytes { get; init; } = InputFile.DefaultMaxBytes;

    /// <summary>How metadata.jsonl is streamed (parallelism, line limit, unknown versions).</summary>
    public MetadataFileOptions Metadata { get; init; } = MetadataFileOptions.Default;

    /// <summary>Decoding limits and the unknown-version policy for info.json files.</summary>
    public DecodeOptions? Decode { get; init; }

    /// <summary>Findings listed per metadata.jsonl before the rest are only counted.</summary>
    public int MaxListedLineFindings { get; init; } = 10_000;

    // The tolerances' defaults are declared, with their reasons, in the info format's views file
    // (schemas/synthesis/info/info.views.codec.json), and generated into Tolerances.

    /// <summary>Pixels between half an image's size (or the requested resolution) and the principal point.</summary>
    public double PrincipalPointTolerancePx { get; init; } = Tolerances.PrincipalPointPx;

    /// <summary>Relative tolerance between requested and computed focal length and sensor width.</summary>
    public double CameraRelativeTolerance { get; init; } = Tolerances.CameraRelative;

    /// <summary>How far from 1 a surface pixel's normal may be.</summary>
    public double NormalLengthTolerance { get; init; } = Tolerances.NormalLength;

    /// <summary>The share of surface pixels whose normal may be shorter or longer than that (the pixels a filter blends).</summary>
    public double NormalOffShare { get; init; } = Tolerances.NormalOffShare;

    /// <summary>The share of pixels the alpha and the mask may disagree about (antialiased edges).</summary>
    public double AlphaMaskTolerance { get; init; } = Tolerances.AlphaMaskShare;

    /// <summary>Millimetres between an iBUG-68 point of the nose, eyes or mouth and the nearest vertex of N.sai_dense.obj, in camera space.</summary>
    public double SaiDenseToleranceMm { get; init; } = Tolerances.SaiDenseMm;

    /// <summary>Millimetres between an iBUG-68 point of the brows, nose, eyes or mouth and the nearest vertex of N.mediapipe_dense.obj.</summary>
    public double MediapipeDenseToleranceMm { get; init; } = Tolerances.MediapipeDenseMm;
}

/// <summary>
/// Checks one Synthesis output folder as a whole: every info.json and metadata.jsonl against its version, then the
/// files against each other — each metadata line's render has its files and each render its line, identity and
/// face settings agree between a line and its info.json, the requested resolution agrees with the intrinsics'
/// principal point, the requested lens with the computed camera, and each segmentation mask PNG has the render's size
/// and only values its mapping lists. Files are only read, never changed.
/// </summary>
public sealed class SynthesisFolderChecker
{
    private const string MetadataFileName = "metadata.jsonl";
    private readonly FolderCheckOptions _options;

    public SynthesisFolderChecker(FolderCheckOptions? options = null) => _options = options ?? FolderCheckOptions.Default;

    /// <summary>True when <paramref name="folder"/> directly holds a metadata.jsonl or an info.json.</summary>
    public static bool IsOutputFolder(string folder) =>
        File.Exists(Path.Combine(folder, MetadataFileName)) || Directory.EnumerateFiles(folder, "*.info.json").Any();

    public async Task<IReadOnlyList<FileCheckResult>> CheckAsync(string folder, IProgress<FolderProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var parts = await CheckPartsAsync(folder, FolderShare.All, progress, cancellationToken).ConfigureAwait(false);
        return FolderPart.Combine(parts.Select(p => (p.Entry, p.Part, p.SortByLine, p.Result)), r => r.Findings, (r, f) => r with { Findings = f });
    }

    /// <summary>
    /// Checks the parts of <paramref name="folder"/> that <paramref name="share"/> owns; the parts of every share,
    /// combined (<see cref="FolderPart.Combine"/>), are the report of <see cref="CheckAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<FolderPart>> CheckPartsAsync(string folder, FolderShare share, IProgress<FolderProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var results = new List<FileCheckResult>();
        var renders = new Dictionary<RenderKey, List<RenderFile>>();
        var infoFiles = new List<(string Path, RenderFileName Name)>();
        string? metadataPath = null;
        string resolvedRoot = Links.Resolve(_options.Root ?? folder);
        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(path);
            if (Links.LeadsOutside(path, resolvedRoot) is { } target)
            {
                results.Add(new FileCheckResult(path, null, [new Finding(FindingCodes.LinkOutsideFolder, Severity.Warning, "", $"a link to {target}, outside {_options.Root ?? folder}; not read")]));
                continue;
            }

            if (name == MetadataFileName)
            {
                metadataPath = path;
            }
            else if (RenderFileName.TryParse(name, out var parsed))
            {
                if (!renders.TryGetValue(parsed.Key, out var files)) renders[parsed.Key] = files = new List<RenderFile>();
                files.Add(new RenderFile(path, parsed));
                if (parsed.Modality == "info" && parsed.Extension == "json") infoFiles.Add((path, parsed));
            }
            else if (!name.StartsWith('.') && name != FolderWalk.ConfigFileName)
            {
                results.Add(new FileCheckResult(path, null, new[]
                {
                    new Finding(FindingCodes.UnrecognisedFileName, Severity.Warning, "", "belongs to no render: not named like a Synthesis render file (N.<modality>.<ext> or N.cam_<camera>.f_<frame>.<modality>.<ext>); not checked"),
                }));
            }
        }

        CheckModalities(folder, renders, results);
        var parts = new List<FolderPart>();
        if (share.OwnsFolder)
        {
            for (int i = 0; i < results.Count; i++) parts.Add(new FolderPart(FolderPart.EntryOf(FolderPart.ListingSection, i), 0, false, results[i]));
        }

        // The renders this share checks, with their place among all of the folder's renders.
        var owned = Enumerable.Range(0, infoFiles.Count).Where(i => share.OwnsRender(infoFiles[i].Name.Key)).ToList();
        // A share streams the metadata.jsonl when it reports on it or checks a render against its line.
        if (!share.OwnsFolder && owned.Count == 0) return parts;

        int total = owned.Count + (metadataPath is null ? 0 : 1), done = 0;
        progress?.Report(new FolderProgress(done, total));

        // 1. metadata.jsonl, streamed; the facts of each line are kept for the cross-checks.
        var lines = new Dictionary<RenderKey, MetadataFacts>();
        // Renders whose line is another product's: that line is its one finding, and the render has a line.
        var otherProductRenders = new HashSet<long>();
        var lineFindings = new List<Finding>();
        string? metadataVersion = null;
        var metadataUnlisted = FindingCounts.None;
        if (metadataPath is not null)
        {
            var versions = new HashSet<string>(StringComparer.Ordinal);
            void Add(Finding f)
            {
                // A share that does not own the folder reads the lines for their facts only.
                if (!share.OwnsFolder) return;
                if (lineFindings.Count < _options.MaxListedLineFindings) lineFindings.Add(f);
                else metadataUnlisted = metadataUnlisted.Add(f.Severity);
            }

            try
            {
                await MetadataFileChecker.CheckFileAsync(metadataPath, line =>
                {
                    foreach (var f in line.Findings) Add(f);
                    metadataUnlisted += line.Unlisted;
                    if (line.Version is not null) versions.Add(line.Version);
                    if (line.OtherProductRenderId is { } other) otherProductRenders.Add(other);
                    if (line.Facts is not { } facts) return;
                    var key = new RenderKey(facts.RenderId, facts.CameraName, facts.FrameNumber);
                    if (lines.TryGetValue(key, out var first))
                    {
                        Add(new Finding(FindingCodes.DuplicateRenderLine, Severity.Error, "/render_id",
                            $"render {key} is also described by line {first.LineNumber}", Line(facts.LineNumber), 1));
                    }
                    else
                    {
                        lines[key] = facts;
                    }
                }, _options.Metadata with { CollectFacts = true, Decode = _options.Metadata.Decode ?? _options.Decode }, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Add(InputFile.Unreadable(e));
            }

            if (metadataUnlisted.Total > 0) lineFindings.Add(metadataUnlisted.CutShortFinding(lineFindings.Count));
            metadataVersion = versions.Count == 0 ? null : string.Join(", ", versions.Order(StringComparer.Ordinal));
            progress?.Report(new FolderProgress(++done, total));
        }

        // 2. every render, from its info.json: checked alone, against its metadata line, with its masks and meshes.
        //    Renders are independent, so they are checked on every core; their results are merged in file order.
        var firstLineOfRender = new Dictionary<long, MetadataFacts>();
        foreach (var facts in lines.Values.OrderBy(l => l.LineNumber)) firstLineOfRender.TryAdd(facts.RenderId, facts);
        var checkedRenders = OrderedWork.Run(owned.Count, _options.Parallelism, () => new Worker(_options), (worker, i) =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (path, name) = infoFiles[owned[i]];
            var line = metadataPath is null ? null : FindLine(lines, firstLineOfRender, name);
            bool lineIsOtherProducts = line is null && otherProductRenders.Contains(name.RenderId);
            var render = CheckRender(worker, path, name, renders[name.Key], metadataPath is not null && !lineIsOtherProducts, line);
            progress?.Report(new FolderProgress(Interlocked.Increment(ref done), total));
            return render;
        });
        for (int r = 0; r < checkedRenders.Length; r++)
        {
            var render = checkedRenders[r];
            int index = owned[r];
            for (int f = 0; f < render.Files.Count; f++) parts.Add(new FolderPart(FolderPart.EntryOf(FolderPart.FirstRenderSection + index, f), 0, false, render.Files[f]));
            if (metadataPath is not null && render.LineFindings.Count > 0)
                parts.Add(new FolderPart(FolderPart.EntryOf(FolderPart.MetadataSection, 0), 1 + index, true, new FileCheckResult(metadataPath, null, render.LineFindings)));
        }

        // 3. lines whose render has no files at all. A line some render matched has that render's files, so the
        //    folder's listing alone tells them.
        if (metadataPath is not null && share.OwnsFolder)
        {
            var renderIdsWithFiles = new HashSet<long>(renders.Keys.Select(k => k.RenderId));
            var withoutFiles = new List<Finding>();
            foreach (var (key, facts) in lines)
            {
                if (HasFiles(renders, renderIdsWithFiles, key)) continue;
                withoutFiles.Add(new Finding(FindingCodes.LineWithoutFiles, Severity.Error, "/render_id",
                    $"render {key} has no files in the folder (expected {key.RenderId}.info.json or {key.RenderId}.cam_<camera>.f_<frame>.info.json)", Line(facts.LineNumber), 1));
            }

            var metadata = FolderPart.EntryOf(FolderPart.MetadataSection, 0);
            parts.Add(new FolderPart(metadata, 0, true, new FileCheckResult(metadataPath, metadataVersion, lineFindings) { Unlisted = metadataUnlisted }));
            if (withoutFiles.Count > 0) parts.Add(new FolderPart(metadata, FolderPart.LastPart, true, new FileCheckResult(metadataPath, null, withoutFiles)));
        }

        return parts;
    }

    // One render: its info.json alone and against its metadata line (when the folder has a metadata.jsonl), then its
    // meshes and masks against the decoded info.json. Reads only this render's files; safe on any worker.
    private RenderResult CheckRender(Worker worker, string path, RenderFileName name, List<RenderFile> files, bool hasMetadata, MetadataFacts? line)
    {
        var results = new List<FileCheckResult>();
        var lineFindings = new List<Finding>();
        var findings = new List<Finding>();
        string? version = null;
        var unlisted = FindingCounts.None;
        RenderFacts? facts = null;
        try
        {
            int length = InputFile.ReadAll(path, _options.MaxFileBytes, ref worker.InfoBuffer, findings);
            if (length >= 0)
            {
                var document = worker.InfoBuffer.AsSpan(0, length);
                // Decoded once: the checks below read the model through its view (valid until the worker's next file).
                var result = worker.Info.Check(document, out var model);
                var info = model as IInfoDocument;
                version = result.Version;
                unlisted = result.Unlisted;
                findings.AddRange(result.Findings);
                // Another product's render is its info.json's one finding: its masks, meshes and line are not this
                // format's to check, and checking them would only repeat that.
                if (result.Findings.Any(f => f.Code == FindingCodes.OtherProduct))
                {
                    results.Add(new FileCheckResult(path, version, findings) { Unlisted = unlisted });
                    return new RenderResult(results, lineFindings);
                }

                if (info is not null) facts = RenderFacts.From(name.Key, info);
                if (hasMetadata)
                {
                    if (line is null)
                    {
                        findings.Add(new Finding(FindingCodes.FilesWithoutLine, Severity.Error, "",
                            $"render {name.Key} has no line in {MetadataFileName}"));
                    }
                    else
                    {
                        CrossCheck(line, info, path, lineFindings);
                    }
                }

                foreach (var mesh in files.Where(f => f.Name.Extension == "obj" && f.Name.Modality is "mediapipe_dense" or "sai_dense"))
                {
                    results.Add(CheckMesh(worker, mesh.Path, mesh.Name.Modality, info, Path.GetFileName(path)));
                }

                PngImage? segments = null;
                foreach (var mask in files.Where(f => f.Name.Extension == "png" && f.Name.Modality is "segments" or "clothing_segments"))
                {
                    results.Add(CheckMask(worker, mask.Path, mask.Name.Modality == "clothing_segments", info, Path.GetFileName(path), out var decoded));
                    if (mask.Name.Modality == "segments") segments = decoded;
                }

                foreach (var exr in files.Where(f => f.Name is { Modality: "", Extension: "exr" }))
                {
                    var exrSink = new FindingSink();
                    ReadAndDecode<object>(worker, exr.Path, exrSink, (bytes, sink, at) =>
                    {
                        ExrRenderChecks.Check(bytes, info, Path.GetFileName(path), sink, at, _options, segments);
                        return null;
                    }, out var refusedExr);
                    results.Add(refusedExr ?? new FileCheckResult(exr.Path, null, exrSink.Findings.ToList()));
                }

                var images = files.Where(f => f.Name.Extension is "png" or "tif" or "tiff" && f.Name.Modality is "rgb" or "depth" or "normals" or "alpha").ToList();
                if (images.Count > 0) results.AddRange(CheckImages(worker, images, info, Path.GetFileName(path), segments));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            findings.Add(InputFile.Unreadable(e));
        }

        results.Add(new FileCheckResult(path, version, findings) { Unlisted = unlisted, Render = facts });
        return new RenderResult(results, lineFindings);
    }

    // What the renders of a folder have in common: a file (a modality) that more than half of them have and one lacks
    // was deleted or never written; files of a render with no info.json have nothing to be checked against.
    private static void CheckModalities(string folder, Dictionary<RenderKey, List<RenderFile>> renders, List<FileCheckResult> results)
    {
        static bool HasInfo(List<RenderFile> files) => files.Any(f => f.Name.Modality == "info" && f.Name.Extension == "json");
        var holders = new Dictionary<(string Modality, string Extension), int>();
        int rendered = 0;
        foreach (var files in renders.Values.Where(HasInfo))
        {
            rendered++;
            foreach (var kind in files.Select(f => (f.Name.Modality, f.Name.Extension)).Distinct()) holders[kind] = holders.GetValueOrDefault(kind) + 1;
        }

        foreach (var (key, files) in renders.OrderBy(r => r.Key.RenderId).ThenBy(r => r.Key.Camera, StringComparer.Ordinal).ThenBy(r => r.Key.Frame))
        {
            var name = files[0].Name;
            if (!HasInfo(files))
            {
                results.Add(new FileCheckResult(files[0].Path, null, [new Finding(FindingCodes.FilesWithoutRender, Severity.Warning, "",
                    $"render {key} has {files.Count} file(s) ({string.Join(", ", files.Select(f => Path.GetFileName(f.Path)).Take(4))}{(files.Count > 4 ? ", ..." : "")}) but no info.json; they are not checked")]));
                continue;
            }

            var have = files.Select(f => (f.Name.Modality, f.Name.Extension)).ToHashSet();
            foreach (var (kind, count) in holders.OrderBy(h => h.Key.Modality, StringComparer.Ordinal).ThenBy(h => h.Key.Extension, StringComparer.Ordinal))
            {
                if (count * 2 <= rendered || have.Contains(kind)) continue;
                string missing = $"{key.RenderId}{(name.Camera is null ? "" : ".cam_" + name.Camera)}{(name.Frame is null ? "" : ".f_" + name.Frame.Value.ToString(CultureInfo.InvariantCulture))}.{RenderFileName.SuffixOf(kind.Modality, kind.Extension)}";
                results.Add(new FileCheckResult(Path.Combine(folder, missing), null, [new Finding(FindingCodes.MissingModality, Severity.Warning, "",
                    $"render {key} has no {missing}, which {count} of the folder's {rendered} renders have")]));
            }
        }
    }

    // A line of version 1.4 names camera and frame: files named the later way must match them; files named the early
    // way (render id only) belong to the line with that render id.
    private static MetadataFacts? FindLine(Dictionary<RenderKey, MetadataFacts> lines, Dictionary<long, MetadataFacts> firstLineOfRender, RenderFileName name)
    {
        if (lines.TryGetValue(name.Key, out var exact)) return exact;
        if (name.Camera is null && name.Frame is null) return firstLineOfRender.GetValueOrDefault(name.RenderId);
        return lines.TryGetValue(new RenderKey(name.RenderId, null, null), out var old) ? old : null;
    }

    private static bool HasFiles(Dictionary<RenderKey, List<RenderFile>> renders, HashSet<long> renderIdsWithFiles, RenderKey key) =>
        renders.ContainsKey(key) || renders.ContainsKey(new RenderKey(key.RenderId, null, null))
        || (key.Camera is null && key.Frame is null && renderIdsWithFiles.Contains(key.RenderId));

    private void CrossCheck(MetadataFacts line, IInfoDocument? info, string infoPath, List<Finding> into)
    {
        string file = Path.GetFileName(infoPath);
        int at = Line(line.LineNumber);
        if (info is null)
        {
            into.Add(NotRun($"{file} could not be decoded, so the requested identity, face settings, resolution and lens are not compared with it") with { Line = at, Column = 1 });
            return;
        }

        Compare(line.Identity, RequestedSettings.Identity(info.Identity), "/scene/identity_metadata", FindingCodes.IdentityMismatch, "identity_metadata", file, at, into);
        Compare(line.Face, RequestedSettings.Face(info.Face), "/scene/facial_attributes", FindingCodes.FacialAttributesMismatch, "facial_attributes", file, at, into);

        if (info.Camera is not { } camera) return; // a missing camera is the info.json's own error

        if (line.Width is { } w && line.Height is { } h && camera.HasIntrinsics)
        {
            double cx = camera.Intrinsics[0, 2], cy = camera.Intrinsics[1, 2];
            if (!PrincipalPoint.Centres(camera.Intrinsics, w, h, _options.PrincipalPointTolerancePx))
            {
                into.Add(new Finding(FindingCodes.ResolutionMismatch, Severity.Error, "", string.Create(CultureInfo.InvariantCulture,
                    $"requested resolution {w}x{h} puts the principal point at ({w / 2.0}, {h / 2.0}), but {file} has cx = {cx}, cy = {cy}"), at, 1));
            }
        }

        CompareNumber(line.FocalLength, camera.HasFocalLengthMm, camera.FocalLengthMm, "focal length", "camera.focal_length_mm", file, at, into);
        CompareNumber(line.SensorWidth, camera.HasSensorWidthMm, camera.SensorWidthMm, "sensor width", "camera.sensor.width_mm", file, at, into);
    }

    private delegate T? BytesDecoder<T>(ReadOnlySpan<byte> bytes, FindingSink sink, string path);

    // Reads a file under the size limit into the reused buffer and decodes it; a file over the limit or unreadable is
    // the whole result (refused), a decoding problem is in the sink.
    private T? ReadAndDecode<T>(Worker worker, string path, FindingSink sink, BytesDecoder<T> decode, out FileCheckResult? refused) where T : class
    {
        refused = null;
        try
        {
            var findings = new List<Finding>();
            int length = InputFile.ReadAll(path, _options.MaxFileBytes, ref worker.BinaryBuffer, findings);
            if (length >= 0) return decode(worker.BinaryBuffer.AsSpan(0, length), sink, path);
            refused = new FileCheckResult(path, null, findings);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            refused = new FileCheckResult(path, null, [InputFile.Unreadable(e)]);
        }

        return null;
    }

    // A dense landmark mesh has its kind's vertex count, and its world-space vertices project into the render through
    // the info.json's camera (world2cam, then the OpenCV intrinsics on the OpenGL camera point).
    private FileCheckResult CheckMesh(Worker worker, string meshPath, string modality, IInfoDocument? info, string infoName)
    {
        var kind = DenseMeshChecks.Kind.Of(modality, _options);
        int expectedVertices = kind.Vertices;
        var sink = new FindingSink();
        var mesh = ReadAndDecode(worker, meshPath, sink, ObjMesh.Decode, out var refused);
        if (refused is not null) return refused;
        if (mesh is null) return new FileCheckResult(meshPath, null, sink.Findings.ToList());
        if (mesh.Vertices.Length != expectedVertices)
        {
            sink.Add(new Finding(FindingCodes.MeshMismatch, Severity.Error, "", $"{mesh.Vertices.Length} vertices; this kind of dense landmark mesh has {expectedVertices}"));
        }

        if (info?.Camera is not { HasIntrinsics: true, HasWorld2cam: true } camera)
        {
            sink.Add(NotRun(info is null ? $"{infoName} could not be decoded, so the vertices are not projected"
                : $"{infoName} has no camera intrinsics and world2cam to project the vertices with"));
            return new FileCheckResult(meshPath, null, sink.Findings.ToList());
        }

        var m = camera.World2cam;
        var k = camera.Intrinsics;
        double fx = k[0, 0], fy = k[1, 1], cx = k[0, 2], cy = k[1, 2];
        int behind = 0, outside = 0;
        foreach (var v in mesh.Vertices)
        {
            var p = m.TransformPoint(v);
            if (!(p.Z < 0))
            {
                behind++;
                continue;
            }

            double u = (fx * p.X / -p.Z) + cx, w = (fy * -p.Y / -p.Z) + cy;
            if (!(u >= 0 && u <= 2 * cx && w >= 0 && w <= 2 * cy)) outside++;
        }

        if (behind > 0 || outside * 2 > mesh.Vertices.Length)
        {
            sink.Add(new Finding(FindingCodes.MeshMismatch, Severity.Error, "",
                $"through {infoName}'s camera, {behind} of {mesh.Vertices.Length} vertices are behind it and {outside} project outside the image: not this render's mesh, or not in world space"));
        }

        DenseMeshChecks.AgainstLandmarks(mesh, kind, m, info, infoName, sink);
        return new FileCheckResult(meshPath, null, sink.Findings.ToList());
    }

    // A mask is the render's size and uses only values its info.json's mapping lists (every pixel accounted for).
    private FileCheckResult CheckMask(Worker worker, string maskPath, bool clothing, IInfoDocument? info, string infoName, out PngImage? image)
    {
        var sink = new FindingSink();
        image = ReadAndDecode(worker, maskPath, sink, PngImage.Decode, out var refused);
        if (refused is not null) return refused;
        if (image is null) return new FileCheckResult(maskPath, null, sink.Findings.ToList());
        if (info is null)
        {
            sink.Add(NotRun($"{infoName} could not be decoded, so the mask's size and values are not checked against it"));
            return new FileCheckResult(maskPath, null, sink.Findings.ToList());
        }

        if (info.Camera is { HasIntrinsics: true } camera)
        {
            double cx = camera.Intrinsics[0, 2], cy = camera.Intrinsics[1, 2];
            if (!PrincipalPoint.Centres(camera.Intrinsics, image.Width, image.Height, _options.PrincipalPointTolerancePx))
            {
                sink.Add(new Finding(FindingCodes.MaskSizeMismatch, Severity.Error, "", string.Create(CultureInfo.InvariantCulture,
                    $"the mask is {image.Width}x{image.Height}; {infoName}'s principal point ({cx}, {cy}) makes the render {2 * cx}x{2 * cy}")));
            }
        }
        else
        {
            sink.Add(NotRun($"{infoName} has no camera intrinsics to give the render's size"));
        }

        string member = SegmentMapping.MemberFor(clothing);
        IReadOnlyList<ClassPixels>? classes = null;
        if (SegmentMapping.Of(info, clothing) is { } mapping)
        {
            var names = new Dictionary<long, string>();
            foreach (var entry in mapping.Entries) names.TryAdd(entry.Value, entry.Name.ToString());
            var histogram = image.Histogram();
            classes = histogram.Select(h => new ClassPixels(names.TryGetValue(h.Label, out var n) ? n : h.Label.ToString(CultureInfo.InvariantCulture), h.Pixels)).ToList();
            var unmapped = histogram.Where(h => !names.ContainsKey(h.Label)).ToList();
            if (unmapped.Count > 0)
            {
                sink.Add(new Finding(FindingCodes.MaskLabelNotMapped, Severity.Error, "",
                    $"{unmapped.Sum(u => u.Pixels)} pixels have values {infoName}/{member} does not list: "
                    + string.Join(", ", unmapped.Take(8).Select(u => $"{u.Label} ({u.Pixels} px)")) + (unmapped.Count > 8 ? ", ..." : "")));
            }
        }
        else
        {
            sink.Add(new Finding(FindingCodes.MaskLabelNotMapped, Severity.Error, "", $"{infoName} has no {member} to read this mask with"));
        }

        return new FileCheckResult(maskPath, null, sink.Findings.ToList()) { MaskClasses = classes };
    }

    // The image modalities of a render, decoded, each checked alone and against the others (see ModalityChecks).
    private List<FileCheckResult> CheckImages(Worker worker, List<RenderFile> images, IInfoDocument? info, string infoName, PngImage? segments)
    {
        var decoded = new Dictionary<string, (string Path, ImagePixels Pixels)>(StringComparer.Ordinal);
        var findings = new List<(string Path, FindingSink Sink)>();
        var results = new List<FileCheckResult>();
        foreach (var image in images)
        {
            var sink = new FindingSink();
            var pixels = ReadAndDecode(worker, image.Path, sink, ImageFile.Decode, out var refused);
            if (refused is not null)
            {
                results.Add(refused);
                continue;
            }

            findings.Add((image.Path, sink));
            if (pixels is not null) decoded.TryAdd(image.Name.Modality, (image.Path, pixels));
        }

        var checks = new ModalityChecks(_options, info, infoName, segments);
        foreach (var (path, sink) in findings)
        {
            if (decoded.FirstOrDefault(d => d.Value.Path == path) is { Key: { } modality } entry) checks.Check(modality, entry.Value.Pixels, sink, decoded);
        }

        results.AddRange(findings.Select(f => new FileCheckResult(f.Path, null, f.Sink.Findings.ToList())));
        return results;
    }

    private static Finding NotRun(string why) => new(FindingCodes.CheckNotRun, Severity.Warning, "", "check not run: " + why);

    // Only where both files state the settings: a version without them says nothing to compare.
    private static void Compare(RequestedSettings? fromLine, RequestedSettings? fromInfo, string linePointer, string code, string what, string file, int at, List<Finding> into)
    {
        if (fromLine is null || fromInfo is null) return;
        var differences = fromLine.Differences(fromInfo);
        if (differences.Count == 0) return;
        into.Add(new Finding(code, Severity.Error, linePointer,
            $"{what} differs from {file} (metadata vs info.json): {string.Join("; ", differences)}", at, 1));
    }

    private void CompareNumber(double? fromLine, bool present, double actual, string what, string member, string file, int at, List<Finding> into)
    {
        if (fromLine is not { } requested || !present) return;
        if (Math.Abs(requested - actual) <= _options.CameraRelativeTolerance * Math.Max(1, Math.Abs(requested))) return;
        into.Add(new Finding(FindingCodes.CameraMismatch, Severity.Error, "", string.Create(CultureInfo.InvariantCulture,
            $"requested {what} {requested} mm, but {file} has {member} = {actual}"), at, 1));
    }

    private static int Line(long lineNumber) => (int)Math.Min(lineNumber, int.MaxValue);

    private sealed record RenderFile(string Path, RenderFileName Name);

    // What one render contributed: its files' results (meshes and masks, then the info.json), findings for the
    // metadata line.
    private sealed record RenderResult(List<FileCheckResult> Files, List<Finding> LineFindings);

    // The state one thread needs to check renders: a decoder and reusable read buffers, never shared.
    private sealed class Worker(FolderCheckOptions options)
    {
        public readonly DocumentChecker Info = new(BuiltInFormats.CreateSynthesisInfo(options.Decode), options.Decode);

        // The info.json stays in its buffer while its masks and meshes are read into the other.
        public byte[] InfoBuffer = Array.Empty<byte>();
        public byte[] BinaryBuffer = Array.Empty<byte>();
    }
}
