using System.CommandLine;
using Codec.Cli.Configuration;
using Codec.Cli.Reporting;
using Codec.Cli.Reporting.Html;
using Codec.Cli.Sharding;
using Codec.Formats;
using Codec.Formats.A2f;
using Codec.Formats.Datasets;
using Codec.Formats.Validation;
using Codec.Formats.Validation.Folders;
using Codec.Runtime.Files;
using Codec.Runtime.Findings;
using Codec.Runtime.Json;
using Codec.Runtime.Threading;

namespace Codec.Cli.Commands;

/// <summary>
/// <c>codec validate [paths...]</c>: checks <c>*.info.json</c> files, <c>metadata.jsonl</c> files (streamed) and
/// whole Synthesis output folders (every file, then the files against each other).
/// </summary>
public static class ValidateCommand
{
    /// <summary>Files larger than this are reported, not read: no real info.json comes near it.</summary>
    public const long DefaultMaxFileBytes = InputFile.DefaultMaxBytes;

    /// <summary>Findings listed per metadata.jsonl; the rest are counted.</summary>
    private const int MaxListedLineFindings = 10_000;

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or folders to validate: *.info.json and *.jsonl files; folders are searched recursively, and every folder holding a metadata.jsonl or info.json files is checked as one Synthesis output (cross-file checks included). '-' reads standard input (a metadata.jsonl or an info.json, told apart by --stdin-name or by the content). Default: the sample data shipped with codec.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON document with every finding instead of the readable report." };
        var sarif = new Option<bool>("--sarif") { Description = "Print one SARIF 2.1.0 log (for CI systems) instead of the readable report." };
        var info = new Option<bool>("--info") { Description = "Also list info findings in the readable report." };
        var maxBytes = new Option<long>("--max-file-size") { Description = "Largest file read whole (info.json, masks, meshes; a dataset's WAV and JSON files), in bytes; caches are streamed whatever their size.", DefaultValueFactory = _ => DefaultMaxFileBytes };
        var jobs = new Option<int>("--jobs") { Description = "Cores to check on: info.json files, the renders of a Synthesis output, metadata.jsonl lines and a dataset's files are checked that many at once (the report stays in file order). Default: every core.", DefaultValueFactory = _ => OrderedWork.DefaultParallelism };
        var lenient = new Option<bool>("--lenient-versions") { Description = "Decode an unknown version with the nearest older schema (a warning) instead of reporting an error." };
        var fps = new Option<double?>("--fps") { Description = "Frames per second of an Audio2Face-3D dataset whose caches do not declare it (.npy, .pc2); default 30." };
        var shard = new Option<string?>("--shard") { Description = "Check only the K-th (from 0) of N parts: K/N, or auto/N to take K from JOB_COMPLETION_INDEX (Kubernetes) or SLURM_ARRAY_TASK_ID (Slurm). Parts are whole info.json files, metadata.jsonl files and datasets, and blocks of 256 consecutive renders of an output folder (with the folder's own files in block 0's shard); give every shard the same paths and --out, then codec merge the files. With --out a shard exits 0 once its file is written: the merge gives the verdict." };
        var manifest = new Option<string?>("--manifest") { Description = "A file listing paths to check, one per line ('#' starts a comment); '-' reads the list from standard input." };
        var outFile = new Option<string?>("--out") { Description = "Also write every finding to this Parquet file, for codec merge and for DuckDB, pandas or Spark." };
        var ignore = ControlOptions.Ignore();
        var warningsAsErrors = ControlOptions.WarningsAsErrors();
        var quiet = ControlOptions.Quiet();
        var color = ControlOptions.Color();
        var config = new Option<string?>("--config") { Description = $"A codec.json (suppressions, warnings as errors, tolerances; checked against codec.config.schema.json). Default: the {CodecConfig.FileName} of each folder given, where there is one." };
        var html = new Option<string?>("--html") { Description = "Also write a self-contained HTML report (verdict, findings by code and file, the dataset's distributions) to this file." };
        var baseline = new Option<string?>("--baseline") { Description = "With --html: an earlier run's Parquet file (--out, or codec merge --out) to compare distributions and finding counts with." };
        var stdinName = new Option<string?>("--stdin-name") { Description = "The name reports give standard input ('-'); its extension says what it is (.jsonl: a metadata.jsonl, else an info.json). Default: <stdin>, told apart by content (JSON Lines when its first line is a whole JSON value and more lines follow)." };

