using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Codec.Benchmarks;

/// <summary>MB/s = file size ÷ mean time (BenchmarkDotNet has no per-byte throughput column of its own).</summary>
public sealed class ThroughputColumn : IColumn
{
    // Set in each suite's GlobalSetup; suites run in their own process, so one value per process is enough.
    public static long Bytes { get; set; }

    public string Id => nameof(ThroughputColumn);
    public string ColumnName => "MB/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Megabytes (10^6) of input per second: file size / mean";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is null) return "-";
        string file = benchmarkCase.Parameters["File"]?.ToString() ?? "";
        long bytes = new FileInfo(BenchmarkFiles.Resolve(file)).Length;
        double seconds = report.ResultStatistics.Mean / 1e9;
        return (bytes / seconds / 1e6).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
