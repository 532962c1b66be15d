using Codec.Runtime.Findings;

namespace Codec.Formats.Datasets;

/// <summary>An NPZ member as read: its dtype and shape.</summary>
public sealed record MemberFacts(string Key, string DType, IReadOnlyList<long> Shape);

/// <summary>What reading one dataset file established: its array, audio or JSON facts, and its own findings.</summary>
public sealed class FileFacts
{
    public FileFacts(DatasetFile file) => File = file;

    public DatasetFile File { get; }
    public List<Finding> Findings { get; } = new();

    /// <summary>False when the file could not be read at all (its findings say why).</summary>
    public bool Readable { get; set; }

    public string? DType { get; set; }
    public IReadOnlyList<long>? Shape { get; set; }

    /// <summary>Frames per second a cache declares (Maya caches do; .npy and .pc2 do not).</summary>
    public double? FramesPerSecond { get; set; }

    public double? DurationSeconds { get; set; }

    /// <summary>For an animation ([frames, vertices, 3]): the largest distance a vertex's positions span over the frames.</summary>
    public double? MotionRange { get; set; }
    public int SampleRate { get; set; }
    public int BitsPerSample { get; set; }

    /// <summary>An audio track's levels (peak, mean, DC offset, clipping, silence), for the rules that judge its quality.</summary>
    public Codec.Runtime.Binary.Audio.AudioLevels? Levels { get; set; }

    public Dictionary<string, MemberFacts> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>The decoded strings of an archive's short string members (a blendshape archive's <c>poseNames</c>), by key.</summary>
    public Dictionary<string, IReadOnlyList<string>> Strings { get; } = new(StringComparer.Ordinal);

    /// <summary>Values kept for rules that compare files (by member key; "" for the file's own array).</summary>
    public Dictionary<string, float[]> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Integer values of members with an index bound (e.g. frontalMask), for checking once V is known.</summary>
    public Dictionary<string, long[]> Indices { get; } = new(StringComparer.Ordinal);

    /// <summary>A JSON file's declared fields as its generated decoder read them.</summary>
    public JsonFieldValues? JsonValues { get; set; }

    public void Error(string code, string path, string message) => Findings.Add(new Finding(code, Severity.Error, path, message));

    public void Warn(string code, string path, string message) => Findings.Add(new Finding(code, Severity.Warning, path, message));
}
