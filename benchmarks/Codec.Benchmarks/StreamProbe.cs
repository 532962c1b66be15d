using System.Diagnostics;
using Codec.Formats.Validation;
using Codec.Tests.Infrastructure;

namespace Codec.Benchmarks;

/// <summary>
/// <c>-- stream [gigabytes] [cores]</c>: streams a synthetic metadata.jsonl of that size (the real lines repeated,
/// generated on the fly, never on disk) through the checker once, and prints throughput and peak memory — the
/// "memory stays flat whatever the size" measurement, which BenchmarkDotNet's repeated runs do not suit.
/// </summary>
public static class StreamProbe
{
    public static int Run(string[] args)
    {
        double gigabytes = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 4;
        int cores = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2;
        var lines = BenchmarkFiles.MetadataLines();
        var block = System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines.Select(System.Text.Encoding.UTF8.GetString)) + "\n");
        long size = block.Length * ((long)(gigabytes * (1L << 30)) / block.Length);

        long maxLive = 0, count = 0;
        var process = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        var summary = MetadataFileChecker.CheckAsync(new RepeatingStream(block, size), r =>
        {
            if (++count % 200_000 == 0) maxLive = Math.Max(maxLive, GC.GetTotalMemory(false));
        }, new MetadataFileOptions { Parallelism = cores }).GetAwaiter().GetResult();
        clock.Stop();
        process.Refresh();

        double seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"streamed {size / 1e9:0.00} GB, {summary.Stats.Lines:N0} lines on {cores} core(s) in {seconds:0.0} s");
        Console.WriteLine($"  {summary.Stats.Lines / seconds:N0} lines/s, {size / seconds / 1e6:0.0} MB/s, {summary.Errors} errors");
        Console.WriteLine($"  peak working set {process.PeakWorkingSet64 / 1e6:0.0} MB, largest managed heap seen {maxLive / 1e6:0.0} MB, allocated {GC.GetTotalAllocatedBytes() / 1e9:0.00} GB in total");
        return summary.Errors == 0 ? 0 : 1;
    }
}
