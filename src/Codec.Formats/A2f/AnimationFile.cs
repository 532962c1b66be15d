using Codec.Formats.Files;
using Codec.Runtime.Binary.Maya;
using Codec.Runtime.Binary.Numpy;
using Codec.Runtime.Binary.PointCache;
using Codec.Runtime.Files;
using Codec.Runtime.Findings;

namespace Codec.Formats.A2f;

/// <summary>Vertex animation as the A2F caches hold it: <c>[frames, vertices, 3]</c> float32, and a frame rate when the file has one.</summary>
public sealed record AnimationData(int Frames, int Vertices, float[] Positions, double? FramesPerSecond)
{
    /// <summary>A .pc2's start frame and sample rate (frames per sample), which only a .pc2 can keep; null elsewhere.</summary>
    public (float StartFrame, float SampleRate)? Pc2Timing { get; init; }

    /// <summary>The Maya channel these positions are, and every channel its cache holds; null for other formats.</summary>
    public (string Read, IReadOnlyList<string> All)? MayaChannels { get; init; }
}

/// <summary>Reads and writes vertex animation in any of the cache formats (.npy, .pc2, Maya .xml + .mc), by extension.</summary>
public static class AnimationFile
{
    /// <summary>The kind of animation cache a path names by its extension (.npy, .pc2, a Maya cache's .xml), or null for none.</summary>
    public static FileKind? KindOf(string path) => FileKinds.Of(path)?.Kind is { } kind and (FileKind.Npy or FileKind.Pc2 or FileKind.Maya) ? kind : null;

    /// <summary>The extensions of the kinds an animation is read and written as, for messages (<c>.npy, .pc2 or .xml (Maya cache)</c>).</summary>
    public static string Destinations => $"{FileKinds.Get(FileKind.Npy).Extensions[0]}, {FileKinds.Get(FileKind.Pc2).Extensions[0]} or {FileKinds.Get(FileKind.Maya).Extensions[0]} (Maya cache)";

    /// <param name="mayaChannel">For a Maya cache, the channel to read; by default its vertex positions channel.</param>
    public static AnimationData? Read(string path, FindingSink sink, string? mayaChannel = null)
    {
        switch (KindOf(path))
        {
            case FileKind.Npy:
            {
                using var file = NpyFile.Open(path, sink);
                if (file is null) return null;
                var a = file.Array;
                if (a.Shape.Count != 3 || a.Shape[2] != 3 || a.DType.Kind is not (NpyKind.Float or NpyKind.Int or NpyKind.UInt))
                {
                    sink.Add(new Finding(FindingCodes.UnsupportedElementType, Severity.Error, path, $"an animation cache is a numeric [frames, vertices, 3] array; this is {a.DType.Descr} ({string.Join(", ", a.Shape)})"));
                    return null;
                }

                // An empty array may declare any count of frames or vertices: more than an animation can index is refused.
                if (a.Shape[0] > int.MaxValue || a.Shape[1] > int.MaxValue)
                {
                    sink.Add(new Finding(FindingCodes.SizeOverflow, Severity.Error, path, $"an animation of {a.Shape[0]} frames of {a.Shape[1]} vertices: more than {int.MaxValue} of either is not one"));
                    return null;
                }

                int frames = (int)a.Shape[0], vertices = (int)a.Shape[1];
                var stored = new float[a.Length];
                a.CopyTo(stored);
                return new AnimationData(frames, vertices, a.Header.FortranOrder ? FromFortran(stored, frames, vertices) : stored, null);
            }

            case FileKind.Pc2:
            {
                using var mapped = PointCache2.Open(path, sink);
                return mapped is null ? null : new AnimationData(mapped.Cache.Frames, mapped.Cache.Vertices, mapped.Cache.Positions.ToArray(), null)
                {
                    Pc2Timing = (mapped.Cache.Header.StartFrame, mapped.Cache.Header.SampleRate),
                };
            }

            case FileKind.Maya:
            {
                var cache = MayaCache.Read(path, sink, mayaChannel);
                return cache is null ? null : new AnimationData(cache.Frames, cache.Vertices, cache.Positions, cache.Description.FramesPerSecond)
                {
                    MayaChannels = (cache.ChannelName, cache.Channels.Select(c => c.Name).ToList()),
                };
            }

            default:
                sink.Add(new Finding(FindingCodes.UnsupportedElementType, Severity.Error, path, $"not an animation cache ({Destinations})"));
                return null;
        }
    }

    /// <summary>Writes <paramref name="data"/> in the format of <paramref name="path"/>'s extension; fails if a file exists and not <paramref name="overwrite"/>.</summary>
    public static void Write(string path, AnimationData data, double? framesPerSecond, bool overwrite)
    {
        var mode = overwrite ? FileMode.Create : FileMode.CreateNew;
        switch (KindOf(path))
        {
            case FileKind.Npy:
            {
                var output = new System.Buffers.ArrayBufferWriter<byte>();
                NpyWriter.Write(output, data.Positions, new long[] { data.Frames, data.Vertices, 3 });
                using var file = new FileStream(path, mode, FileAccess.Write);
                file.Write(output.WrittenSpan);
                break;
            }

            case FileKind.Pc2:
            {
                var output = new System.Buffers.ArrayBufferWriter<byte>();
                var (start, rate) = data.Pc2Timing ?? (0f, 1f);
                PointCache2.Write(output, data.Positions, data.Vertices, start, rate);
                using var file = new FileStream(path, mode, FileAccess.Write);
                file.Write(output.WrittenSpan);
                break;
            }

            case FileKind.Maya:
                MayaCache.Write(path, data.Positions, data.Vertices, framesPerSecond ?? throw new ArgumentException("a Maya cache needs a frame rate: give --fps"), overwrite: overwrite);
                break;

            default:
                throw new ArgumentException($"cannot write '{Path.GetExtension(path)}': the destination must end in {Destinations}");
        }
    }

    // Fortran order stores the first index fastest: element (f, v, c) is at c·F·V + v·F + f.
    private static float[] FromFortran(float[] stored, int frames, int vertices)
    {
        var c = new float[stored.Length];
        for (int f = 0; f < frames; f++)
        {
            for (int v = 0; v < vertices; v++)
            {
                for (int k = 0; k < 3; k++) c[(((f * vertices) + v) * 3) + k] = stored[(k * frames * vertices) + (v * frames) + f];
            }
        }

        return c;
    }
}
