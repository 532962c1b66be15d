using System.CommandLine;
using Codec.Cli.Configuration;
using Codec.Cli.Reporting;
using Codec.Cli.Reporting.Html;
using Codec.Cli.Sharding;
using Codec.Runtime.Files;

namespace Codec.Cli.Commands;

/// <summary>
/// <c>codec report &lt;run files…&gt; -o report.html</c>: the HTML report of a run from its Parquet files — one
/// <c>codec validate --out</c> file, a merge's, or every shard of a sharded run (merged as <c>codec merge</c> merges
/// them) — optionally against an earlier run's file (<c>--baseline</c>).
/// </summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("runs") { Description = "The run's Parquet files: codec validate --out, codec merge --out, or every shard of one run.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("-o", "--output") { Description = "The HTML file to write.", Required = true };
        var baseline = new Option<string?>("--baseline") { Description = "An earlier run's Parquet file, to show what moved since." };
        var controls = new ControlOptions();
        var force = new Option<bool>("--force") { Description = "Overwrite an existing report file (never one of the run's files)." };
        var command = new Command("report", "Write the HTML report of a run from its Parquet files (codec validate --out, codec merge --out, or its shards).") { files, output, baseline, controls.Ignore, controls.WarningsAsErrors, force };
        command.SetAction(parse => Run(parse.GetValue(files)!, parse.GetValue(output)!, parse.GetValue(baseline), parse.GetValue(controls.Ignore) ?? [], parse.GetValue(controls.WarningsAsErrors), Console.Out, Console.Error,
            parse.GetValue(force)));
        return command;
    }

    /// <summary>
    /// When written, the exit code validate gives the same run (0 clean, 1 errors, or warnings with
    /// --warnings-as-errors): the page and the exit code say the same. 2 for unreadable or mismatched files, or an
    /// existing output without <paramref name="force"/>.
    /// </summary>
    public static int Run(IReadOnlyList<string> files, string output, string? baseline, IReadOnlyList<string> ignore, bool warningsAsErrors, TextWriter stdout, TextWriter stderr,
        bool force = false)
    {
        if (!output.EndsWith(".html", StringComparison.OrdinalIgnoreCase) && !output.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
        {
            stderr.WriteLine("codec: the report is an HTML file (name it *.html)");
            return 2;
        }

        string[] inputs = [.. files, .. baseline is null ? Array.Empty<string>() : [baseline]];
        if (OutputFile.Refusal([output], inputs, overwrite: force) is { } refusal)
        {
            stderr.WriteLine("codec: " + refusal);
            return 2;
        }

        if (RunControls.Load([], null, ignore, warningsAsErrors, out string controlError) is not { } controls)
        {
            stderr.WriteLine("codec: " + controlError);
            return 2;
        }

        // The shard files are streamed: once to count the run (a damaged file stops it before anything is written),
        // then twice for the page (its statistics, then the findings it lists). The baseline is read through first too.
        using var run = ShardMerge.Open(files, out string openError);
        if (run is null)
        {
            stderr.WriteLine("codec: " + openError);
            return 2;
        }

        if (MergeCommand.Tally(run, controls.Policy, out string damage) is not { } tally)
        {
            stderr.WriteLine("codec: " + damage);
            return 2;
        }

        string baselineError = "";
        using var earlier = baseline is null ? null : ShardMerge.OpenChecked([baseline], out baselineError);
        if (baseline is not null && earlier is null)
        {
            stderr.WriteLine("codec: --baseline " + baselineError);
            return 2;
        }

        var baselineReports = earlier is null ? null : MergeCommand.Kept(earlier, controls.Policy);
        try
        {
            if (!HtmlReport.WriteFile(output, new ReportInput(MergeCommand.Kept(run, controls.Policy), files, tally.Suppressed, controls.Policy, baselineReports, baseline), stderr)) return 2;
        }
        catch (ShardFileException e)
        {
            stderr.WriteLine("codec: " + e.Message);
            return 2;
        }

        var header = run.Header;
        if (!header.IsComplete)
            stderr.WriteLine($"codec: {output} shows shards {string.Join(", ", header.Covered)} of {header.ShardCount}: the others are missing");
        stdout.WriteLine($"{output}: {tally.Files} files, {tally.Errors} errors, {tally.Warnings} warnings{(baseline is null ? "" : ", compared with " + baseline)}");
        return tally.ExitCode(controls.Policy.WarningsAsErrors);
    }
}
