using Codec.Formats.A2f;
using Codec.Formats.Datasets;
using Codec.Formats.Validation.Folders;
using Codec.Runtime.Files;
using Codec.Runtime.Findings;
using Codec.Runtime.Json;
using Codec.Runtime.Threading;

namespace Codec.Formats.Validation.Runs;

/// <summary>
/// Which parts of a run this process checks when several processes (shards) share it: the units it looks at (those it
/// owns whole, and the Synthesis output folders shared by blocks), which part of each such folder (blocks of renders,
/// and the folder's own files), and whether it reports what the folder walk found. <see cref="All"/>: everything, one run.
/// </summary>
public sealed record RunShare(Func<CheckUnit, bool> OwnsUnit, Func<CheckUnit, FolderShare> FolderShareOf, bool OwnsWalk)
{
    public static RunShare All { get; } = new(_ => true, _ => FolderShare.All, true);
}

/// <summary>What a run found: each unit's reports, in the run's order, and how many findings were suppressed.</summary>
public sealed record RunResult(IReadOnlyList<UnitReports> Units, long Suppressed)
{
    /// <summary>The run's reports, unit after unit, each unit's in the order of its files.</summary>
    public IReadOnlyList<FileCheckResult> Reports() => Units.SelectMany(u => u.Reports()).ToList();
}

/// <summary>
/// The one engine of <c>codec validate</c>, its library callers and its shards: checks each unit by its kind — an
/// info.json (consecutive ones on every core), a metadata.jsonl (streamed), a Synthesis output folder (by the render
/// contract, the blocks of renders a share owns) and a dataset (by its layout) — and returns every file's one result,
/// with suppressed findings already left out.
/// </summary>
public static class RunChecker
{
    /// <summary>
    /// Checks what <paramref name="found"/> holds that <paramref name="share"/> owns (everything by default). Unit 0 is
    /// what the folder walk found (links out, unreadable folders), then one unit per found unit, in order: a shard's
    /// reports keep their unit, so that a merge restores the order of one run.
    /// </summary>
    public static RunResult Check(FoundUnits found, RunOptions options, RunShare? share = null)
    {
        share ??= RunShare.All;
        // A Synthesis output folder shared among the shards by blocks of renders is every shard's to look at (each checks
        // its blocks); every other unit is checked whole by one.
        var units = Enumerable.Range(0, found.Units.Count)
            .Where(i => share.OwnsUnit(found.Units[i]))
            .Select(i => (Unit: i + 1, Check: found.Units[i])).ToList();
        var metadataOptions = new MetadataFileOptions { Parallelism = options.Jobs, Decode = options.Decode };
        var reports = new List<UnitReports>();
        long suppressed = 0;
        void Add(UnitReports unit)
        {
            if (options.Suppress is { } suppress)
            {
                unit = unit with { Parts = unit.Parts.Select(p =>
                {
                    var (kept, silenced) = suppress(p.Result);
                    suppressed += silenced;
                    return p with { Result = kept };
                }).ToList() };
            }

            reports.Add(unit);
        }

        if (share.OwnsWalk && found.WalkProblems.Count > 0) Add(UnitReports.Whole(0, found.WalkProblems));
        for (int t = 0; t < units.Count; t++)
        {
            var (unit, check) = units[t];
            switch (check.Kind)
            {
                case UnitKind.InfoFile:
                    // Consecutive info.json files are independent: checked on every core, reported in their order.
                    int end = t;
                    while (end + 1 < units.Count && units[end + 1].Check.Kind == UnitKind.InfoFile) end++;
                    var files = units.Skip(t).Take(end - t + 1).ToList();
                    var results = OrderedWork.Run(files.Count, options.Jobs, () => new InfoFileWorker(options.Decode),
                        (worker, i) => CheckInfoFile(worker, files[i].Check, options.MaxFileBytes));
                    for (int i = 0; i < files.Count; i++) Add(UnitReports.Whole(files[i].Unit, [results[i]]));
                    t = end;
                    break;
                case UnitKind.MetadataFile:
                    Add(UnitReports.Whole(unit, [CheckMetadataFile(check, metadataOptions, options.MaxListedLineFindings)]));
                    break;
                case UnitKind.Folder:
                    var checker = new SynthesisFolderChecker(options.FolderOptions(check.Path, new FolderCheckOptions
                    {
                        MaxFileBytes = options.MaxFileBytes, Metadata = metadataOptions, Decode = options.Decode, Parallelism = options.Jobs, Root = check.Root,
                        MaxListedLineFindings = options.MaxListedLineFindings,
                    }));
                    var parts = checker.CheckPartsAsync(check.Path, share.FolderShareOf(check), options.Progress(check.Path)).GetAwaiter().GetResult();
                    if (parts.Count > 0) Add(new UnitReports(unit, parts));
                    break;
                case UnitKind.Dataset:
                    var progress = options.Progress(check.Path);
                    var datasetOptions = new DatasetCheckOptions
                    {
                        FramesPerSecond = options.FramesPerSecond,
                        Parallelism = options.Jobs,
                        MaxFileBytes = options.MaxFileBytes,
                        Progress = progress is null ? null : (done, total) => progress.Report(new FolderProgress(done, total)),
                    };
                    Add(UnitReports.Whole(unit, DatasetValidator.Check(A2fDataset.Contract, check.Path, datasetOptions)));
                    break;
            }
        }

        return new RunResult(reports, suppressed);
    }

