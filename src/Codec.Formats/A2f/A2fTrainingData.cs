using Codec.Formats.Datasets;
using Codec.Formats.Files;
using Codec.Runtime.Binary.Audio;
using Codec.Runtime.Binary.Numpy;
using Codec.Runtime.Files;
using Codec.Runtime.Findings;

namespace Codec.Formats.A2f;

/// <summary>A shot's speech: interleaved samples in [-1, 1), whatever the file's sample format.</summary>
public sealed record AudioTrack(int SampleRate, int Channels, float[] Samples)
{
    public long FrameCount => Samples.Length / Math.Max(1, Channels);
    public double DurationSeconds => (double)FrameCount / SampleRate;
}

/// <summary>
/// An Audio2Face-3D training dataset opened for training code: its shots (audio, augmented voices, skin and tongue
/// caches), the neutral poses, vertex lists and blendshape archives, found by the dataset's contract
/// (<c>schemas/a2f/dataset/a2f-dataset.codec.json</c>) and read on demand into arrays the caller owns. Opening lists
/// the folders and reads nothing; <c>codec validate</c> checks the whole dataset.
/// </summary>
public sealed class A2fTrainingData
{
    /// <summary>The largest WAV or JSON file read whole (caches are read by their own bounded readers).</summary>
    public const long MaxWholeFileBytes = 1L << 30;

    private readonly Dictionary<string, DatasetFile> _byPath;

    private A2fTrainingData(string root, DatasetLayout layout)
    {
        Root = root;
        Layout = layout;
        _byPath = layout.Files.ToDictionary(f => f.RelativePath, StringComparer.Ordinal);
        Shots = layout.Files.Where(f => f.Bound("shot") is not null).GroupBy(f => f.Bound("shot")!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new A2fShot(this, g.Key, g.ToList())).ToList();
        Voices = layout.Files.Select(f => f.Bound("voice")).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
    }

    public string Root { get; }

    /// <summary>Every file the contract claims, and what it found missing or stray.</summary>
    public DatasetLayout Layout { get; }

    /// <summary>Shots by name: every name a shot file (audio, cache, voice) carries.</summary>
    public IReadOnlyList<A2fShot> Shots { get; }

    /// <summary>The augmented voices (<c>audio/aug/&lt;voice&gt;</c>).</summary>
    public IReadOnlyList<string> Voices { get; }

    /// <summary>True when the folder looks like an Audio2Face-3D dataset (it has what the contract recognises one by).</summary>
    public static bool IsDataset(string folder) => A2fDataset.Recognizes(folder);

    public static A2fTrainingData Open(string root)
    {
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException("no such folder: " + root);
        return new A2fTrainingData(Path.GetFullPath(root), DatasetLayout.Scan(A2fDataset.Contract, root));
    }

    /// <summary>The path of a dataset file by its path in the dataset (<c>geom/skin/neutral_pose.npy</c>), or null when absent.</summary>
    public string? PathOf(string relativePath) => _byPath.TryGetValue(relativePath, out var file) ? file.Path : null;

    /// <summary>The training neutral (skin, <c>[V, 3]</c>, or tongue, <c>[Vt, 3]</c>) as float32, row-major; null when absent or unreadable.</summary>
    public float[]? ReadNeutral(bool tongue = false, FindingSink? sink = null) =>
        PathOf(tongue ? "geom/tongue/neutral_pose.npy" : "geom/skin/neutral_pose.npy") is { } path ? ReadFloats(path, sink ?? new FindingSink()) : null;

    /// <summary>
    /// A vertex list (<c>geom/skin/lip_dist_vertex_list.json</c>, <c>geom/tongue/rigid_vertex_list.json</c>, …): its groups
    /// of vertex indices by the path the dataset's schema declares them at (<c>upper</c>, <c>lower_lip/top</c>, or ""
    /// for a plain list), decoded by the decoder generated for the file; null when absent or not one.
    /// </summary>
    public IReadOnlyDictionary<string, int[]>? ReadVertexList(string relativePath, FindingSink? sink = null)
    {
        sink ??= new FindingSink();
        if (!_byPath.TryGetValue(relativePath, out var file)) return null;
        // A vertex list's groups are the lists of indices bounded by a vertex count (indexBelow in the schema).
        var lists = file.Spec.Fields.Where(f => f.Type == JsonFieldType.IntList && f.IndexBelow is not null).DistinctBy(f => f.Slot).ToList();
        if (lists.Count == 0)
        {
            sink.Add(new Finding(FindingCodes.UnsupportedElementType, Severity.Error, file.Path, "not a vertex list: the dataset's schema declares no list of vertex indices in this file"));
            return null;
        }

        if (ReadWhole(file.Path, sink) is not { } bytes) return null;
        var decoding = new FindingSink();
        var values = DatasetJson.Decode(file.Spec, bytes, decoding);
        var groups = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var list in values is null ? [] : lists)
        {
            string name = list.Pointer.TrimStart('/');
            if (values!.Numbers(list.Slot) is not { } numbers)
            {
                if (!values.IsUnreadable(list.Slot)) decoding.Add(new Finding(FindingCodes.Syntax, Severity.Error, list.Pointer, $"{(name.Length == 0 ? "/" : list.Pointer)} is missing"));
                continue;
            }

            if (Array.FindIndex(numbers, n => n is < 0 or > int.MaxValue) is int bad and >= 0)
            {
                decoding.Add(new Finding(FindingCodes.Syntax, Severity.Error, list.Pointer + "/" + bad, $"{numbers[bad]} is not a vertex index"));
                continue;
            }

            groups[name] = Array.ConvertAll(numbers, n => (int)n);
        }

