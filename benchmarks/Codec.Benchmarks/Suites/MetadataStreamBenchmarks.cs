using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Codec.Benchmarks.Peers.Metadata;
using Codec.Formats.Validation;
using Codec.Runtime.Lines;
using Codec.Tests.Infrastructure;

namespace Codec.Benchmarks.Suites;

/// <summary>
/// Streaming a 64 MB metadata.jsonl (the real lines repeated) from memory through System.IO.Pipelines: Codec's
/// checker (decode + validate every line, findings in file order) on 1 and 2 cores, against the same streaming
/// with System.Text.Json source-gen deserializing each line.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class MetadataStreamBenchmarks
{
    private const long Size = 64L << 20;
    private static readonly byte[] Block = System.Text.Encoding.UTF8.GetBytes(
        string.Join("\n", BenchmarkFiles.MetadataLines().Select(System.Text.Encoding.UTF8.GetString)) + "\n");
    private static readonly long WholeLines = Block.Length * (Size / Block.Length);

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithWarmupCount(1).WithIterationCount(6).WithInvocationCount(1).WithUnrollFactor(1));
            AddColumn(RateColumn.Megabytes(_ => WholeLines));
            AddColumn(RateColumn.Lines(WholeLines / Block.Length * BenchmarkFiles.MetadataLines().Length));
        }
    }

    [Params(1, 2)]
    public int Cores { get; set; }

    [Benchmark(Baseline = true, Description = "Pipelines + STJ source-gen per line")]
    public async Task<long> StjPerLine()
    {
        long sum = 0;
        await JsonLinesReader.ReadAsync(new RepeatingStream(Block, WholeLines), () => new StjLineProcessor(), r => sum += r,
            new JsonLinesOptions { Parallelism = Cores });
        return sum;
    }

    [Benchmark(Description = "Codec MetadataFileChecker")]
    public async Task<long> CodecChecker()
    {
        var summary = await MetadataFileChecker.CheckAsync(new RepeatingStream(Block, WholeLines), null, new MetadataFileOptions { Parallelism = Cores });
        return summary.Stats.Lines;
    }

    private sealed class StjLineProcessor : ILineProcessor<long>
    {
        public long Process(ReadOnlySpan<byte> line, long lineNumber) => JsonSerializer.Deserialize(line, StjMetadataContext.Default.StjMetadataLine)!.RenderId;

        public long Oversized(long lineNumber, long length) => 0;
    }
}
