using System.Globalization;
using Codec.Formats.Synthesis;
using Codec.Formats.Synthesis.Info;
using Codec.Runtime.Binary.Exr;
using Codec.Runtime.Binary.Image;
using Codec.Runtime.Files;
using Codec.Runtime.Findings;
using Codec.Runtime.Geometry;
using Codec.Runtime.Json;
using Codec.Runtime.Threading;

namespace Codec.Formats.Validation.Folders;

/// <summary>
/// Checks one Synthesis output folder as a whole: every info.json and metadata.jsonl against its version, then the
/// files against each other — each metadata line's render has its files and each render its line, identity and
/// face settings agree between a line and its info.json, the requested resolution agrees with the intrinsics'
/// principal point, the requested lens with the computed camera, and each segmentation mask PNG has the render's size
/// and only values its mapping lists. Files are only read, never changed.
/// </summary>
public sealed class SynthesisFolderChecker
{
    private readonly FolderCheckOptions _options;
    private readonly RenderContract _contract;

    // The tolerances' values for this folder: the contract's defaults, with the settings given.
    private readonly double[] _tolerances;

    public SynthesisFolderChecker(FolderCheckOptions? options = null)
    {
        _options = options ?? FolderCheckOptions.Default;
        _contract = _options.Contract;
        _tolerances = _contract.ToleranceValues(_options.Tolerances);
    }

    /// <summary>True when <paramref name="folder"/> directly holds the Synthesis render contract's metadata file or a render's info.json.</summary>
    public static bool IsOutputFolder(string folder)
    {
        var contract = SynthesisOutputContract.Contract;
        return File.Exists(Path.Combine(folder, contract.MetadataFile))
            || contract.Anchor.Suffixes.Any(suffix => Directory.EnumerateFiles(folder, "*." + suffix).Any());
    }

