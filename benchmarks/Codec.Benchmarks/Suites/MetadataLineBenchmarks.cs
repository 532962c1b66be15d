using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Codec.Benchmarks.Peers.Metadata;
using Codec.Formats.Synthesis.Metadata;
using Codec.Runtime.Findings;
using Codec.Runtime.Json;
using M12 = Codec.Formats.Synthesis.Metadata.V1_2;

namespace Codec.Benchmarks.Suites;

/// <summary>
/// Decoding the 15 lines of a real metadata.jsonl (face-api 1.2, ~3 KB each), one line at a time: Codec's generated
/// 1.2 decoder, the dispatcher (version probe + decode + validate), against System.Text.Json source-gen
/// deserialization per line and a bare Utf8JsonReader pass. One operation = all 15 lines.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class MetadataLineBenchmarks
{
    private static readonly byte[][] Lines = BenchmarkFiles.MetadataLines();
    private readonly DecodeContext _context = new();
    private readonly FindingSink _sink = new();
    private readonly M12.MetadataLine _model = new();
    private readonly SynthesisMetadataFormat _format = new();

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(12));
            AddColumn(RateColumn.Megabytes(_ => Lines.Sum(l => (long)l.Length)));
            AddColumn(RateColumn.Lines(Lines.Length));
        }
    }

    [GlobalSetup]
    public void Setup() => _context.Sink = _sink;

    [Benchmark(Baseline = true, Description = "STJ source-gen Deserialize per line")]
    public long StjSourceGen()
    {
        long sum = 0;
        foreach (var line in Lines) sum += JsonSerializer.Deserialize(line, StjMetadataContext.Default.StjMetadataLine)!.RenderId;
        return sum;
    }

    [Benchmark(Description = "Utf8JsonReader + GetDouble")]
    public double Utf8JsonReaderPass()
    {
        double sum = 0;
        foreach (var line in Lines)
        {
            var reader = new Utf8JsonReader(line);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.Number) sum += reader.GetDouble();
            }
        }

        return sum;
    }

    [Benchmark(Description = "Codec decode (1.2)")]
    public long CodecDecode()
    {
        long sum = 0;
        foreach (var line in Lines)
        {
            _sink.Reset();
            M12.MetadataLineDecoder.Decode(line, _model, _context);
            sum += _model.RenderId;
        }

        return sum;
    }

    [Benchmark(Description = "Codec dispatch + decode + validate")]
    public int CodecDispatchAndValidate()
    {
        int findings = 0;
        foreach (var line in Lines)
        {
            _sink.Reset();
            var model = _format.Decode(line, _sink, out _);
            if (model is not null) _format.Validate(model, _sink);
            findings += _sink.Count;
        }

        return findings;
    }
}