        if (values is not null && decoding.ErrorCount == 0) return groups;
        foreach (var f in decoding.Findings.Where(f => f.Severity == Severity.Error)) sink.Add(f with { Message = "not a vertex list: " + f.Message });
        return null;
    }

    /// <summary>A blendshape archive (<c>bs_data/bs_skin.npz</c> or <c>bs_tongue.npz</c>), opened (dispose it); null when absent.</summary>
    public NpzArchive? OpenBlendshapes(bool tongue = false, FindingSink? sink = null) =>
        PathOf(tongue ? "bs_data/bs_tongue.npz" : "bs_data/bs_skin.npz") is { } path ? NpzArchive.Open(path, sink ?? new FindingSink()) : null;

    internal static float[]? ReadFloats(string path, FindingSink sink)
    {
        using var file = NpyFile.Open(path, sink);
        if (file is null) return null;
        if (file.Array.DType.Kind is not (NpyKind.Float or NpyKind.Int or NpyKind.UInt) || file.Array.Length > Array.MaxLength)
        {
            sink.Add(new Finding(FindingCodes.UnsupportedElementType, Severity.Error, path, $"expected a numeric array; this is {file.Array.DType.Descr}"));
            return null;
        }

        var values = new float[file.Array.Length];
        file.Array.CopyTo(values);
        return values;
    }

    // WAV and JSON files are read whole, after their size is checked against the limit.
    internal static byte[]? ReadWhole(string path, FindingSink sink)
    {
        byte[] bytes = [];
        int length = InputFile.ReadAll(path, MaxWholeFileBytes, ref bytes, sink);
        return length < 0 ? null : length == bytes.Length ? bytes : bytes.AsSpan(0, length).ToArray();
    }
}

/// <summary>One shot of an Audio2Face-3D dataset: its audio, augmented voices and caches, read on demand.</summary>
public sealed class A2fShot
{
    private readonly IReadOnlyList<DatasetFile> _files;

    internal A2fShot(A2fTrainingData dataset, string name, IReadOnlyList<DatasetFile> files)
    {
        Dataset = dataset;
        Name = name;
        _files = files;
    }

    public A2fTrainingData Dataset { get; }

    public string Name { get; }

    /// <summary>The shot's files in the dataset (<c>audio/cp1.wav</c>, <c>cache/skin/cp1/cp1.npy</c>, …).</summary>
    public IEnumerable<string> RelativePaths => _files.Select(f => f.RelativePath);

    /// <summary><c>audio/&lt;shot&gt;.wav</c>, or with <paramref name="voice"/> <c>audio/aug/&lt;voice&gt;/&lt;shot&gt;.wav</c>; null when absent.</summary>
    public string? AudioPath(string? voice = null) =>
        _files.FirstOrDefault(f => f.Spec.Kind == FileKind.Wav && f.Bound("voice") == voice)?.Path;

    /// <summary>The shot's speech (or an augmented voice's) decoded as it is stored: its format and sample bytes; null when absent or not a WAV file.</summary>
    public WavFile? ReadWav(string? voice = null, FindingSink? sink = null)
    {
        sink ??= new FindingSink();
        return AudioPath(voice) is { } path && A2fTrainingData.ReadWhole(path, sink) is { } bytes ? WavFile.Decode(bytes, sink, path) : null;
    }

    /// <summary>The skin (<c>[F, V, 3]</c>) or tongue (<c>[F, Vt, 3]</c>) cache: a .npy, .pc2 or Maya .xml; null when absent.</summary>
    public string? CachePath(bool tongue = false) =>
        _files.FirstOrDefault(f => f.Folder.Path.StartsWith(tongue ? "cache/tongue/" : "cache/skin/", StringComparison.Ordinal)
            && f.Spec.Kind != FileKind.Wav)?.Path;

    /// <summary>The shot's speech (or an augmented voice's) as float samples; null when absent or not a WAV file.</summary>
    public AudioTrack? ReadAudio(string? voice = null, FindingSink? sink = null)
    {
        if (ReadWav(voice, sink) is not { } wav) return null;
        var samples = new float[wav.FrameCount * wav.Format.Channels];
        wav.CopyTo(samples);
        return new AudioTrack(wav.Format.SampleRate, wav.Format.Channels, samples);
    }

    /// <summary>The skin or tongue cache's frames as <c>[F, V, 3]</c> float32, whatever its format; null when absent or unreadable.</summary>
    public AnimationData? ReadCache(bool tongue = false, FindingSink? sink = null) =>
        CachePath(tongue) is { } path ? AnimationFile.Read(path, sink ?? new FindingSink()) : null;

    public override string ToString() => Name;
}
