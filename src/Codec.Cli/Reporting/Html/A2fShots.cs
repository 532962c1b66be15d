using Codec.Formats.Datasets;

namespace Codec.Cli.Reporting.Html;

/// <summary>
/// One Audio2Face-3D shot as the report draws it: its main audio track (<c>audio/{shot}.wav</c>) against its skin cache
/// (<c>cache/skin/{shot}</c>), its emotion, its motion and its audio's level (RMS and peak, dB below full scale).
/// </summary>
public sealed record A2fShot(string Shot, double? AudioSeconds, double? CacheSeconds, long? Frames, double? Fps, double? Motion, string? Emotion, double? LevelDb = null, double? PeakDb = null)
{
    // Where the shot's own track and its skin cache are in the layout; augmented voices and tongue caches are not the shot.
    private const string AudioFolder = "audio";
    private const string SkinFolder = "cache/skin/{shot}";

    /// <summary>Shots of the skin caches and main audio tracks among <paramref name="clips"/>, by name.</summary>
    public static IReadOnlyList<A2fShot> From(IReadOnlyList<(string Path, ClipFacts Clip)> clips)
    {
        static string? ShotOf(ClipFacts clip) => clip.Bindings.Split(',').Select(b => b.Split('=', 2)).FirstOrDefault(b => b is ["shot", _])?[1];
        var shots = new SortedDictionary<string, (ClipFacts? Audio, ClipFacts? Cache)>(StringComparer.Ordinal);
        foreach (var (_, clip) in clips)
        {
            if (ShotOf(clip) is not { } shot) continue;
            var (audio, cache) = shots.GetValueOrDefault(shot);
            if (clip.Kind == "audio" && clip.Folder == AudioFolder) audio ??= clip;
            else if (clip.Kind == "cache" && clip.Folder == SkinFolder) cache ??= clip;
            else continue;
            shots[shot] = (audio, cache);
        }

        return shots.Select(s =>
        {
            var (audio, cache) = s.Value;
            // The rate the cache was played at: what it declares, or what its seconds say (the dataset's rate).
            double? fps = cache?.FramesPerSecond ?? (cache?.Seconds is { } sec && cache.Frames is { } f && sec > 0 ? f / sec : null);
            return new A2fShot(s.Key, audio?.Seconds, cache?.Seconds, cache?.Frames, fps, cache?.MotionRange, cache?.Emotion ?? audio?.Emotion, audio?.LevelDb, audio?.PeakDb);
        }).ToList();
    }
}
