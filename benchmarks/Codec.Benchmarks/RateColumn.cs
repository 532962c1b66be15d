using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Codec.Benchmarks;

/// <summary>
/// A per-second rate beside BenchmarkDotNet's times: units of work per operation (bytes, lines, pixels) ÷ mean,
/// scaled. The column is evaluated in the host process, so it works out each case's units itself.
/// </summary>
public sealed class RateColumn(string name, string legend, Func<BenchmarkCase, double> unitsPerOperation, double scale, string format) : IColumn
{
    /// <summary>MB/s from the case's <c>File</c> parameter (a fixture path).</summary>
    public static RateColumn MegabytesOfFile() =>
        Megabytes(c => new FileInfo(BenchmarkFiles.Resolve(c.Parameters["File"]?.ToString() ?? "")).Length);

    public static RateColumn Megabytes(Func<BenchmarkCase, long> bytes) =>
        new("MB/s", "Megabytes (10^6) of input per second: input size / mean", c => bytes(c), 1e6, "0.0");

    public static RateColumn Lines(long linesPerOperation) =>
        new("lines/s", "Lines of metadata.jsonl per second: lines per operation / mean", _ => linesPerOperation, 1, "N0");

    public string Id => nameof(RateColumn) + name;
    public string ColumnName => name;
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => legend;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is null) return "-";
        return (unitsPerOperation(benchmarkCase) / (report.ResultStatistics.Mean / 1e9) / scale).ToString(format, CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
