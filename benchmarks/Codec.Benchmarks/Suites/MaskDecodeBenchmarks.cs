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
            AddColumn(new RateColumn("MP/s", "Megapixels per second: width × height / mean", Megapixels, 1e6, "0.0"));
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

    // A PNG's width and height are the first two fields of its IHDR chunk (bytes 16 and 20).
    private static double Megapixels(BenchmarkDotNet.Running.BenchmarkCase c)
    {
        var png = System.IO.File.ReadAllBytes(BenchmarkFiles.Resolve(c.Parameters["File"]!.ToString()!));
        return (double)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(16)) * System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(20));
    }
}
