using Codec.Formats.Findings;
using Codec.Formats.Synthesis;
using Codec.Runtime.Files;
using Codec.Runtime.Findings;
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
    private readonly RenderCheck _renders;

    public SynthesisFolderChecker(FolderCheckOptions? options = null)
    {
        _options = options ?? FolderCheckOptions.Default;
        _contract = _options.Contract;
        _renders = new RenderCheck(_options);
    }

    /// <summary>True when <paramref name="folder"/> directly holds the Synthesis render contract's metadata file or a render's info.json.</summary>
    public static bool IsOutputFolder(string folder)
    {
        var contract = SynthesisOutputContract.Contract;
        return File.Exists(Path.Combine(folder, contract.MetadataFile))
            || contract.Anchor.Suffixes.Any(suffix => Directory.EnumerateFiles(folder, "*." + suffix).Any());
    }

    public async Task<IReadOnlyList<FileCheckResult>> CheckAsync(string folder, IProgress<FolderProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var parts = await CheckPartsAsync(folder, FolderShare.All, progress, cancellationToken).ConfigureAwait(false);
        return FolderPart.Combine(parts);
    }

    /// <summary>
    /// Checks the parts of <paramref name="folder"/> that <paramref name="share"/> owns; the parts of every share,
    /// combined (<see cref="FolderPart.Combine"/>), are the report of <see cref="CheckAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<FolderPart>> CheckPartsAsync(string folder, FolderShare share, IProgress<FolderProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var listing = FolderListing.List(folder, _contract, _options.Root);
        var (results, renders, infoFiles, metadataPath) = (listing.Findings, listing.Renders, listing.InfoFiles, listing.MetadataPath);
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
                        Add(new Finding(FolderFindingCodes.DuplicateRenderLine, Severity.Error, "/render_id",
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
        var checkedRenders = OrderedWork.Run(owned.Count, _options.Parallelism, () => new RenderCheck.Worker(_options), (worker, i) =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (path, name) = infoFiles[owned[i]];
            var line = metadataPath is null ? null : FindLine(lines, firstLineOfRender, name);
            bool lineIsOtherProducts = line is null && otherProductRenders.Contains(name.RenderId);
            var render = _renders.Check(worker, path, name, renders[name.Key], metadataPath is not null && !lineIsOtherProducts, line);
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
                withoutFiles.Add(new Finding(FolderFindingCodes.LineWithoutFiles, Severity.Error, "/render_id",
                    $"render {key} has no files in the folder (expected {key.RenderId}.{_contract.Anchor.Suffixes[0]} or {key.RenderId}.cam_<camera>.f_<frame>.{_contract.Anchor.Suffixes[0]})", MetadataCrossCheck.LineOf(facts.LineNumber), 1));
            }

            var metadata = FolderPart.EntryOf(FolderPart.MetadataSection, 0);
            parts.Add(new FolderPart(metadata, 0, true, new FileCheckResult(metadataPath, metadataVersion, lineFindings) { Unlisted = metadataUnlisted }));
            if (withoutFiles.Count > 0) parts.Add(new FolderPart(metadata, FolderPart.LastPart, true, new FileCheckResult(metadataPath, null, withoutFiles)));
        }

        return parts;
    }

    // A line of version 1.4 names camera and frame: files named the later way must match them; files named the early
    // way (render id only) belong to the line with that render id.
    private static MetadataFacts? FindLine(Dictionary<RenderKey, MetadataFacts> lines, Dictionary<long, MetadataFacts> firstLineOfRender, RenderFileName name)
    {
        if (lines.TryGetValue(name.Key, out var exact)) return exact;
        if (name.Key.Camera is null && name.Key.Frame is null) return firstLineOfRender.GetValueOrDefault(name.RenderId);
        return lines.TryGetValue(new RenderKey(name.RenderId, null, null), out var old) ? old : null;
    }

    private static bool HasFiles(Dictionary<RenderKey, List<RenderFile>> renders, HashSet<long> renderIdsWithFiles, RenderKey key) =>
        renders.ContainsKey(key) || renders.ContainsKey(new RenderKey(key.RenderId, null, null))
        || (key.Camera is null && key.Frame is null && renderIdsWithFiles.Contains(key.RenderId));

}