        var command = new Command("validate", "Check Synthesis AI info.json and metadata.jsonl files and output folders, and Audio2Face-3D training datasets, against their schemas and rules.")
        {
            paths, json, sarif, info, maxBytes, jobs, lenient, fps, stdinName, shard, manifest, outFile, ignore, warningsAsErrors, quiet, color, config, html, baseline,
        };
        command.SetAction(parse => Run(parse.GetValue(paths) ?? Array.Empty<string>(), new ValidateSettings
        {
            AsJson = parse.GetValue(json),
            AsSarif = parse.GetValue(sarif),
            ShowInfo = parse.GetValue(info),
            MaxFileBytes = parse.GetValue(maxBytes),
            Jobs = parse.GetValue(jobs),
            LenientVersions = parse.GetValue(lenient),
            FramesPerSecond = parse.GetValue(fps),
            StdinName = parse.GetValue(stdinName),
            Shard = parse.GetValue(shard),
            Manifest = parse.GetValue(manifest),
            Out = parse.GetValue(outFile),
            Ignore = parse.GetValue(ignore) ?? [],
            WarningsAsErrors = parse.GetValue(warningsAsErrors),
            Quiet = parse.GetValue(quiet),
            Color = parse.GetValue(color),
            Config = parse.GetValue(config),
            Html = parse.GetValue(html),
            Baseline = parse.GetValue(baseline),
            IsTerminal = !Console.IsOutputRedirected,
            ShowProgress = !Console.IsErrorRedirected,
            PlainProgress = Console.IsErrorRedirected,
        }, Console.Out, Console.Error));
        return command;
    }

    /// <summary>Runs the command with default settings (see <see cref="Run(IReadOnlyList{string}, ValidateSettings, TextWriter, TextWriter)"/>).</summary>
    public static int Run(IReadOnlyList<string> paths, bool asJson, bool showInfo, long maxFileBytes, TextWriter stdout, TextWriter stderr) =>
        Run(paths, new ValidateSettings { AsJson = asJson, ShowInfo = showInfo, MaxFileBytes = maxFileBytes }, stdout, stderr);

    /// <summary>Runs the command; returns 0 (no errors), 1 (errors found) or 2 (usage or I/O problem).</summary>
    public static int Run(IReadOnlyList<string> paths, ValidateSettings settings, TextWriter stdout, TextWriter stderr)
    {
        // A document is decoded from one contiguous buffer, so no file can be larger than an array can be.
        if (settings.MaxFileBytes < 1 || settings.MaxFileBytes > Array.MaxLength)
        {
            stderr.WriteLine($"codec: --max-file-size must be between 1 and {Array.MaxLength} bytes");
            return 2;
        }

        if (settings.AsJson && settings.AsSarif)
        {
            stderr.WriteLine("codec: give --json or --sarif, not both");
            return 2;
        }

        if (settings.FramesPerSecond is { } fps && !(fps > 0 && fps <= 1000))
        {
            stderr.WriteLine("codec: --fps must be between 0 and 1000");
            return 2;
        }

        if (settings.Jobs is < 1 or > 256)
        {
            stderr.WriteLine("codec: --jobs must be between 1 and 256");
            return 2;
        }

        if (RunReport.Colour(settings.Color, settings.IsTerminal, settings.Environment) is not { } colour)
        {
            stderr.WriteLine("codec: --color is auto, always or never");
            return 2;
        }

        if (settings.Baseline is not null && settings.Html is null)
        {
            stderr.WriteLine("codec: --baseline compares in the HTML report: give --html FILE too");
            return 2;
        }

        // A token that looks like an option but is none would otherwise be taken for a path ("no such file: --quiet").
        if (paths.FirstOrDefault(p => p.Length > 1 && p[0] == '-') is { } unknown)
        {
            stderr.WriteLine($"codec: unknown option {unknown} (codec validate --help lists them; a file whose name starts with '-' is ./{unknown})");
            return 2;
        }

        var shard = ShardSpec.Whole;
        if (settings.Shard is { } shardText)
        {
            if (ShardSpec.Parse(shardText, settings.Environment, out string shardError) is not { } parsed)
            {
                stderr.WriteLine("codec: " + shardError);
                return 2;
            }

            shard = parsed;
        }

        if (settings.Manifest is { } manifestPath)
        {
            if (manifestPath == StandardInput.Argument && paths.Contains(StandardInput.Argument))
            {
                stderr.WriteLine("codec: standard input cannot be both the manifest and a file to check");
                return 2;
            }

            if (Manifest.Read(manifestPath, settings.OpenStandardInput, out string manifestError) is not { } listed)
            {
                stderr.WriteLine("codec: " + manifestError);
                return 2;
            }

            paths = [.. paths, .. listed];
            if (paths.Count == 0)
            {
                stderr.WriteLine($"codec: the manifest {manifestPath} lists no path");
                return 2;
            }
        }

        if (InputPaths.Distinct(paths, out string pathError) is not { } distinct)
        {
            stderr.WriteLine("codec: " + pathError);
            return 2;
        }

        paths = distinct;
        if (settings.Out is { } outCandidate && OutputFile.Refusal([outCandidate], paths.Where(p => p != StandardInput.Argument).ToArray(), overwrite: true) is { } outRefusal)
        {
            stderr.WriteLine("codec: " + outRefusal);
            return 2;
        }

        if (paths.Count == 0)
        {
            string samples = Path.Combine(AppContext.BaseDirectory, "SampleData");
            if (!Directory.Exists(samples))
            {
                stderr.WriteLine($"codec: no path given and no sample data at {samples}");
                return 2;
            }

            // Said on standard error, so that an empty $DATA in a CI script is not mistaken for a clean dataset.
            stderr.WriteLine($"codec: no path given; checking the sample data shipped with codec ({samples})");
            paths = new[] { samples };
        }

        if (RunControls.Load(paths, settings.Config, settings.Ignore, settings.WarningsAsErrors, out string controlError) is not { } controls)
        {
            stderr.WriteLine("codec: " + controlError);
            return 2;
        }

        if (settings.Html is { } htmlPath)
        {
            string[] inputs = [.. paths.Where(p => p != StandardInput.Argument), .. settings.Out is null ? Array.Empty<string>() : [settings.Out]];
            if (OutputFile.Refusal([htmlPath], inputs, overwrite: true) is { } htmlRefusal)
            {
                stderr.WriteLine("codec: " + htmlRefusal);
                return 2;
            }
        }

        ShardResult? baselineRun = null;
        if (settings.Baseline is { } baselinePath && (baselineRun = ShardFile.ReadFile(baselinePath, out string baselineError)) is null)
        {
            stderr.WriteLine("codec: --baseline " + baselineError);
            return 2;
        }

        var targets = new List<Target>();
        // Folders the walk could not enter or would not follow (links out of the checked folder) are reported too.
        var walkProblems = new List<FileCheckResult>();
        foreach (var path in paths)
        {
            if (path == StandardInput.Argument)
            {
                if (targets.Any(t => t.Input is not null))
                {
                    stderr.WriteLine("codec: '-' (standard input) can be given once");
                    return 2;
                }

                var (jsonLines, input) = StandardInput.Open(settings.OpenStandardInput(), settings.StdinName);
                targets.Add(new Target(jsonLines ? TargetKind.MetadataFile : TargetKind.InfoFile, settings.StdinName ?? StandardInput.DefaultName)
                {
                    Input = input,
                    KindGuessed = settings.StdinName is null,
                });
            }
            else if (File.Exists(path))
            {
                // A file of a render or a dataset (an image, a cache, audio) is checked with its folder, against the
                // files beside it: said so, rather than read as a JSON document that it is not.
                if (PartOfAFolder(path) is { } extension)
                {
                    stderr.WriteLine($"codec: {path} is a {extension} file; validate reads info.json and metadata.jsonl files, and checks images, masks, meshes, caches and audio with the folder they belong to: give the render's output folder or the Audio2Face-3D dataset's folder (codec inspect {path} describes the file alone)");
                    return 2;
                }

                targets.Add(new Target(path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ? TargetKind.MetadataFile : TargetKind.InfoFile, path));
            }
            else if (Directory.Exists(path))
            {
                var datasets = new List<string>();
                var problems = new List<FileCheckResult>();
                foreach (var dir in FolderWalk.Folders(path, (where, finding) => problems.Add(new FileCheckResult(where, null, [finding]))))
                {
                    // Inside an Audio2Face-3D dataset every file is the dataset's; nothing there is a Synthesis output.
                    if (datasets.Any(d => dir.StartsWith(d + Path.DirectorySeparatorChar, StringComparison.Ordinal))) continue;
                    if (A2fDataset.Recognizes(dir))
                    {
                        datasets.Add(dir);
                        targets.Add(new Target(TargetKind.Dataset, dir));
                    }
                    else if (SynthesisFolderChecker.IsOutputFolder(dir))
                    {
                        targets.Add(new Target(TargetKind.Folder, dir) { Root = path });
                    }
                }

                // A dataset reports its own links and folders, relative to its root.
                walkProblems.AddRange(problems.Where(p => !datasets.Any(d => p.Path.StartsWith(d + Path.DirectorySeparatorChar, StringComparison.Ordinal))));
            }
            else
            {
                stderr.WriteLine($"codec: no such file or folder: {path}");
                return 2;
            }
        }

        if (targets.Count == 0 && walkProblems.Count == 0)
        {
            stderr.WriteLine($"codec: nothing to check in {string.Join(", ", paths)}: no info.json, metadata.jsonl, Synthesis output folder or Audio2Face-3D dataset there");
            return 2;
        }

        var decode = new DecodeOptions
        {
            UnknownVersions = settings.LenientVersions ? UnknownVersionPolicy.NearestLower : UnknownVersionPolicy.Reject,
            // The readable report lists info findings only with --info: the others are not worth locating. A shard file
            // and an HTML report hold every finding located, whatever the merge or the reader will show.
            LocateFrom = settings.AsJson || settings.AsSarif || settings.ShowInfo || settings.Out is not null || settings.Html is not null ? Severity.Info : Severity.Warning,
        };
        var metadataOptions = new MetadataFileOptions { Parallelism = settings.Jobs, Decode = decode };
        // Unit 0 is what the folder walk found (links out, unreadable folders), then one unit per target. A shard checks
        // the units it owns; the reports keep their unit, so that a merge restores the order of one run.
        // A Synthesis output folder is shared among the shards by blocks of renders (see FolderShareOf); every other
        // unit is checked whole by one shard.
        var unitKeys = targets.Select(t => t.Kind + ":" + t.Path).ToList();
        var owned = Enumerable.Range(0, targets.Count).Where(i => targets[i].Kind == TargetKind.Folder || shard.Owns(unitKeys[i])).Select(i => (Unit: i + 1, Target: targets[i])).ToList();
        var units = new List<UnitReports>();
        if (shard.Index == 0 && walkProblems.Count > 0) units.Add(UnitReports.Whole(0, walkProblems));
        // --quiet asks for the totals line and nothing else: no progress either.
        bool showProgress = !settings.Quiet && (settings.ShowProgress || settings.PlainProgress);
        using var progress = new ProgressLine(showProgress ? stderr : null, plain: !settings.ShowProgress);
        for (int t = 0; t < owned.Count; t++)
        {
            var (unit, target) = owned[t];
            switch (target.Kind)
            {
                case TargetKind.InfoFile:
                    // Consecutive info.json files are independent: checked on every core, reported in their order.
                    int end = t;
                    while (end + 1 < owned.Count && owned[end + 1].Target.Kind == TargetKind.InfoFile) end++;
                    var files = owned.GetRange(t, end - t + 1);
                    var checkedFiles = OrderedWork.Run(files.Count, settings.Jobs, () => new InfoFileWorker(decode),
                        (worker, i) => CheckInfoFile(worker, files[i].Target, settings.MaxFileBytes));
                    for (int i = 0; i < files.Count; i++) units.Add(UnitReports.Whole(files[i].Unit, [checkedFiles[i]]));
                    t = end;
                    break;
                case TargetKind.MetadataFile:
                    units.Add(UnitReports.Whole(unit, [CheckMetadataFile(target, metadataOptions)]));
                    break;
                case TargetKind.Folder:
                    var checker = new SynthesisFolderChecker(controls.Tolerances(target.Path, new FolderCheckOptions
                    {
                        MaxFileBytes = settings.MaxFileBytes, Metadata = metadataOptions, Decode = decode, Parallelism = settings.Jobs, Root = target.Root,
                    }));
                    var parts = checker.CheckPartsAsync(target.Path, FolderShareOf(shard, unitKeys[unit - 1], Math.Max(1, settings.RendersPerBlock)), progress.For(target.Path)).GetAwaiter().GetResult();
                    if (parts.Count > 0)
                    {
                        units.Add(new UnitReports(unit, parts));
                    }

                    break;
                case TargetKind.Dataset:
                    var report = progress.For(target.Path);
                    var datasetOptions = new DatasetCheckOptions
                    {
                        FramesPerSecond = settings.FramesPerSecond,
                        Parallelism = settings.Jobs,
                        MaxFileBytes = settings.MaxFileBytes,
                        Progress = report is null ? null : (done, total) => report.Report(new FolderProgress(done, total)),
                    };
                    units.Add(UnitReports.Whole(unit, DatasetValidator.Check(A2fDataset.Contract, target.Path, datasetOptions)));
                    break;
            }
        }

        progress.Clear();
        // Suppressed findings leave the run here, so that the shard file, the HTML and the printed report agree.
        long suppressed = 0;
        units = units.Select(u => u with { Parts = u.Parts.Select(p =>
        {
            var (kept, silenced) = controls.Policy.Apply([p.Result]);
            suppressed += silenced;
            return p with { Result = kept[0] };
        }).ToList() }).ToList();
        var result = new ShardResult(shard.Count, new SortedSet<int> { shard.Index }, targets.Count + 1, Fingerprint(unitKeys), units);
        if (settings.Out is { } outPath)
        {
            // Written aside and moved into place: a shard that fails leaves no half-written file for the merge to read.
            bool written = OutputFile.Write([outPath], overwrite: true, aside =>
            {
                using (var output = File.Create(aside[0])) ShardFile.Write(output, result);
                using var again = File.OpenRead(aside[0]);
                return ShardFile.Read(again, out _) is { } read && read.Reports().Count == result.Reports().Count;
            });
            if (!written)
            {
                stderr.WriteLine($"codec: the shard file written for {outPath} does not read back; nothing was put in place");
                return 2;
            }
        }

        var reports = result.Reports();
        if (settings.Html is { } htmlOut && !HtmlReport.WriteFile(htmlOut, new ReportInput(reports, paths, suppressed, controls.Policy, baselineRun?.Reports(), settings.Baseline), stderr)) return 2;
        RunReport.Write(stdout, reports, settings.AsSarif ? ReportFormat.Sarif : settings.AsJson ? ReportFormat.Json : ReportFormat.Readable,
            new ReadableStyle { ShowInfo = settings.ShowInfo, Quiet = settings.Quiet, Colour = colour, Suppressed = suppressed, WarningsAsErrors = controls.Policy.WarningsAsErrors });
        // A shard's findings are data for the merge, which gives the run's verdict: a shard that wrote its file has
        // done its work (a scheduler would otherwise retry every shard that found an error).
        if (settings.Shard is not null && settings.Out is not null) return 0;
        return controls.Policy.ExitCode(reports);
    }

    /// <summary>Renders of consecutive ids shared as one block by default: a small folder stays whole in one shard.</summary>
    public const int DefaultRendersPerBlock = 256;

    /// <summary>
    /// The part of a Synthesis output folder a shard checks: the renders whose block (render id / renders per block) it
    /// owns, and the folder's own part (listing, metadata.jsonl, lines without files) when it owns block 0. A job's
    /// renders spread over every shard; a folder of fewer renders than a block is one shard's, whole.
    /// </summary>
    private static FolderShare FolderShareOf(ShardSpec shard, string folderKey, int rendersPerBlock) =>
        new(render => shard.Owns(folderKey + "#" + (render.RenderId / rendersPerBlock).ToString(System.Globalization.CultureInfo.InvariantCulture)), shard.Owns(folderKey + "#0"));

    /// <summary>
    /// What every shard of a run must agree on: the units it found, in order. Shards of different paths, or of a
    /// dataset that changed between them, differ here, and a merge refuses to put them together.
    /// </summary>
    private static string Fingerprint(IReadOnlyList<string> unitKeys) =>
        Convert.ToHexStringLower(System.IO.Hashing.XxHash3.Hash(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", unitKeys))));

    // What one thread needs to check info.json files: a decoder and a reusable read buffer.
    private sealed class InfoFileWorker(DecodeOptions decode)
    {
        public readonly DocumentChecker Checker = new(BuiltInFormats.CreateSynthesisInfo(decode), decode);
        public byte[] Buffer = Array.Empty<byte>();
    }

    private static FileCheckResult CheckInfoFile(InfoFileWorker worker, Target target, long maxFileBytes)
    {
        string file = target.Path;
        try
        {
            var findings = new List<Finding>();
            int length = target.Input is { } input
                ? InputFile.ReadAll(input, maxFileBytes, ref worker.Buffer, findings)
                : InputFile.ReadAll(file, maxFileBytes, ref worker.Buffer, findings);
            if (length < 0) return new FileCheckResult(file, null, findings);
            var result = worker.Checker.Check(worker.Buffer.AsSpan(0, length));
            var told = result.Findings;
            // One line on standard input looks like an info.json: when it is not one, say how to name a metadata line.
            if (target.KindGuessed && result.IsOtherProduct)
            {
                told = told.Select(f => f.Code == FindingCodes.OtherProduct
                    ? f with { Message = f.Message + $"; standard input was read as an info.json: if it is a metadata.jsonl line, give --stdin-name metadata.jsonl" }
                    : f).ToList();
            }

            return new FileCheckResult(file, result.Version, told) { Unlisted = result.Unlisted };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileCheckResult(file, null, new[] { InputFile.Unreadable(e) });
        }
    }

    private static FileCheckResult CheckMetadataFile(Target target, MetadataFileOptions options)
    {
        string file = target.Path;
        var findings = new List<Finding>();
        var unlisted = FindingCounts.None;
        try
        {
            void OnLine(MetadataLineResult line)
            {
                unlisted += line.Unlisted;
                foreach (var f in line.Findings)
                {
                    if (findings.Count >= MaxListedLineFindings) unlisted = unlisted.Add(f.Severity);
                    else if (f.Line > 0 && findings.Count > 0 && f.Line < findings[^1].Line) findings.Insert(findings.FindIndex(g => g.Line > f.Line), f); // one told at the end, in line order
                    else findings.Add(f);
                }
            }

            var summary = (target.Input is { } input
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

    // The extensions of the binary files renders and datasets hold (what codec inspect reads besides JSON).
    private static readonly string[] FolderFileExtensions = [".png", ".tif", ".tiff", ".exr", ".obj", ".wav", ".npy", ".npz", ".pc2", ".xml", ".mc", ".mcx"];

    private static string? PartOfAFolder(string path)
    {
        string extension = Path.GetExtension(path).ToLowerInvariant();
        return FolderFileExtensions.Contains(extension) ? extension : null;
    }

    private enum TargetKind
    {
        InfoFile,
        MetadataFile,
        Folder,
        Dataset,
    }

    private sealed record Target(TargetKind Kind, string Path)
    {
        /// <summary>The path given on the command line that this target was found under.</summary>
        public string? Root { get; init; }

        /// <summary>Standard input, when this target is '-'; <see cref="Path"/> is then the name reports give it.</summary>
        public Stream? Input { get; init; }

        /// <summary>Standard input whose kind was told by its content (no --stdin-name).</summary>
        public bool KindGuessed { get; init; }
    }
}
