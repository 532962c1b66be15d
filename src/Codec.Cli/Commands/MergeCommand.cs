using System.CommandLine;
using Codec.Cli.Reporting;
using Codec.Cli.Sharding;
using Codec.Formats.Validation;
using Codec.Formats.Validation.Runs;
using Codec.Runtime.Files;

namespace Codec.Cli.Commands;

/// <summary>
/// <c>codec merge &lt;shard files…&gt;</c>: puts the shard files of one sharded <c>codec validate</c> together. With every
/// shard present it prints exactly what one run over everything prints (the same findings in the same order, in the
/// same format) and exits with the same code. <c>--out</c> writes the merge as a shard file of its own instead, so
/// that a tree of merges serves thousands of shards: merging is associative, and any grouping gives the same result.
/// The shard files are streamed (<see cref="ShardMerge"/>): the merge holds one unit at a time, whatever the run's size.
/// </summary>
public static class MergeCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("shards") { Description = "Shard files written by codec validate --shard K/N --out (or by codec merge --out).", Arity = ArgumentArity.OneOrMore };
        InputPaths.RefuseUnknownOptions(files, "merge");
        var output = new Option<string?>("--out") { Description = "Write the merge as a shard file (for a further merge) instead of printing the report." };
        var printed = new OutputOptions();
        var controls = new ControlOptions();
        var command = new Command("merge", "Merge the shard files of a sharded codec validate into the result of one run.") { files, output };
        printed.AddTo(command);
        foreach (var option in controls.All) command.Options.Add(option);
        command.SetAction(parse =>
        {
            bool colour = RunReport.Colour(parse.GetValue(printed.Color), CommandConsole.OutputIsTerminal, Environment.GetEnvironmentVariable) ?? false;
            if (Configuration.RunControls.Load([], null, parse.GetValue(controls.Ignore) ?? [], parse.GetValue(controls.WarningsAsErrors), out string controlError) is not { } run)
            {
                Console.Error.WriteLine("codec: " + controlError);
                return 2;
            }

            bool showInfo = parse.GetValue(printed.Info);
            return Run(parse.GetValue(files)!, printed.Format(parse), showInfo, parse.GetValue(output), Console.Out, Console.Error,
                run.Policy, new ReadableStyle { ShowInfo = showInfo, Quiet = parse.GetValue(printed.Quiet), Colour = colour });
        });
        return command;
    }

    /// <summary>0, 1 or 2 as the single run would give; 2 also for unreadable, mismatched or overlapping shard files, or missing shards.</summary>
    public static int Run(IReadOnlyList<string> files, ReportFormat format, bool showInfo, string? output, TextWriter stdout, TextWriter stderr,
        ReportPolicy? policy = null, ReadableStyle? style = null)
    {
        policy ??= ReportPolicy.None;
        if (files.Count == 0)
        {
            stderr.WriteLine("codec: give the shard files to merge");
            return 2;
        }

        if (InputPaths.UnknownOption(files, "merge") is { } unknown)
        {
            stderr.WriteLine("codec: " + unknown);
            return 2;
        }

        if (output is not null && OutputFile.Refusal([output], files, overwrite: true) is { } refusal)
        {
            stderr.WriteLine("codec: " + refusal);
            return 2;
        }

        using var merge = ShardMerge.Open(files, out string openError);
        if (merge is null)
        {
            stderr.WriteLine("codec: " + openError);
            return 2;
        }

        var header = merge.Header;
        if (output is not null)
        {
            long rows = 0;
            string? damage = null;
            bool written = OutputFile.Write([output], overwrite: true, aside =>
            {
                try
                {
                    using (var stream = File.Create(aside[0])) rows = ShardFile.Write(stream, header, merge.Units());
                }
                catch (ShardFileException e)
                {
                    damage = e.Message;
                    return false;
                }

                return ShardFile.ReadsBack(aside[0], header, rows);
            });
            if (damage is not null)
            {
                stderr.WriteLine("codec: " + damage);
                return 2;
            }

            if (!written)
            {
                stderr.WriteLine($"codec: what was written for {output} does not read back; nothing was put in place");
                return 2;
            }

            stderr.WriteLine($"codec: {output} holds shards {Ranges(header.Covered)} of {header.ShardCount}");
            return 0;
        }

        // JSON and SARIF begin with the totals: a first pass counts the run (and finds a damaged file before anything
        // is printed), the second prints. The readable report ends with them: one pass prints and counts, and a damaged
        // file stops it where it is.
        RunTally tally;
        IEnumerable<FileCheckResult> reports;
        if (RunReport.NeedsTallyFirst(format))
        {
            if (Tally(merge, policy, out string damaged) is not { } counted)
            {
                stderr.WriteLine("codec: " + damaged);
                return 2;
            }

            (tally, reports) = (counted, Kept(merge, policy, facts: false));
        }
        else
        {
            tally = new RunTally();
            reports = Counted(merge, policy, tally);
        }

        try
        {
            RunReport.Write(stdout, reports, tally, format, (style ?? ReadableStyle.Plain with { ShowInfo = showInfo }) with { WarningsAsErrors = policy.WarningsAsErrors });
        }
        catch (ShardFileException e)
        {
            stdout.Flush();
            stderr.WriteLine($"codec: {e.Message}; {(RunReport.NeedsTallyFirst(format) ? "the file changed while it was merged: what was printed is not the run's" : "the report stops there")}");
            return 2;
        }

        if (!header.IsComplete)
        {
            var missing = Enumerable.Range(0, header.ShardCount).Where(k => !header.Covered.Contains(k)).ToList();
            stderr.WriteLine($"codec: shard(s) {Ranges(missing)} of {header.ShardCount} are missing: this is part of the run, not all of it");
            return 2;
        }

        return tally.ExitCode(policy.WarningsAsErrors);
    }

    /// <summary>The merged run's reports as <paramref name="policy"/> keeps them, streamed from the shard files (with their facts, for a report's statistics).</summary>
    public static IEnumerable<FileCheckResult> Kept(ShardMerge merge, ReportPolicy policy, bool facts = true) => merge.Reports(facts).Select(r => policy.Apply(r).Kept);

    /// <summary>The merged run counted in one read through its shard files; null with <paramref name="damage"/> when one is damaged.</summary>
    public static RunTally? Tally(ShardMerge merge, ReportPolicy policy, out string damage)
    {
        damage = "";
        var tally = new RunTally();
        try
        {
            foreach (var _ in Counted(merge, policy, tally))
            {
            }

            return tally;
        }
        catch (ShardFileException e)
        {
            damage = e.Message;
            return null;
        }
    }

    // The merged run's reports as the policy keeps them (findings only), each counted into the tally as it goes by.
    private static IEnumerable<FileCheckResult> Counted(ShardMerge merge, ReportPolicy policy, RunTally tally)
    {
        foreach (var report in merge.Reports(facts: false))
        {
            var (kept, suppressed) = policy.Apply(report);
            tally.Add(kept);
            tally.Suppressed += suppressed;
            yield return kept;
        }
    }

    // 0-3, 5, 7-9
    private static string Ranges(IEnumerable<int> values)
    {
        var parts = new List<string>();
        var sorted = values.Order().ToList();
        for (int i = 0; i < sorted.Count;)
        {
            int j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1) j++;
            parts.Add(i == j ? sorted[i].ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{sorted[i]}-{sorted[j]}");
            i = j + 1;
        }

        return string.Join(", ", parts);
    }
}
