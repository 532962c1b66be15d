using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Codec.Runtime.Binary.Maya;
using Codec.Runtime.Binary.Numpy;
using Codec.Runtime.Findings;

namespace Codec.Benchmarks.Suites;

/// <summary>
/// The animation-cache codecs on the files <see cref="BinaryBenchmarkFiles"/> writes (NumPy's peer timings come from
/// <c>benchmarks/numpy_peer.py</c> on the same files): a [300, 24000, 3] float32 .npy (82 MiB), an .npz of 200
/// members, and the same animation as a Maya OneFile .mc, against a plain memory copy of the .mc's bytes.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class BinaryDecodeBenchmarks
{
    private readonly FindingSink _sink = new();
    private float[] _output = Array.Empty<float>();
    private byte[] _mcBytes = Array.Empty<byte>();
    private byte[] _copy = Array.Empty<byte>();

    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(10));
    }

    [GlobalSetup]
    public void Setup()
    {
        BinaryBenchmarkFiles.EnsureWritten();
        _output = new float[BinaryBenchmarkFiles.Frames * BinaryBenchmarkFiles.Vertices * 3];
        _mcBytes = File.ReadAllBytes(BinaryBenchmarkFiles.Mc);
        _copy = new byte[_mcBytes.Length];
    }

    [Benchmark(Description = "npy: open (mmap) + header, zero-copy view")]
    public int NpyView()
    {
        _sink.Reset();
        using var file = NpyFile.Open(BinaryBenchmarkFiles.Npy, _sink)!;
        return file.Array.AsSpan<float>().Length;
    }

    [Benchmark(Description = "npy: read into a float[]")]
    public float NpyReadInto()
    {
        _sink.Reset();
        NpyFile.ReadInto(BinaryBenchmarkFiles.Npy, _output, _sink);
        return _output[^1];
    }

    [Benchmark(Description = "npy: open (mmap) + copy into a float[]")]
    public float NpyMappedCopy()
    {
        _sink.Reset();
        using var file = NpyFile.Open(BinaryBenchmarkFiles.Npy, _sink)!;
        file.Array.CopyTo(_output);
        return _output[^1];
    }

    [Benchmark(Description = "npz: open + decode all 200 members (CRC checked)")]
    public int NpzAllMembers()
    {
        _sink.Reset();
        using var npz = NpzArchive.Open(BinaryBenchmarkFiles.Npz, _sink)!;
        int total = 0;
        foreach (var member in npz.Members) total += (int)npz.GetArray(member, _sink)!.Length;
        return total;
    }

    [Benchmark(Description = "mc: decode + copy all frames to float32")]
    public float McDecode()
    {
        _sink.Reset();
        var data = MayaCacheData.Decode(_mcBytes, _sink)!;
        int stride = BinaryBenchmarkFiles.Vertices * 3;
        for (int i = 0; i < data.Samples.Count; i++) data.CopyTo(data.Samples[i].Channels[0], _output.AsSpan(i * stride, stride));
        return _output[^1];
    }

    [Benchmark(Baseline = true, Description = "memcpy of the .mc's bytes")]
    public byte MemoryCopy()
    {
        _mcBytes.AsSpan().CopyTo(_copy);
        return _copy[^1];
    }
}

/// <summary>Writes the binary benchmark files once into benchmarks/.data (ignored by git).</summary>
public static class BinaryBenchmarkFiles
{
    public const int Frames = 300, Vertices = 24000, NpzMembers = 200;

    public static string Directory => Path.Combine(BenchmarkFiles.RepoRoot, "benchmarks", ".data");
    public static string Npy => Path.Combine(Directory, "cache_300x24000x3.npy");
    public static string Npz => Path.Combine(Directory, "members_200.npz");
    public static string Mc => Path.Combine(Directory, "cache_300x24000x3.mc");

    public static void EnsureWritten()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var random = new Random(2026);
        var positions = new float[Frames * Vertices * 3];
        for (int i = 0; i < positions.Length; i++) positions[i] = (float)(random.NextDouble() - 0.5);
        if (!File.Exists(Npy))
        {
            var output = new System.Buffers.ArrayBufferWriter<byte>();
            NpyWriter.Write(output, positions, new long[] { Frames, Vertices, 3 });
            File.WriteAllBytes(Npy, output.WrittenSpan.ToArray());
        }

        if (!File.Exists(Npz))
        {
            // 200 per-shot arrays of the size A2F keeps in npz files (jaw/eye keyframes: [frames, 15]).
            var members = new List<(string, ReadOnlyMemory<byte>)>();
            for (int m = 0; m < NpzMembers; m++)
            {
                var output = new System.Buffers.ArrayBufferWriter<byte>();
                NpyWriter.Write(output, positions.AsSpan(m * 4500, 4500), new long[] { 300, 15 });
                members.Add(($"shot_{m:D3}", output.WrittenMemory.ToArray()));
            }

            using var file = File.Create(Npz);
            NpzWriter.Write(file, members, compress: false);
        }

        if (!File.Exists(Mc))
        {
            var output = new System.Buffers.ArrayBufferWriter<byte>();
            MayaCache.WriteData(output, positions, Vertices, Frames, 200, "head_meshShape");
            File.WriteAllBytes(Mc, output.WrittenSpan.ToArray());
        }
    }
}
