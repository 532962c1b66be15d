using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Codec.Formats.A2f.Poses;
using Codec.Runtime.Binary.Audio;
using Codec.Runtime.Binary.Maya;
using Codec.Runtime.Binary.Numpy;
using Codec.Runtime.Binary.PointCache;

namespace Codec.Cli.Sampling;

/// <summary>
/// Writes a small, valid Audio2Face-3D training dataset with every optional part: three shots whose skin caches are
/// a .npy, a .pc2 and a Maya OneFile cache, tongue caches, an augmented voice, geometry and vertex lists, jaw and eye
/// transforms, and ARKit/tongue blendshapes with their solver configs — all consistent with each other (one V, one
/// fps, tracks as long as their shots, the blendshape neutral equal to the training neutral).
/// </summary>
public static class A2fDatasetSampler
{
    public const double FramesPerSecond = 30;
    private const int SkinVertices = 40, TongueVertices = 12, JawKeypoints = 5, SampleRate = 16000;
    private static readonly (string Shot, int Frames, string Format)[] Shots = [("cp1_neutral", 90, "npy"), ("cp2_anger", 105, "pc2"), ("cp3_joy", 96, "maya")];

    public static IReadOnlyList<string> Write(string root, int seed)
    {
        var random = new Random(seed);
        var written = new List<string>();
        string P(params string[] parts)
        {
            string path = Path.Combine([root, .. parts]);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            written.Add(path);
            return path;
        }

        var skinNeutral = Points(SkinVertices, 0.08, random);
        var tongueNeutral = Points(TongueVertices, 0.02, random);
        foreach (var (shot, frames, format) in Shots)
        {
            WriteCache(P("cache", "skin", shot, shot + Extension(format)), format, Animate(skinNeutral, frames, 0.004, random), SkinVertices, written);
            WriteNpy(P("cache", "tongue", shot, shot + ".npy"), Animate(tongueNeutral, frames, 0.002, random), frames, TongueVertices, 3);
            WriteWav(P("audio", shot + ".wav"), frames, random);
            WriteWav(P("audio", "aug", "voice1", shot + ".wav"), frames, random);
        }

        WriteNpy(P("geom", "skin", "neutral_pose.npy"), skinNeutral, SkinVertices, 3);
        WriteNpy(P("geom", "skin", "lip_open_pose_delta.npy"), Points(SkinVertices, 0.01, random), SkinVertices, 3);
        WriteNpy(P("geom", "skin", "eye_close_pose_delta.npy"), Points(SkinVertices, 0.005, random), SkinVertices, 3);
        WriteJson(P("geom", "skin", "eye_dist_vertex_list.json"), new JsonObject { ["upper"] = Ints(10, 11), ["lower"] = Ints(12, 13) });
        WriteJson(P("geom", "skin", "lip_dist_vertex_list.json"), new JsonObject { ["upper"] = Ints(20, 21, 22, 23, 24), ["lower"] = Ints(25, 26, 27, 28, 29) });
        WriteJson(P("geom", "skin", "lip_size_vertex_list.json"), new JsonObject
        {
            ["upper_lip"] = new JsonObject { ["top"] = Ints(20, 21, 22), ["bottom"] = Ints(30, 31, 32) },
            ["lower_lip"] = new JsonObject { ["top"] = Ints(33, 34, 35), ["bottom"] = Ints(25, 26, 27) },
        });
        WriteNpy(P("geom", "tongue", "neutral_pose.npy"), tongueNeutral, TongueVertices, 3);
        WriteJson(P("geom", "tongue", "rigid_vertex_list.json"), Ints(0, 1, 2, 3, 4));

        var jawNeutral = Points(JawKeypoints, 0.05, random);
        WriteNpy(P("xform", "jaw_keypoints_neutral.npy"), jawNeutral, JawKeypoints, 3);
        WriteNpz(P("xform", "jaw_keypoints_cache_all.npz"), Shots.Select(s => (s.Shot, Npy(Points(s.Frames * JawKeypoints, 0.003, random), s.Frames, JawKeypoints, 3))));
        WriteNpz(P("xform", "eye_rotations_all.npz"), Shots.Select(s => (s.Shot, Npy(Values(s.Frames * 4, 5, random), s.Frames, 2, 2))));
        WriteNpy(P("xform", "eye_blink_keys.npy"), Enumerable.Range(0, 40).Select(i => (float)Math.Max(0, Math.Sin(i / 40.0 * Math.PI))).ToArray(), 40);
        WriteNpy(P("xform", "eye_saccade_rotations.npy"), Values(300 * 2, 3, random), 300, 2);

        WriteBlendshapes(P("bs_data", "bs_skin.npz"), ArkitPoseTable.Rows.ToArray().Select(r => r.Name).ToList(), skinNeutral, SkinVertices, random, frontalMask: true);
        WriteConfig(P("bs_data", "bs_skin_config.json"), ArkitPoseTable.Count);
        WriteBlendshapes(P("bs_data", "bs_tongue.npz"), TonguePoseTable.Rows.ToArray().Select(r => r.Name).ToList(), tongueNeutral, TongueVertices, random, frontalMask: false);
        WriteConfig(P("bs_data", "bs_tongue_config.json"), TonguePoseTable.Count);
        return written;
    }

    private static string Extension(string format) => format switch { "npy" => ".npy", "pc2" => ".pc2", _ => ".xml" };

