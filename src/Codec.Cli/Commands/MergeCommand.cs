using System.CommandLine;
using Codec.Cli.Reporting;
using Codec.Cli.Sharding;
using Codec.Formats.Validation.Runs;
using Codec.Runtime.Files;

namespace Codec.Cli.Commands;

/// <summary>
/// <c>codec merge &lt;shard files…&gt;</c>: puts the shard files of one sharded <c>codec validate</c> together. With every
/// shard present it prints exactly what one run over everything prints (the same findings in the same order, in the
/// same format) and exits with the same code. <c>--out</c> writes the merge as a shard file of its own instead, so
/// that a tree of merges serves thousands of shards: merging is associative, and any grouping gives the same result.
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
            bool colour = RunReport.Colour(parse.GetValue(printed.Color), !Console.IsOutputRedirected, Environment.GetEnvironmentVariable) ?? false;
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

        if (ReadAll(files, out string readError) is not { } shards)
        {
            stderr.WriteLine("codec: " + readError);
            return 2;
        }

        if (Combine(shards, out string problem) is not { } merged)
        {
            stderr.WriteLine("codec: " + problem);
            return 2;
        }

        if (output is not null)
        {
            bool written = OutputFile.Write([output], overwrite: true, aside =>
            {
                using (var stream = File.Create(aside[0])) ShardFile.Write(stream, merged);
                using var again = File.OpenRead(aside[0]);
                return ShardFile.Read(again, out _) is { } read && read.Covered.SetEquals(merged.Covered);
            });
            if (!written)
            {
                stderr.WriteLine($"codec: what was written for {output} does not read back; nothing was put in place");
                return 2;
            }

            stderr.WriteLine($"codec: {output} holds shards {Ranges(merged.Covered)} of {merged.ShardCount}");
            return 0;
        }

        var (reports, suppressed) = policy.Apply(merged.Reports());
        RunReport.Write(stdout, reports, format, (style ?? ReadableStyle.Plain with { ShowInfo = showInfo }) with { Suppressed = suppressed, WarningsAsErrors = policy.WarningsAsErrors });
        if (!merged.IsComplete)
        {
            var missing = Enumerable.Range(0, merged.ShardCount).Where(k => !merged.Covered.Contains(k)).ToList();
            stderr.WriteLine($"codec: shard(s) {Ranges(missing)} of {merged.ShardCount} are missing: this is part of the run, not all of it");
            return 2;
        }

        return policy.ExitCode(reports);
    }

    /// <summary>Every shard file read, in order; null with <paramref name="error"/> at the first that cannot be.</summary>
    public static List<(string Path, ShardResult Result)>? ReadAll(IReadOnlyList<string> files, out string error)
    {
        error = "";
        var shards = new List<(string Path, ShardResult Result)>();
        foreach (var file in files)
        {
            if (ShardFile.ReadFile(file, out error) is not { } result) return null;
            shards.Add((file, result));
        }

        return shards;
    }

    /// <summary>
    /// The union of shard results of one run: they must have the same shard count and units, and no shard may be in
    /// two of them (its findings would count twice).
    /// </summary>
    public static ShardResult? Combine(IReadOnlyList<(string Path, ShardResult Result)> shards, out string problem)
    {
        problem = "";
        var (firstPath, first) = shards[0];
        var covered = new SortedSet<int>();
        var units = new List<UnitReports>();
        var coveredBy = new Dictionary<int, string>();
        foreach (var (path, result) in shards)
        {
            if (result.ShardCount != first.ShardCount || result.UnitCount != first.UnitCount || result.Fingerprint != first.Fingerprint)
            {
                problem = $"{path} is a shard of another run than {firstPath} ({Describe(result)} against {Describe(first)}): give every shard the same paths, over the same files";
                return null;
            }

            foreach (int k in result.Covered)
            {
                if (coveredBy.TryGetValue(k, out var other))
                {
                    problem = $"shard {k} of {result.ShardCount} is in both {other} and {path}";
                    return null;
                }

                coveredBy[k] = path;
                covered.Add(k);
            }

            units.AddRange(result.Units);
        }

        return new ShardResult(first.ShardCount, covered, first.UnitCount, first.Fingerprint, units.OrderBy(u => u.Unit).ToList());
    }

    private static string Describe(ShardResult r) => $"{r.ShardCount} shards, {r.UnitCount} units, fingerprint {r.Fingerprint}";

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
