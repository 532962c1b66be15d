using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Codec.Benchmarks.Peers;
using Codec.Runtime.Findings;
using Codec.Runtime.Json;
using V12 = Codec.Formats.Synthesis.Info.V1_2;
using V15 = Codec.Formats.Synthesis.Info.V1_5;

namespace Codec.Benchmarks.Suites;

/// <summary>
/// Decoding one real info.json (1.5: 24.info.json, 1.2: face-api 0.info.json): Codec's generated decoder, alone and
/// with validation, against System.Text.Json source-gen deserialization, JsonDocument, and a bare Utf8JsonReader
/// pass that calls GetDouble() on every number. Baseline: the STJ source generator.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class InfoJsonDecodeBenchmarks
{
    private byte[] _bytes = Array.Empty<byte>();
    private readonly DecodeContext _context = new();
    private readonly FindingSink _sink = new();
    private readonly V15.InfoFile _model15 = new();
    private readonly V12.InfoFile _model12 = new();
    private readonly V15.InfoFileValidator _validator15 = new();
    private readonly V12.InfoFileValidator _validator12 = new();

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(12));
            AddColumn(RateColumn.MegabytesOfFile());
        }
    }

    [Params("humans-1.5/24.info.json", "face-api-1.2/0.info.json")]
    public string File { get; set; } = "";

    private bool Is15 => File.Contains("1.5", StringComparison.Ordinal);

    [GlobalSetup]
    public void Setup()
    {
        _bytes = System.IO.File.ReadAllBytes(BenchmarkFiles.Resolve(File));
        _context.Sink = _sink;
    }

    [Benchmark(Baseline = true, Description = "STJ source-gen Deserialize")]
    public object? StjSourceGen() =>
        Is15 ? JsonSerializer.Deserialize(_bytes, StjInfoContext.Default.StjInfo15) : JsonSerializer.Deserialize(_bytes, StjInfoContext.Default.StjInfo12);

    [Benchmark(Description = "JsonDocument.Parse")]
    public int JsonDocumentParse()
    {
        using var doc = JsonDocument.Parse(_bytes);
        return doc.RootElement.GetPropertyCount();
    }

    [Benchmark(Description = "Utf8JsonReader + GetDouble")]
    public double Utf8JsonReaderPass()
    {
        var reader = new Utf8JsonReader(_bytes);
        double sum = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.Number) sum += reader.GetDouble();
        }

        return sum;
    }

    [Benchmark(Description = "Codec decode")]
    public bool CodecDecode()
    {
        _sink.Reset();
        return Is15 ? V15.InfoFileDecoder.Decode(_bytes, _model15, _context) : V12.InfoFileDecoder.Decode(_bytes, _model12, _context);
    }

    [Benchmark(Description = "Codec decode + validate")]
    public int CodecDecodeAndValidate()
    {
        _sink.Reset();
        if (Is15)
        {
            V15.InfoFileDecoder.Decode(_bytes, _model15, _context);
            _validator15.Validate(_model15, _sink);
        }
        else
        {
            V12.InfoFileDecoder.Decode(_bytes, _model12, _context);
            _validator12.Validate(_model12, _sink);
        }

        return _sink.Count;
    }
}
