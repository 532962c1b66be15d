using System.Text.Json;
using Codec.Formats.A2f;
using Codec.Runtime.Binary.Audio;
using Codec.Runtime.Binary.Numpy;
using Codec.Runtime.Findings;

namespace Codec.Native;

/// <summary>An Audio2Face-3D training dataset, open: its shots, their audio and caches as arrays, the neutral, vertex lists and blendshapes.</summary>
internal sealed class DatasetBinding(A2fTrainingData dataset) : Opened
{
    protected override void List(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("kind", "a2f");
        w.WriteString("path", dataset.Root);
        w.WriteStartArray("voices");
        foreach (var voice in dataset.Voices) w.WriteStringValue(voice);
        w.WriteEndArray();
        w.WriteStartArray("files");
        foreach (var file in dataset.Layout.Files) w.WriteStringValue(file.RelativePath);
        w.WriteEndArray();
        w.WriteStartArray("shots");
        foreach (var shot in dataset.Shots)
        {
            w.WriteStartObject();
            w.WriteString("name", shot.Name);
            w.WriteString("audio", shot.AudioPath());
            w.WriteString("cache", shot.CachePath());
            w.WriteString("tongue_cache", shot.CachePath(tongue: true));
            w.WriteStartArray("files");
            foreach (var path in shot.RelativePaths) w.WriteStringValue(path);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public override void Query(Request request, Utf8JsonWriter w)
    {
        switch (request.Op)
        {
            case "vertex_list":
            {
                string relative = request.Text("path") ?? throw new BindingException("a vertex list is asked for by its path in the dataset");
                var groups = Decoded(dataset.PathOf(relative), relative, sink => dataset.ReadVertexList(relative, sink));
                w.WriteStartObject();
                foreach (var (name, indices) in groups)
                {
                    w.WriteStartArray(name);
                    foreach (int index in indices) w.WriteNumberValue(index);
                    w.WriteEndArray();
                }

                w.WriteEndObject();
                break;
            }

            case "blendshape_names":
            {
                using var archive = Blendshapes(request);
                w.WriteStartArray();
                foreach (var member in archive.Members) w.WriteStringValue(member.Key);
                w.WriteEndArray();
                break;
            }

            default:
                throw new BindingException($"no query {request.Op} on an Audio2Face-3D dataset (vertex_list, blendshape_names)");
        }
    }

    public override NativeArray Read(Request request, Utf8JsonWriter w)
    {
        NativeArray answer;
        switch (request.Op)
        {
            case "audio":
            {
                var shot = ShotOf(request);
                string? voice = request.Text("voice");
                string? path = shot.AudioPath(voice);
                var wav = Decoded(path, $"{shot.Name}'s {(voice is null ? "" : voice + " ")}audio", sink => shot.ReadWav(voice, sink));
                answer = Samples(wav, request.Flag("as_float"), w);
                w.WriteNumber("sample_rate", wav.Format.SampleRate);
                break;
            }

            case "cache":
            {
                var shot = ShotOf(request);
                bool tongue = request.Flag("tongue");
                var cache = Decoded(shot.CachePath(tongue), $"{shot.Name}'s {(tongue ? "tongue" : "skin")} cache", sink => shot.ReadCache(tongue, sink));
                answer = Arrays.Give(cache.Positions, w, cache.Frames, cache.Vertices, 3);
                if (cache.FramesPerSecond is { } fps) w.WriteNumber("fps", fps);
                else w.WriteNull("fps");
                break;
            }

            case "neutral":
            {
                bool tongue = request.Flag("tongue");
                string relative = tongue ? "geom/tongue/neutral_pose.npy" : "geom/skin/neutral_pose.npy";
                var neutral = Decoded(dataset.PathOf(relative), relative, sink => dataset.ReadNeutral(tongue, sink));
                answer = Arrays.Give(neutral, w, neutral.Length / 3, 3);
                break;
            }

            case "blendshape":
            {
                using var archive = Blendshapes(request);
                string key = request.Text("name") ?? throw new BindingException("a blendshape array is read by its name in the archive");
                var member = archive.Find(key) ?? throw new BindingException($"the blendshape archive has no array {key} (it has {string.Join(", ", archive.Members.Select(m => m.Key))})");
                var array = Decoded("", key, sink => archive.GetArray(member, sink));
                // Copied out of the archive (which is closed here), in the element type and order the file holds.
                answer = Arrays.Give(array.Data.ToArray(), array.DType.Descr, array.DType.ItemSize, array.Data.Length, w, [.. array.Shape]);
                w.WriteBoolean("fortran_order", array.Header.FortranOrder);
                break;
            }

            default:
                throw new BindingException($"no read {request.Op} on an Audio2Face-3D dataset (audio, cache, neutral, blendshape)");
        }

        w.WriteEndObject();
        return answer;
    }

    // PCM as it is stored (8-bit unsigned, 16- or 32-bit signed, 32- or 64-bit float, little-endian); anything else,
    // or when asked, as float32 in [-1, 1). Shaped (frames, channels).
    private static NativeArray Samples(WavFile wav, bool asFloat, Utf8JsonWriter w)
    {
        var format = wav.Format;
        long frames = wav.FrameCount;
        string? stored = format.IsBigEndian || !BitConverter.IsLittleEndian ? null : (format.IsFloat, format.BitsPerSample) switch
        {
            (false, 8) => "|u1",
            (false, 16) => "<i2",
            (false, 32) => "<i4",
            (true, 32) => "<f4",
            (true, 64) => "<f8",
            _ => null,
        };
        if (asFloat || stored is null)
        {
            var samples = new float[frames * format.Channels];
            wav.CopyTo(samples);
            return Arrays.Give(samples, w, frames, format.Channels);
        }

        long bytes = frames * format.Channels * format.BytesPerSample;
        return Arrays.Give(wav.Data[..(int)bytes].ToArray(), stored, format.BytesPerSample, bytes, w, frames, format.Channels);
    }

    private NpzArchive Blendshapes(Request request)
    {
        bool tongue = request.Flag("tongue");
        string relative = tongue ? "bs_data/bs_tongue.npz" : "bs_data/bs_skin.npz";
        return Decoded(dataset.PathOf(relative), relative, sink => dataset.OpenBlendshapes(tongue, sink));
    }

    private A2fShot ShotOf(Request request) => dataset.Shots[request.Index("shot", dataset.Shots.Count)];

    // A file of the dataset decoded, or why not: the dataset has no such file, or the decoder's findings.
    private static T Decoded<T>(string? path, string what, Func<FindingSink, T?> decode) where T : class
    {
        if (path is null) throw new BindingException($"the dataset has no {what}");
        var sink = new FindingSink();
        return decode(sink) ?? throw BindingException.Undecoded(path.Length > 0 ? path : what, path, sink.Findings);
    }
}