    // What one thread needs to check info.json files: a decoder and a reusable read buffer.
    private sealed class InfoFileWorker(DecodeOptions decode)
    {
        public readonly DocumentChecker Checker = new(BuiltInFormats.CreateSynthesisInfo(decode), decode);
        public byte[] Buffer = Array.Empty<byte>();
    }

    private static FileCheckResult CheckInfoFile(InfoFileWorker worker, CheckUnit unit, long maxFileBytes)
    {
        string file = unit.Path;
        try
        {
            var findings = new List<Finding>();
            int length = unit.Input is { } input
                ? InputFile.ReadAll(input, maxFileBytes, ref worker.Buffer, findings)
                : InputFile.ReadAll(file, maxFileBytes, ref worker.Buffer, findings);
            if (length < 0) return new FileCheckResult(file, null, findings);
            var result = worker.Checker.Check(worker.Buffer.AsSpan(0, length));
            var told = result.Findings;
            // One line on standard input looks like an info.json: when it is not one, say how to name a metadata line.
            if (unit.KindGuessed && result.IsOtherProduct)
            {
                told = told.Select(f => f.Code == FindingCodes.OtherProduct
                    ? f with { Message = f.Message + "; standard input was read as an info.json: if it is a metadata.jsonl line, give --stdin-name metadata.jsonl" }
                    : f).ToList();
            }

            return new FileCheckResult(file, result.Version, told) { Unlisted = result.Unlisted };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileCheckResult(file, null, new[] { InputFile.Unreadable(e) });
        }
    }

    private static FileCheckResult CheckMetadataFile(CheckUnit unit, MetadataFileOptions options, int maxListed)
    {
        string file = unit.Path;
        var findings = new List<Finding>();
        var unlisted = FindingCounts.None;
        try
        {
            void OnLine(MetadataLineResult line)
            {
                unlisted += line.Unlisted;
                foreach (var f in line.Findings)
                {
                    if (findings.Count >= maxListed) unlisted = unlisted.Add(f.Severity);
                    else if (f.Line > 0 && findings.Count > 0 && f.Line < findings[^1].Line) findings.Insert(findings.FindIndex(g => g.Line > f.Line), f); // one told at the end, in line order
                    else findings.Add(f);
                }
            }

            var summary = (unit.Input is { } input
                ? MetadataFileChecker.CheckAsync(input, OnLine, options)
                : MetadataFileChecker.CheckFileAsync(file, OnLine, options)).GetAwaiter().GetResult();
            if (unlisted.Total > 0) findings.Add(unlisted.CutShortFinding(findings.Count));
            string? version = summary.Versions.Count == 0 ? null : string.Join(", ", summary.Versions.Keys);
            return new FileCheckResult(file, version, findings) { Unlisted = unlisted };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileCheckResult(file, null, new[] { InputFile.Unreadable(e) });
        }
    }
}
