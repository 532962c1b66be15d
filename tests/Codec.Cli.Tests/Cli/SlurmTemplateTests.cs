using Codec.Tests.Infrastructure;

namespace Codec.Tests.Cli;

/// <summary>
/// The Slurm templates run for real: on a single-node cluster started for the test, <c>deploy/slurm/codec-shards.sbatch</c>
/// and <c>codec-merge.sbatch</c> are submitted as README says (the array, then the merge depending on it) over a
/// generated job, and the merge's report is the report of one run over the same files. Where the machine cannot start
/// a cluster the test says why and skips.
/// </summary>
public sealed class SlurmTemplateTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "codec-slurm-" + Guid.NewGuid().ToString("N"));

    public SlurmTemplateTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }

    [SkippableFact]
    public void The_shard_array_and_the_merge_run_on_a_real_cluster_and_report_what_one_run_does()
    {
        string? unavailable = SlurmCluster.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        if (!OperatingSystem.IsLinux()) return;

        // A generated job: the repository's sample data beside 40 generated info.json files, many units for 8 shards.
        string data = Path.Combine(_dir, "data");
        CopyFolder(TestPaths.SampleData, data);
        Assert.Equal(0, Codec.Cli.Program.Main(["sample", "synthesis", Path.Combine(data, "generated"), "--count", "20"]));

        // `codec` on the jobs' PATH: the command this suite built (sbatch passes the submitting environment on).
        string bin = Path.Combine(_dir, "bin");
        Directory.CreateDirectory(bin);
        string codec = Path.Combine(bin, "codec");
        File.WriteAllText(codec, $"#!/bin/sh\nexec dotnet '{typeof(Codec.Cli.Program).Assembly.Location}' \"$@\"\n");
        File.SetUnixFileMode(codec, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var environment = new Dictionary<string, string> { ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH") };

        using var started = SlurmCluster.Start(Path.Combine(_dir, "cluster"), out string why);
        Skip.If(started is null, "this machine could not start a single-node Slurm cluster: " + why);
        var cluster = started!;

        // As the templates' own header and README give them.
        string results = Path.Combine(_dir, "results");
        string shards = Path.Combine(TestPaths.RepoRoot, "deploy", "slurm", "codec-shards.sbatch");
        string merge = Path.Combine(TestPaths.RepoRoot, "deploy", "slurm", "codec-merge.sbatch");
        var (submitted, array) = cluster.ClientIn(_dir, "sbatch", ["--parsable", shards, data, results], environment);
        Assert.True(submitted == 0, array);
        var (mergeSubmitted, mergeJob) = cluster.ClientIn(_dir, "sbatch", ["--parsable", $"--dependency=afterok:{array.Trim()}", merge, results], environment);
        Assert.True(mergeSubmitted == 0, mergeJob);
        Assert.True(cluster.WaitForJobs(TimeSpan.FromMinutes(5)), "the jobs did not end within 5 minutes" + cluster.LogTails());

        // Eight shard files, the merged one, and the merge's report: one run's, line for line.
        string logs = string.Concat(Directory.EnumerateFiles(_dir, "codec-*.log").Order().Select(f => $"\n--- {Path.GetFileName(f)}\n{File.ReadAllText(f)}"));
        Assert.True(Enumerable.Range(0, 8).All(k => File.Exists(Path.Combine(results, $"shard-{k}.parquet"))), "a shard wrote no file:" + logs);
        Assert.True(File.Exists(Path.Combine(results, "run.parquet")), "the merge wrote no file:" + logs);
        var one = new StringWriter();
        Codec.Cli.Commands.ValidateCommand.Run([data], asJson: false, showInfo: false, Codec.Cli.Commands.ValidateCommand.DefaultMaxFileBytes, one, new StringWriter());
        string merged = File.ReadAllText(Path.Combine(_dir, "codec-merge.log"));
        Assert.Contains("holds shards 0-7 of 8", merged);
        Assert.EndsWith(one.ToString().Trim(), merged.Trim());
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
