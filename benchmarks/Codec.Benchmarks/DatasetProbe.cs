using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using Codec.Formats.A2f;
using Codec.Formats.Datasets;
using Codec.Runtime.Binary.Audio;
using Codec.Runtime.Binary.Numpy;

namespace Codec.Benchmarks;

/// <summary>
/// <c>-- dataset &lt;dir&gt; [shots] [frames] [vertices] [cores] [npy|maya]</c>: writes (once) an Audio2Face-3D
/// dataset of Claire's scale — 200 shots × 300 frames × 24,000 vertices of float32 skin caches (<c>.npy</c>, or Maya
/// OneFile FVCA caches as Claire's own), their WAV tracks
/// and the neutral — then alternately reads every byte, in codec's (sorted) order, with <c>cat /// and the neutral — then alternately reads every byte with <c>cat &gt; /dev/null</c>gt; /dev/null</c> and validates it with codec in
/// a child process (its peak resident memory from /proc), five times each, and prints GB/s and the median ratio.
/// </summary>
public static class DatasetProbe
{
    private const int Rounds = 5;

    public static int Run(string[] args)
    {
        if (args[0] == "dataset-check") return Check(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
        if (args[0] == "dataset-write")
        {
            // For the end-to-end suite (benchmarks/e2e/run.sh): only writes the dataset.
            Write(args[1], Arg(args, 2, 200), Arg(args, 3, 300), Arg(args, 4, 24000), maya: false);
            return 0;
        }

        string dir = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "codec-a2f-claire");
        int shots = Arg(args, 2, 200), frames = Arg(args, 3, 300), vertices = Arg(args, 4, 24000), cores = Arg(args, 5, Environment.ProcessorCount);
        bool maya = args.Length > 6 && args[6] == "maya";
        Write(dir, shots, frames, vertices, maya);
        long bytes = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"dataset {dir}: {shots} shots × {frames} frames × {vertices} vertices, {bytes / 1e9:0.00} GB in {Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Count()} files; {cores} core(s)");
        var ratios = new List<double>();
        for (int round = 1; round <= Rounds; round++)
        {
            double cat = Time("bash", $"-c \"find '{dir}' -type f -print0 | sort -z | xargs -0 cat > /dev/null\"", out _);
            double check = Time(Environment.ProcessPath!, $"dataset-check \"{dir}\" {cores}", out string report);
            ratios.Add(cat / check);
            Console.WriteLine($"round {round}: cat {bytes / cat / 1e9:0.00} GB/s ({cat:0.00} s); codec {bytes / check / 1e9:0.00} GB/s ({check:0.00} s) = {cat / check * 100:0}% of cat; {report.Trim()}");
        }

        ratios.Sort();
        Console.WriteLine($"median: codec at {ratios[ratios.Count / 2] * 100:0}% of cat's bandwidth");
        return 0;
    }

    private static int Arg(string[] args, int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

    private static double Time(string file, string arguments, out string output)
    {
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, UseShellExecute = false })!;
        output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return clock.Elapsed.TotalSeconds;
    }

    // The child: validate, then report errors and the peak resident set (VmHWM) the kernel measured.
    private static int Check(string dir, int cores)
    {
        var results = DatasetValidator.Check(A2fDataset.Contract, dir, new DatasetCheckOptions { Parallelism = cores });
        int errors = results.Sum(r => r.Findings.Count(f => f.Severity == Codec.Runtime.Findings.Severity.Error));
        string peak = File.ReadAllLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "?";
        Console.WriteLine($"{results.Count} files, {errors} errors, peak resident {peak}");
        return errors == 0 ? 0 : 1;
    }

    private static void Write(string dir, int shots, int frames, int vertices, bool maya)
    {
        string done = Path.Combine(dir, ".complete");
        if (File.Exists(done)) return;
        var random = new Random(7);
        var neutral = new float[vertices * 3];
        for (int i = 0; i < neutral.Length; i++) neutral[i] = (float)(random.NextDouble() - 0.5) * 0.2f;
        Save(Path.Combine(dir, "geom", "skin", "neutral_pose.npy"), neutral, vertices, 3);
        var cache = new float[(long)frames * vertices * 3];
        var audio = new float[(int)Math.Round(frames / 30.0 * 16000)];
        for (int i = 0; i < audio.Length; i++) audio[i] = (float)(0.2 * Math.Sin(i * 0.05));
        var wav = new ArrayBufferWriter<byte>();
        WavFile.Write(wav, audio, 1, 16000, asFloat32: false);
        for (int s = 0; s < shots; s++)
        {
            string shot = $"shot{s:D3}_{(s % 11 == 0 ? "joy" : "neutral")}";
            for (int f = 0; f < frames; f++)
            for (int i = 0; i < neutral.Length; i++)
                cache[(long)f * neutral.Length + i] = neutral[i] + 0.002f * (float)Math.Sin((f + s) * 0.1 + i);
            if (maya)
            {
                Directory.CreateDirectory(Path.Combine(dir, "cache", "skin", shot));
                Codec.Runtime.Binary.Maya.MayaCache.Write(Path.Combine(dir, "cache", "skin", shot, shot + ".xml"), cache, vertices, 30, "head_meshShape", overwrite: true);
            }
            else
            {
                Save(Path.Combine(dir, "cache", "skin", shot, shot + ".npy"), cache, frames, vertices, 3);
            }

            Directory.CreateDirectory(Path.Combine(dir, "audio"));
            File.WriteAllBytes(Path.Combine(dir, "audio", shot + ".wav"), wav.WrittenSpan.ToArray());
        }

        File.WriteAllText(done, "");
    }

    private static void Save(string path, float[] values, params long[] shape)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        file.Write(NpyWriter.Header(NpyDType.Float32, shape, false));
        file.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
    }
}
