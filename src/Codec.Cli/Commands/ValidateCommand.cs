using System.CommandLine;
using Codec.Cli.Configuration;
using Codec.Cli.Reporting.Html;
using Codec.Cli.Reporting;
using Codec.Cli.Sharding;
using Codec.Formats.Validation.Folders;
using Codec.Formats.Validation.Runs;
using Codec.Formats.Validation;
using Codec.Runtime.Files;
using Codec.Runtime.Findings;
using Codec.Runtime.Json;

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

    /// <summary>The command as the console runs it.</summary>
    public static Command Create() => Create(CommandConsole.Process);

    /// <summary>The command writing to <paramref name="console"/>'s writers (the native library runs it in-process with <c>--json</c>).</summary>
    public static Command Create(CommandConsole console)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or folders to validate: *.info.json and *.jsonl files; folders are searched recursively, and every folder holding a metadata.jsonl or info.json files is checked as one Synthesis output (cross-file checks included). '-' reads standard input (a metadata.jsonl or an info.json, told apart by --stdin-name or by the content). Default: the sample data shipped with codec.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        InputPaths.RefuseUnknownOptions(paths, "validate");
        var output = new OutputOptions();
        var limits = new LimitOptions();
        var controls = new ControlOptions();
        var shard = new Option<string?>("--shard") { Description = "Check only the K-th (from 0) of N parts: K/N, or auto/N to take K from JOB_COMPLETION_INDEX (Kubernetes) or SLURM_ARRAY_TASK_ID (Slurm). Parts are whole info.json files, metadata.jsonl files and datasets, and blocks of 256 consecutive renders of an output folder (with the folder's own files in block 0's shard), dealt by size; give every shard the same paths and --out, then codec merge the files. With --out a shard exits 0 once its file is written: the merge gives the verdict." };
        var manifest = new Option<string?>("--manifest") { Description = "A file listing paths to check, one per line ('#' starts a comment), each optionally after its size in bytes and a tab (as du -sb writes: a sharded run deals by those sizes); '-' reads the list from standard input." };
        var outFile = new Option<string?>("--out") { Description = "Also write every finding to this Parquet file, for codec merge and for DuckDB, pandas or Spark." };
        var config = new Option<string?>("--config") { Description = $"A codec.json (suppressions, warnings as errors, tolerances; checked against codec.config.schema.json). Default: the {CodecConfig.FileName} of each folder given, where there is one." };
        var html = new Option<string?>("--html") { Description = "Also write a self-contained HTML report (verdict, findings by code and file, the dataset's distributions) to this file." };
        var baseline = new Option<string?>("--baseline") { Description = "With --html: an earlier run's Parquet file (--out, or codec merge --out) to compare distributions and finding counts with." };
        var stdinName = new Option<string?>("--stdin-name") { Description = "The name reports give standard input ('-'); its extension says what it is (.jsonl: a metadata.jsonl, else an info.json). Default: <stdin>, told apart by content (JSON Lines when its first line is a whole JSON value and more lines follow)." };

        var command = new Command("validate", "Check Synthesis AI info.json and metadata.jsonl files and output folders, and Audio2Face-3D training datasets, against their schemas and rules.") { paths };
        output.AddTo(command);
        foreach (var option in limits.All.Concat(controls.All)) command.Options.Add(option);
        foreach (var option in new Option[] { stdinName, shard, manifest, outFile, config, html, baseline }) command.Options.Add(option);
        command.SetAction(parse => Run(parse.GetValue(paths) ?? Array.Empty<string>(), new ValidateSettings
        {
            AsJson = parse.GetValue(output.Json),
            AsSarif = parse.GetValue(output.Sarif),
            ShowInfo = parse.GetValue(output.Info),
            MaxFileBytes = parse.GetValue(limits.MaxFileSize),
            Jobs = parse.GetValue(limits.Jobs),
            LenientVersions = parse.GetValue(limits.LenientVersions),
            FramesPerSecond = parse.GetValue(limits.Fps),
            StdinName = parse.GetValue(stdinName),
            Shard = parse.GetValue(shard),
            Manifest = parse.GetValue(manifest),
            Out = parse.GetValue(outFile),
            Ignore = parse.GetValue(controls.Ignore) ?? [],
            WarningsAsErrors = parse.GetValue(controls.WarningsAsErrors),
            Quiet = parse.GetValue(output.Quiet),
            Color = parse.GetValue(output.Color),
            Config = parse.GetValue(config),
            Html = parse.GetValue(html),
            Baseline = parse.GetValue(baseline),
            IsTerminal = console.IsTerminal,
            ShowProgress = console.ShowProgress,
            PlainProgress = console.PlainProgress,
        }, console.Out, console.Error));
        return command;
    }

    /// <summary>Runs the command with default settings (see <see cref="Run(IReadOnlyList{string}, ValidateSettings, TextWriter, TextWriter)"/>).</summary>
    public static int Run(IReadOnlyList<string> paths, bool asJson, bool showInfo, long maxFileBytes, TextWriter stdout, TextWriter stderr) =>
        Run(paths, new ValidateSettings { AsJson = asJson, ShowInfo = showInfo, MaxFileBytes = maxFileBytes }, stdout, stderr);

    /// <summary>Runs the command; returns 0 (no errors), 1 (errors found) or 2 (usage or I/O problem).</summary>
    public static int Run(IReadOnlyList<string> paths, ValidateSettings settings, TextWriter stdout, TextWriter stderr)
    {
        // The options' own checks (the parser asks them too): a caller that builds settings in code gets the same answers.
        string? problem = LimitOptions.MaxFileSizeProblem(settings.MaxFileBytes) ?? OutputOptions.FormatProblem(settings.AsJson, settings.AsSarif)
            ?? LimitOptions.FpsProblem(settings.FramesPerSecond) ?? LimitOptions.JobsProblem(settings.Jobs) ?? OutputOptions.ColorProblem(settings.Color);
        if (problem is not null)
        {
            stderr.WriteLine("codec: " + problem);
            return 2;
        }

        bool colour = RunReport.Colour(settings.Color, settings.IsTerminal, settings.Environment) ?? false;

        if (settings.Baseline is not null && settings.Html is null)
        {
            stderr.WriteLine("codec: --baseline compares in the HTML report: give --html FILE too");
            return 2;
        }

        if (InputPaths.UnknownOption(paths, "validate") is { } unknown)
        {
            stderr.WriteLine("codec: " + unknown);
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

        // Sizes a manifest gives, by full path: a sharded run deals those units by them instead of listing them.
        Dictionary<string, long>? sizes = null;
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

            paths = [.. paths, .. listed.Select(e => e.Path)];
            foreach (var entry in listed)
            {
                if (entry.Bytes is { } bytes) (sizes ??= new Dictionary<string, long>(StringComparer.Ordinal))[ShardPlan.FullPath(entry.Path)] = bytes;
            }

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

        // The baseline is read through once here (a damaged one stops the run before it starts), then streamed.
        string baselineError = "";
        using var baselineRun = settings.Baseline is { } baselinePath ? ShardMerge.OpenChecked([baselinePath], out baselineError) : null;
        if (settings.Baseline is not null && baselineRun is null)
        {
            stderr.WriteLine("codec: --baseline " + baselineError);
            return 2;
        }

        var standardInput = () =>
        {
            var (jsonLines, input) = StandardInput.Open(settings.OpenStandardInput(), settings.StdinName);
            return new CheckUnit(jsonLines ? UnitKind.MetadataFile : UnitKind.InfoFile, settings.StdinName ?? StandardInput.DefaultName)
            {
                Input = input,
                KindGuessed = settings.StdinName is null,
            };
        };
        if (UnitFinder.Find(paths, standardInput, out string findError) is not { } found)
        {
            stderr.WriteLine("codec: " + findError);
            return 2;
        }

        var (targets, walkProblems) = (found.Units, found.WalkProblems);
        if (targets.Count == 0 && walkProblems.Count == 0)
        {
            stderr.WriteLine($"codec: nothing to check in {string.Join(", ", paths)}: no info.json, metadata.jsonl, Synthesis output folder or Audio2Face-3D dataset there");
            return 2;
        }

        var unitKeys = targets.Select(t => t.Key).ToList();
        // --quiet asks for the totals line and nothing else: no progress either.
        bool showProgress = !settings.Quiet && (settings.ShowProgress || settings.PlainProgress);
        using var progress = new ProgressLine(showProgress ? stderr : null, plain: !settings.ShowProgress);
        var options = new RunOptions
        {
            Jobs = settings.Jobs,
            MaxFileBytes = settings.MaxFileBytes,
            FramesPerSecond = settings.FramesPerSecond,
            MaxListedLineFindings = MaxListedLineFindings,
            Decode = new DecodeOptions
            {
                UnknownVersions = settings.LenientVersions ? UnknownVersionPolicy.NearestLower : UnknownVersionPolicy.Reject,
                // The readable report lists info findings only with --info: the others are not worth locating. A shard file
                // and an HTML report hold every finding located, whatever the merge or the reader will show.
                LocateFrom = settings.AsJson || settings.AsSarif || settings.ShowInfo || settings.Out is not null || settings.Html is not null ? Severity.Info : Severity.Warning,
            },
            FolderOptions = controls.Tolerances,
            // Suppressed findings leave the run as each unit is checked, so that the shard file, the HTML and the printed report agree.
            Suppress = controls.Policy.Ignore.Count == 0 ? null : controls.Policy.Apply,
            Progress = progress.For,
        };
        int rendersPerBlock = Math.Max(1, settings.RendersPerBlock);
        // Shards deal the run's pieces by what they cost; one process checks everything and weighs nothing.
        if (sizes is not null && SizedPathProblem(sizes, targets) is { } sizeProblem)
        {
            stderr.WriteLine("codec: " + sizeProblem);
            return 2;
        }

        var plan = ShardPlan.Deal(shard, shard.Count == 1 ? [] : ShardPlan.Weigh(targets, rendersPerBlock, sizes));
        // An output folder dealt by blocks is every shard's to look at (each checks its blocks); one dealt whole, by its
        // size, is its owner's alone: the other shards do not even list it.
        var share = new RunShare(unit => plan.Owns(unit.Key) || (unit.Kind == UnitKind.Folder && !plan.Dealt(unit.Key)),
            unit => FolderShareOf(plan, unit.Key, rendersPerBlock), OwnsWalk: shard.Index == 0);
        var run = RunChecker.Check(found, options, share);
        progress.Clear();
        long suppressed = run.Suppressed;
        var result = new ShardResult(shard.Count, new SortedSet<int> { shard.Index }, targets.Count + 1, Fingerprint(unitKeys, plan.Pieces), run.Units);
        if (settings.Out is { } outPath)
        {
            // Written aside and moved into place: a shard that fails leaves no half-written file for the merge to read.
            bool written = OutputFile.Write([outPath], overwrite: true, aside =>
            {
                long rows;
                using (var output = File.Create(aside[0])) rows = ShardFile.Write(output, result);
                return ShardFile.ReadsBack(aside[0], result.Header, rows);
            });
            if (!written)
            {
                stderr.WriteLine($"codec: the shard file written for {outPath} does not read back; nothing was put in place");
                return 2;
            }
        }

        // One process's run is in the run's order already: its reports are read as they are, not regrouped as a merge's.
        var reports = run.Reports();
        var tally = RunTally.Of(reports);
        tally.Suppressed = suppressed;
        if (settings.Html is { } htmlOut && !HtmlReport.WriteFile(htmlOut, new ReportInput(reports, paths, suppressed, controls.Policy, baselineRun?.Reports(), settings.Baseline), stderr)) return 2;
        RunReport.Write(stdout, reports, tally, settings.AsSarif ? ReportFormat.Sarif : settings.AsJson ? ReportFormat.Json : ReportFormat.Readable,
            new ReadableStyle { ShowInfo = settings.ShowInfo, Quiet = settings.Quiet, Colour = colour, WarningsAsErrors = controls.Policy.WarningsAsErrors });
        // A shard's findings are data for the merge, which gives the run's verdict: a shard that wrote its file has
        // done its work (a scheduler would otherwise retry every shard that found an error).
        if (settings.Shard is not null && settings.Out is not null) return 0;
        return tally.ExitCode(controls.Policy.WarningsAsErrors);
    }

    /// <summary>Renders of consecutive ids shared as one block by default: a small folder stays whole in one shard.</summary>
    public const int DefaultRendersPerBlock = 256;

    /// <summary>
    /// The part of a Synthesis output folder a shard checks: the renders whose block (render id / renders per block) it
    /// owns, and the folder's own part (listing, metadata.jsonl, lines without files) when it owns block 0. A job's
    /// renders spread over every shard; a folder of fewer renders than a block is one shard's, whole.
    /// </summary>
    private static FolderShare FolderShareOf(ShardPlan plan, string folderKey, int rendersPerBlock) => plan.Dealt(folderKey)
        ? plan.Owns(folderKey) ? FolderShare.All : new FolderShare(_ => false, false)
        : new(render => plan.Owns(ShardPlan.BlockKey(folderKey, render.RenderId / rendersPerBlock)), plan.Owns(ShardPlan.BlockKey(folderKey, 0)));

    /// <summary>
    /// A size in the manifest is a unit's: a path given with a size that holds several units (a job's root), or none,
    /// cannot be dealt by it. Null when every sized path is one unit.
    /// </summary>
    private static string? SizedPathProblem(IReadOnlyDictionary<string, long> sizes, IReadOnlyList<CheckUnit> units)
    {
        var unitPaths = units.Where(u => u.Input is null).Select(u => ShardPlan.FullPath(u.Path)).ToHashSet(StringComparer.Ordinal);
        foreach (var sized in sizes.Keys.Order(StringComparer.Ordinal))
        {
            if (unitPaths.Contains(sized)) continue;
            int inside = unitPaths.Count(p => p.StartsWith(sized + Path.DirectorySeparatorChar, StringComparison.Ordinal));
            return $"the manifest gives a size for {sized}, which holds {(inside == 0 ? "nothing to check" : $"{inside} units")}: sizes are for one unit each (an info.json, a metadata.jsonl, a Synthesis output folder, an Audio2Face-3D dataset); give each unit with its size, or no size";
        }

        return null;
    }

    /// <summary>
    /// What every shard of a run must agree on: the units it found, in order, and the pieces it dealt with their
    /// weights. Shards of different paths, or of files that changed between them (a piece would be dealt differently),
    /// differ here, and a merge refuses to put them together.
    /// </summary>
    private static string Fingerprint(IReadOnlyList<string> unitKeys, IReadOnlyList<ShardPiece> pieces) =>
        Convert.ToHexStringLower(System.IO.Hashing.XxHash3.Hash(System.Text.Encoding.UTF8.GetBytes(
            string.Join("\n", unitKeys.Concat(pieces.Select(p => p.Key + " " + p.Weight.ToString(System.Globalization.CultureInfo.InvariantCulture)))))));
}
