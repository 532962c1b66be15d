using Codec.Formats.Files;

namespace Codec.Formats.Datasets;

/// <summary>
/// What a dataset's audio track or animation cache holds, for the distributions a report draws (shot durations,
/// audio length against frames, vertex counts): the layout folder it is in (<c>cache/skin/{shot}</c>), the
/// placeholders its path binds (<c>shot=cp1_neutral</c>), and its frames and vertices or its seconds and rate.
/// </summary>
public sealed record ClipFacts(string Folder, string Bindings, string Kind)
{
    public long? Frames { get; init; }
    public long? Vertices { get; init; }

    /// <summary>Frames per second the cache declares (Maya caches do; .npy and .pc2 do not).</summary>
    public double? FramesPerSecond { get; init; }
    public double? Seconds { get; init; }
    public int? SampleRate { get; init; }
    public int? BitsPerSample { get; init; }

    /// <summary>A cache's motion: the largest distance any vertex's positions span over its frames, in the cache's units.</summary>
    public double? MotionRange { get; init; }

    /// <summary>An audio track's level: the root mean square of its samples, in dB below full scale (-120 for silence).</summary>
    public double? LevelDb { get; init; }

    /// <summary>An audio track's loudest sample, in dB below full scale (-120 for silence).</summary>
    public double? PeakDb { get; init; }

    /// <summary>The emotion the layout's recommendations give the clip's instance (from its shot name), where they do.</summary>
    public string? Emotion { get; init; }

    /// <summary>
    /// The facts of a file that was read: audio and [frames, vertices, 3] caches; null for any other file. A cache's
    /// seconds are at the fps it declares, else at the dataset's (<paramref name="labels"/>, as the rules played it).
    /// </summary>
    public static ClipFacts? From(FileFacts facts, InstanceLabels? labels = null)
    {
        if (!facts.Readable) return null;
        var file = facts.File;
        string bindings = string.Join(",", file.Bindings.Select(b => b.Key + "=" + b.Value));
        string? emotion = labels is null ? null : file.Bindings.Select(b => labels.Emotions.GetValueOrDefault(b.Key + "=" + b.Value)).FirstOrDefault(e => e is not null);
        return file.Spec.Kind switch
        {
            FileKind.Wav => new ClipFacts(file.Folder.Path, bindings, "audio")
            {
                Seconds = facts.DurationSeconds,
                SampleRate = facts.SampleRate,
                BitsPerSample = facts.BitsPerSample,
                LevelDb = facts.Levels is { } levels ? Floor(levels.RmsDb) : null,
                PeakDb = facts.Levels is { } peak ? Floor(peak.PeakDb) : null,
                Emotion = emotion,
            },
            FileKind.Npy or FileKind.Pc2 or FileKind.Maya when facts.Shape is [var frames, var vertices, 3] => new ClipFacts(file.Folder.Path, bindings, "cache")
            {
                Frames = frames,
                Vertices = vertices,
                FramesPerSecond = facts.FramesPerSecond,
                Seconds = (facts.FramesPerSecond ?? labels?.FramesPerSecond) is { } fps ? frames / fps : null,
                MotionRange = facts.MotionRange,
                Emotion = emotion,
            },
            _ => null,
        };
    }

    // Silence is minus infinity decibels: stored as the floor of what any recording chain resolves.
    private static double Floor(double db) => Math.Max(db, -120);
}
