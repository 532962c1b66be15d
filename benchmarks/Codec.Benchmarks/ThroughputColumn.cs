using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Codec.Benchmarks;

/// <summary>MB/s = input bytes ÷ mean time (BenchmarkDotNet has no per-byte throughput column of its own).</summary>
public sealed class ThroughputColumn : IColumn
{
    // The column is evaluated in the host process, so it works out each case's input size itself.
    private readonly Func<BenchmarkCase, long> _bytesOf;

    /// <summary>Input size from the case's <c>File</c> parameter (a fixture path).</summary>
    public ThroughputColumn() : this(c => new FileInfo(BenchmarkFiles.Resolve(c.Parameters["File"]?.ToString() ?? "")).Length)
    {
    }

    public ThroughputColumn(Func<BenchmarkCase, long> bytesOf) => _bytesOf = bytesOf;

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
        long bytes = _bytesOf(benchmarkCase);
        double seconds = report.ResultStatistics.Mean / 1e9;
        return (bytes / seconds / 1e6).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
