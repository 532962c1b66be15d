using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Codec.Runtime.Binary.Image;
using Codec.Runtime.Findings;

namespace Codec.Benchmarks.Suites;

/// <summary>
/// Decoding real segmentation masks (16-bit greyscale PNGs from ../shared/fixtures) with the label histogram, in
/// megapixels per second. Pillow's side is <c>benchmarks/pillow_peer.py</c> on the same files.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class MaskDecodeBenchmarks
{
    private byte[] _png = Array.Empty<byte>();
    private readonly FindingSink _sink = new();

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(10));
            AddColumn(new MegapixelsColumn());
        }
    }

    [Params("humans-1.5/24.segments.png", "humans-1.5/0.clothing_segments.png")]
    public string File { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _png = System.IO.File.ReadAllBytes(BenchmarkFiles.Resolve(File));

    [Benchmark(Description = "Codec PNG decode + label histogram")]
    public int DecodeAndCount()
    {
        _sink.Reset();
        return PngImage.Decode(_png, _sink)!.Histogram().Count;
    }

    /// <summary>Megapixels per second: the mask's width × height ÷ mean.</summary>
    private sealed class MegapixelsColumn : BenchmarkDotNet.Columns.IColumn
    {
        public string Id => nameof(MegapixelsColumn);
        public string ColumnName => "MP/s";
        public bool AlwaysShow => true;
        public BenchmarkDotNet.Columns.ColumnCategory Category => BenchmarkDotNet.Columns.ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public BenchmarkDotNet.Columns.UnitType UnitType => BenchmarkDotNet.Columns.UnitType.Dimensionless;
        public string Legend => "Megapixels per second: width × height / mean";
        public bool IsAvailable(BenchmarkDotNet.Reports.Summary summary) => true;
        public bool IsDefault(BenchmarkDotNet.Reports.Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase) => false;

        public string GetValue(BenchmarkDotNet.Reports.Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase) =>
            GetValue(summary, benchmarkCase, BenchmarkDotNet.Reports.SummaryStyle.Default);

        public string GetValue(BenchmarkDotNet.Reports.Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase, BenchmarkDotNet.Reports.SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is null) return "-";
            var png = System.IO.File.ReadAllBytes(BenchmarkFiles.Resolve(benchmarkCase.Parameters["File"]!.ToString()!));
            long pixels = (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(16)) * System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(20));
            return (pixels / (report.ResultStatistics.Mean / 1e9) / 1e6).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