    private static void WriteCache(string path, string format, float[] positions, int vertices, List<string> written)
    {
        int frames = positions.Length / (vertices * 3);
        switch (format)
        {
            case "npy":
                WriteNpy(path, positions, frames, vertices, 3);
                break;
            case "pc2":
                var buffer = new ArrayBufferWriter<byte>();
                PointCache2.Write(buffer, positions, vertices);
                File.WriteAllBytes(path, buffer.WrittenSpan.ToArray());
                break;
            default:
                MayaCache.Write(path, positions, vertices, FramesPerSecond, "head_meshShape", overwrite: true);
                written.Add(Codec.Runtime.Binary.Maya.MayaCacheFile.DataPathOf(path));
                break;
        }
    }

    private static float[] Points(int count, double scale, Random random) => Values(count * 3, scale, random);

    private static float[] Values(int count, double scale, Random random) =>
        Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() - 0.5) * 2 * scale)).ToArray();

    // Each frame moves every vertex a little, smoothly.
    private static float[] Animate(float[] neutral, int frames, double amplitude, Random random)
    {
        var phase = Enumerable.Range(0, neutral.Length).Select(_ => random.NextDouble() * Math.PI * 2).ToArray();
        var positions = new float[frames * neutral.Length];
        for (int f = 0; f < frames; f++)
        for (int i = 0; i < neutral.Length; i++)
            positions[f * neutral.Length + i] = (float)(neutral[i] + amplitude * Math.Sin(f / FramesPerSecond * 2 * Math.PI + phase[i]));
        return positions;
    }

    // Speech-like noise, exactly as long as the shot (frames / fps), PCM 16-bit at 16 kHz.
    private static void WriteWav(string path, int frames, Random random)
    {
        int samples = (int)Math.Round(frames / FramesPerSecond * SampleRate);
        var audio = new float[samples];
        for (int i = 0; i < samples; i++) audio[i] = (float)(0.3 * Math.Sin(i * 0.07) * Math.Sin(i * 0.0011) + 0.02 * (random.NextDouble() - 0.5));
        var buffer = new ArrayBufferWriter<byte>();
        WavFile.Write(buffer, audio, 1, SampleRate, asFloat32: false);
        File.WriteAllBytes(path, buffer.WrittenSpan.ToArray());
    }

    private static byte[] Npy(float[] values, params long[] shape)
    {
        var buffer = new ArrayBufferWriter<byte>();
        NpyWriter.Write(buffer, values, shape);
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteNpy(string path, float[] values, params long[] shape) => File.WriteAllBytes(path, Npy(values, shape));

    private static void WriteNpz(string path, IEnumerable<(string Key, byte[] Npy)> members)
    {
        using var stream = File.Create(path);
        NpzWriter.Write(stream, members.Select(m => (m.Key, (ReadOnlyMemory<byte>)m.Npy)), compress: true);
    }

    // poseNames as fixed-width byte strings (what NVIDIA's SDK reads), the neutral, one delta per pose.
    private static void WriteBlendshapes(string path, List<string> poses, float[] neutral, int vertices, Random random, bool frontalMask)
    {
        var names = new List<string> { "neutral" };
        names.AddRange(poses);
        int width = names.Max(n => Encoding.UTF8.GetByteCount(n));
        var nameBytes = new byte[names.Count * width];
        for (int i = 0; i < names.Count; i++) Encoding.UTF8.GetBytes(names[i], nameBytes.AsSpan(i * width));
        var members = new List<(string, byte[])>
        {
            ("poseNames", Raw(new NpyDType(NpyKind.Bytes, width, false), [names.Count], nameBytes)),
            ("neutral", Npy(neutral, vertices, 3)),
        };
        foreach (var pose in poses) members.Add((pose, Npy(Points(vertices, 0.01, random), vertices, 3)));
        if (frontalMask)
        {
            var mask = Enumerable.Range(0, 10).Select(i => i * 3).ToArray();
            members.Add(("frontalMask", Raw(new NpyDType(NpyKind.Int, 4, false), [mask.Length], mask.SelectMany(BitConverter.GetBytes).ToArray())));
        }

        var version = Encoding.UTF8.GetBytes("1.0");
        members.Add(("rig_version", Raw(new NpyDType(NpyKind.Bytes, version.Length, false), [], version)));
        WriteNpz(path, members);
    }

    private static byte[] Raw(NpyDType dtype, long[] shape, byte[] data)
    {
        var buffer = new ArrayBufferWriter<byte>();
        NpyWriter.Write(buffer, dtype, shape, false, data);
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteConfig(string path, int poses)
    {
        var config = new JsonObject
        {
            ["blendshape_params"] = new JsonObject
            {
                ["strengthL1regularization"] = 1.0,
                ["strengthL2regularization"] = 3.5,
                ["strengthTemporalSmoothing"] = 0.0,
                ["strengthSymmetry"] = 100.0,
                ["templateBBSize"] = 54.7,
                ["numPoses"] = poses,
                ["bsSolveActivePoses"] = Ints(Enumerable.Repeat(1, poses).ToArray()),
                ["bsSolveCancelPoses"] = Ints(Enumerable.Repeat(-1, poses).ToArray()),
                ["bsSolveSymmetryPoses"] = Ints(Enumerable.Repeat(-1, poses).ToArray()),
                ["bsWeightMultipliers"] = new JsonArray(Enumerable.Repeat(1.0, poses).Select(v => (JsonNode?)v).ToArray()),
                ["bsWeightOffsets"] = new JsonArray(Enumerable.Repeat(0.0, poses).Select(v => (JsonNode?)v).ToArray()),
            },
        };
        WriteJson(path, config);
    }

    private static JsonArray Ints(params int[] values) => new(values.Select(v => (JsonNode?)v).ToArray());

    // JSON nodes, not serialised objects: the native build has no reflection to serialise with.
    private static void WriteJson(string path, JsonNode value) =>
        File.WriteAllText(path, value.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
}