    private bool IsAnchor(RenderFileName name) => _contract.FileOf(name.Suffix)?.Kind == RenderFileKind.Info;

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
                results.Add(new FileCheckResult(path, null, [Links.Outside(target, _options.Root ?? folder)]));
                continue;
            }

            if (name == _contract.MetadataFile)
            {
                metadataPath = path;
            }
            else if (RenderFileName.TryParse(name, out var parsed))
            {
                if (!renders.TryGetValue(parsed.Key, out var files)) renders[parsed.Key] = files = new List<RenderFile>();
                files.Add(new RenderFile(path, parsed));
                if (IsAnchor(parsed)) infoFiles.Add((path, parsed));
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
                            $"render {key} is also described by line {first.LineNumber}", MetadataCrossCheck.LineOf(facts.LineNumber), 1));
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
                    $"render {key} has no files in the folder (expected {key.RenderId}.{_contract.Anchor.Suffixes[0]} or {key.RenderId}.cam_<camera>.f_<frame>.{_contract.Anchor.Suffixes[0]})", MetadataCrossCheck.LineOf(facts.LineNumber), 1));
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
                if (hasMetadata && line is null)
                {
                    findings.Add(new Finding(FindingCodes.FilesWithoutLine, Severity.Error, "",
                        $"render {name.Key} has no line in {_contract.MetadataFile}"));
                }

                var render = new RenderState(_contract, info, Path.GetFileName(path), _tolerances, line);
                var infoSink = new FindingSink();
                render.Run(_contract.Anchor, path, info, infoSink);
                findings.AddRange(infoSink.Findings);
                lineFindings.AddRange(render.LineFindings);
                CheckFiles(worker, render, files, results);
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
    private void CheckModalities(string folder, Dictionary<RenderKey, List<RenderFile>> renders, List<FileCheckResult> results)
    {
        bool HasInfo(List<RenderFile> files) => files.Any(f => IsAnchor(f.Name));
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
                    $"render {key} has {files.Count} file(s) ({string.Join(", ", files.Select(f => Path.GetFileName(f.Path)).Take(4))}{(files.Count > 4 ? ", ..." : "")}) but no {_contract.Anchor.Suffixes[0]}; they are not checked")]));
                continue;
            }

            var have = files.Select(f => (f.Name.Modality, f.Name.Extension)).ToHashSet();
            foreach (var (kind, count) in holders.OrderBy(h => h.Key.Modality, StringComparer.Ordinal).ThenBy(h => h.Key.Extension, StringComparer.Ordinal))
            {
                if (count * 2 <= rendered || have.Contains(kind)) continue;
                string missing = name.Key.FileName(RenderFileName.SuffixOf(kind.Modality, kind.Extension));
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

    // The order a render's files are read in: a kind's files may be compared with those of the kinds before it (an
    // image, an EXR with the masks). Results keep this order.
    private static readonly RenderFileKind[] ReadOrder = [RenderFileKind.Mesh, RenderFileKind.Mask, RenderFileKind.Exr, RenderFileKind.Image];

    // Every file of the render the contract declares, read once and checked by its rules; files it does not declare
    // are not read. Images are all decoded before their rules run, so that each is compared with the others.
    private void CheckFiles(Worker worker, RenderState render, List<RenderFile> files, List<FileCheckResult> results)
    {
        foreach (var kind in ReadOrder)
        {
            var ofKind = files.Select(f => (File: f, Spec: _contract.FileOf(f.Name.Suffix))).Where(f => f.Spec?.Kind == kind).ToList();
            var decoded = new List<(RenderFile File, RenderFileSpec Spec, FindingSink Sink, object? Content)>();
            foreach (var (file, spec) in ofKind)
            {
                var sink = new FindingSink();
                var content = ReadAndDecode(worker, file.Path, sink, kind, out var refused);
                if (refused is not null)
                {
                    results.Add(refused);
                    continue;
                }

                if (content is PngImage mask && kind == RenderFileKind.Mask) render.Masks.TryAdd(spec!.Name, mask);
                if (content is ImagePixels image && !render.Images.Images.TryAdd(spec!.Name, image)) content = null; // a second file of one name is only decoded
                if (kind != RenderFileKind.Image) results.Add(Check(render, file, spec!, sink, content));
                else decoded.Add((file, spec!, sink, content));
            }

            foreach (var (file, spec, sink, content) in decoded) results.Add(Check(render, file, spec, sink, content));
        }
    }

    private static FileCheckResult Check(RenderState render, RenderFile file, RenderFileSpec spec, FindingSink sink, object? content)
    {
        // A file that did not decode has its decoding findings only.
        var context = content is null ? null : render.Run(spec, file.Path, content, sink);
        return new FileCheckResult(file.Path, null, sink.Findings.ToList()) { MaskClasses = context?.MaskClasses };
    }

    // Reads a file under the size limit into the reused buffer and decodes it as its kind; a file over the limit or
    // unreadable is the whole result (refused), a decoding problem is in the sink. An EXR's pixels are decoded from the
    // buffer when a rule asks, before the next file is read.
    private object? ReadAndDecode(Worker worker, string path, FindingSink sink, RenderFileKind kind, out FileCheckResult? refused)
    {
        refused = null;
        try
        {
            var findings = new List<Finding>();
            int length = InputFile.ReadAll(path, _options.MaxFileBytes, ref worker.BinaryBuffer, findings);
            if (length >= 0)
            {
                var bytes = worker.BinaryBuffer.AsMemory(0, length);
                return kind switch
                {
                    RenderFileKind.Mesh => ObjMesh.Decode(bytes.Span, sink, path),
                    RenderFileKind.Mask => PngImage.Decode(bytes.Span, sink, path),
                    RenderFileKind.Image => ImageFile.Decode(bytes.Span, sink, path),
                    RenderFileKind.Exr => ExrFile.Decode(bytes.Span, sink, path) is { Parts.Count: > 0 } exr ? new ExrContent(exr, bytes) : null,
                    _ => null,
                };
            }

            refused = new FileCheckResult(path, null, findings);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            refused = new FileCheckResult(path, null, [InputFile.Unreadable(e)]);
        }

        return null;
    }

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
