using System.Globalization;
using Codec.Runtime.Datasets;
using Codec.Runtime.Findings;

namespace Codec.Formats.Datasets;

/// <summary>Everything the cross-file rules see: the files read, the bound dimensions and the options.</summary>
public sealed record DatasetRuleContext(IReadOnlyList<FileFacts> Files, DimensionBinder Dimensions, DatasetCheckOptions Options, Action<string, Finding> Report)
{
    public FileFacts? ByPath(string relative) => Files.FirstOrDefault(f => f.File.RelativePath == relative);

    public IEnumerable<FileFacts> InFolder(string folderPattern) => Files.Where(f => f.File.Folder.Path == folderPattern);
}

/// <summary>
/// The named cross-file rules a dataset schema may list — implemented once here, checked by name at compile time
/// (CODEC024 lists them). Each reports at the file its finding concerns.
/// </summary>
public static class DatasetRules
{
    public static void Run(DatasetRuleUse rule, DatasetRuleContext context)
    {
        string Arg(string name, string fallback) => rule.Arguments.TryGetValue(name, out var v) ? v : fallback;
        // The generator has held every argument to its declared type (CODEC024), so a present one always parses; the
        // fallback is the documented default of an argument the schema leaves out.
        double Number(string name, double fallback) => rule.Arguments.TryGetValue(name, out var v) ? double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture) : fallback;
        void Report(string relative, string code, string path, string message) => context.Report(relative, new Finding(code, rule.Severity, path, message));
        void Warn(string relative, string code, string path, string message) => context.Report(relative, new Finding(code, Severity.Warning, path, message));

        switch (rule.Name)
        {
            case "shots_agree": ShotsAgree(context, Report, Warn); break;
            case "audio_duration": AudioDuration(context, Number("defaultFps", 30), Report); break;
            case "aug_substring": AugSubstring(context, Warn); break;
            case "blendshape_npz": BlendshapeNpz(context, Arg("npz", ""), Report, Warn); break;
            case "same_values": SameValues(context, Arg("a", ""), Arg("b", ""), Number("tolerance", 1e-5), Report); break;
            case "recommendations":
                Recommendations(context, (int)Number("minShots", 50), Number("minSeconds", 3), Number("maxSeconds", 30), (int)Number("minShotsPerEmotion", 3),
                    Number("minFps", 30), Arg("emotions", "neutral").Split(' ', StringSplitOptions.RemoveEmptyEntries), Report);
                break;
            default:
                throw new InvalidOperationException("dataset rule without an implementation: " + rule.Name);
        }
    }

    private static SortedSet<string> Shots(IEnumerable<FileFacts> files) => new(files.Select(f => f.File.Shot!).Where(s => s is not null), StringComparer.Ordinal);

    // audio/, cache/skin/, cache/tongue/, every aug voice and the xform archives' keys name the same shots.
    private static void ShotsAgree(DatasetRuleContext c, Action<string, string, string, string> error, Action<string, string, string, string> warn)
    {
        var skin = Shots(c.InFolder("cache/skin/{shot}"));
        var audio = Shots(c.InFolder("audio"));
        var tongue = Shots(c.InFolder("cache/tongue/{shot}"));
        // NVIDIA writes shot names raw into shots.json and a Python clip list: a quote or backslash breaks them.
        foreach (var shot in skin.Where(s => !s.All(ch => char.IsLetterOrDigit(ch) || ch is '_' or '.' or '-')))
            warn($"cache/skin/{shot}", FindingCodes.ShotMismatch, "", $"shot name {shot} has characters outside letters, digits, '_', '.' and '-': NVIDIA's tools write it unescaped into JSON and Python");
        foreach (var shot in skin.Where(s => !audio.Contains(s)))
            error($"cache/skin/{shot}", FindingCodes.ShotMismatch, "", $"shot {shot} has no audio/{shot}.wav: the audio file name must match the animation's");
        foreach (var shot in audio.Where(s => !skin.Contains(s)))
            warn($"audio/{shot}.wav", FindingCodes.ShotMismatch, "", $"no skin cache is named {shot}: this track is never used");
        foreach (var shot in tongue.Where(s => !skin.Contains(s)))
            error($"cache/tongue/{shot}", FindingCodes.ShotMismatch, "", $"tongue cache {shot} has no skin cache of that name: names must match exactly");
        if (tongue.Count > 0)
        {
            foreach (var shot in skin.Where(s => !tongue.Contains(s)))
                warn($"cache/skin/{shot}", FindingCodes.ShotMismatch, "", $"shot {shot} has no tongue cache; training uses a zero placeholder for it");
        }

        foreach (var voice in c.Files.Where(f => f.File.Voice is not null).GroupBy(f => f.File.Voice!))
        {
            var tracks = Shots(voice);
            var missing = skin.Where(s => !tracks.Contains(s)).ToList();
            if (missing.Count > 0)
                warn($"audio/aug/{voice.Key}", FindingCodes.ShotMismatch, "", $"voice {voice.Key} lacks {missing.Count} of the {skin.Count} shots ({string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? ", …" : "")})");
            foreach (var extra in tracks.Where(s => !skin.Contains(s)))
                warn($"audio/aug/{voice.Key}/{extra}.wav", FindingCodes.ShotMismatch, "", $"no skin cache is named {extra}: augmented track names must equal the original tracks'");
        }

        foreach (var archive in c.Files.Where(f => f.File.Spec.Kind == DatasetFileKind.Npz && f.File.Spec.Members.Any(m => m.Key == "{shot}") && f.Readable))
        {
            var keys = archive.Members.Keys.ToHashSet(StringComparer.Ordinal);
            var missing = skin.Where(s => !keys.Contains(s)).ToList();
            if (missing.Count > 0)
                error(archive.File.RelativePath, FindingCodes.ShotMismatch, "", $"no entry for {missing.Count} shot(s) ({string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? ", …" : "")}): training fails with a KeyError on them");
            foreach (var extra in keys.Where(k => !skin.Contains(k)).Order(StringComparer.Ordinal))
                warn(archive.File.RelativePath, FindingCodes.ShotMismatch, "/" + extra, $"entry {extra} names no skin cache's shot");
        }
    }

    // One fps for every shot: the Maya caches' (they declare it), else --fps, else the schema's default; each track
    // lasts its shot's frames / fps within one frame.
    private static void AudioDuration(DatasetRuleContext c, double defaultFps, Action<string, string, string, string> error)
    {
        var declared = c.Files.Where(f => f.FramesPerSecond is not null).ToList();
        double fps = declared.FirstOrDefault()?.FramesPerSecond ?? c.Options.FramesPerSecond ?? defaultFps;
        foreach (var f in declared)
        {
            if (Math.Abs(f.FramesPerSecond!.Value - fps) > 1e-6)
                error(f.File.RelativePath, FindingCodes.DurationMismatch, "", $"this cache runs at {F(f.FramesPerSecond!.Value)} fps, {declared[0].File.RelativePath} at {F(fps)}: every shot needs the same fps");
            else if (c.Options.FramesPerSecond is { } given && Math.Abs(given - fps) > 1e-6)
                error(f.File.RelativePath, FindingCodes.DurationMismatch, "", $"this cache runs at {F(fps)} fps, but --fps says {F(given)}");
        }

        foreach (var track in c.Files.Where(f => f.File.Spec.Kind == DatasetFileKind.Wav && f.DurationSeconds is not null && f.File.Shot is not null))
        {
            if (c.Dimensions.Get("F", track.File.Shot) is not { } frames) continue;
            double expected = frames / fps, actual = track.DurationSeconds!.Value;
            if (Math.Abs(actual - expected) > 1 / fps)
            {
                error(track.File.RelativePath, FindingCodes.DurationMismatch, "",
                    $"{F(actual)} s long, but shot {track.File.Shot} has {frames} frames at {F(fps)} fps = {F(expected)} s (allowed: one frame, {F(1 / fps)} s)");
            }
        }
    }

    // NVIDIA attaches an augmented track to every shot whose name is a substring of the track's file name.
    private static void AugSubstring(DatasetRuleContext c, Action<string, string, string, string> warn)
    {
        var skin = Shots(c.InFolder("cache/skin/{shot}"));
        foreach (var track in c.Files.Where(f => f.File.Voice is not null))
        {
            string name = Path.GetFileName(track.File.Path);
            var claims = skin.Where(s => name.Contains(s, StringComparison.Ordinal)).ToList();
            if (claims.Count > 1)
                warn(track.File.RelativePath, FindingCodes.AmbiguousTrack, "", $"NVIDIA's substring match attaches {name} to {claims.Count} shots: {string.Join(", ", claims)}");
        }
    }

    // What NVIDIA's SDK requires of bs_*.npz (parse_helper.cpp): poseNames, neutral first, a delta per pose of the neutral's size.
    private static void BlendshapeNpz(DatasetRuleContext c, string npz, Action<string, string, string, string> error, Action<string, string, string, string> warn)
    {
        if (c.ByPath(npz) is not { Readable: true } archive) return;
        if (archive.PoseNames is not { } names)
        {
            error(npz, FindingCodes.BlendshapeArchive, "/poseNames", "poseNames is not found (NVIDIA's SDK refuses the archive)");
            return;
        }

        if (names.Count == 0)
        {
            error(npz, FindingCodes.BlendshapeArchive, "/poseNames", "poseNames is empty");
            return;
        }

        if (names[0] != "neutral") error(npz, FindingCodes.BlendshapeArchive, "/poseNames/0", $"poseNames[0] is \"{names[0]}\"; it should be the neutral pose, \"neutral\"");
        archive.Members.TryGetValue(names[0], out var neutral);
        if (neutral is null) error(npz, FindingCodes.BlendshapeArchive, "/" + names[0], $"the neutral pose \"{names[0]}\" is not a member");
        long neutralSize = neutral?.Shape.Aggregate(1L, (a, b) => a * b) ?? -1;
        foreach (var name in names.Skip(1))
        {
            if (!archive.Members.TryGetValue(name, out var delta))
            {
                error(npz, FindingCodes.BlendshapeArchive, "/" + name, $"Delta pose ({name}) is not found");
                continue;
            }

            if (neutralSize >= 0 && delta.Shape.Aggregate(1L, (a, b) => a * b) != neutralSize)
                error(npz, FindingCodes.BlendshapeArchive, "/" + name, $"Delta poses size mismatch: {name} has shape ({string.Join(", ", delta.Shape)}), the neutral {neutralSize} values");
        }

        var known = new HashSet<string>(names, StringComparer.Ordinal) { "poseNames", "frontalMask", "rig_version" };
        foreach (var extra in archive.Members.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal))
            warn(npz, FindingCodes.BlendshapeArchive, "/" + extra, $"member {extra} is not in poseNames: the SDK never reads it");

        foreach (var (key, indices) in archive.Indices)
        {
            if (c.Dimensions.Get("V") is not { } v) continue;
            int bad = Array.FindIndex(indices, i => i < 0 || i >= v);
            if (bad >= 0) error(npz, FindingCodes.BlendshapeArchive, $"/{key}/{bad}", $"{key}[{bad}] = {indices[bad]} is not a vertex index (V = {v})");
        }
    }

    // "path#member" or "path": two arrays that must hold the same values within a tolerance.
    private static void SameValues(DatasetRuleContext c, string a, string b, double tolerance, Action<string, string, string, string> error)
    {
        var (fa, va) = Values(c, a);
        var (fb, vb) = Values(c, b);
        if (va is null || vb is null) return;
        if (va.Length != vb.Length)
        {
            error(fa!.File.RelativePath, FindingCodes.ValuesDiffer, "", $"{a} has {va.Length} values and {b} {vb.Length}: they must be the same pose");
            return;
        }

        double worst = 0;
        int at = -1;
        for (int i = 0; i < va.Length; i++)
        {
            double d = Math.Abs(va[i] - vb[i]);
            if (!(d <= worst)) (worst, at) = (double.IsNaN(d) ? double.PositiveInfinity : d, i);
        }

        if (worst > tolerance)
            error(fa!.File.RelativePath, FindingCodes.ValuesDiffer, "", $"{a} differs from {b} by up to {G(worst)} (at value {at}; tolerance {G(tolerance)}): the blendshape neutral must be the training neutral");
    }

    private static (FileFacts?, float[]?) Values(DatasetRuleContext c, string reference)
    {
        int hash = reference.IndexOf('#');
        string path = hash < 0 ? reference : reference[..hash], member = hash < 0 ? "" : reference[(hash + 1)..];
        var facts = c.ByPath(path);
        return facts is not null && facts.Values.TryGetValue(member, out var values) ? (facts, values) : (facts, null);
    }

    private static void Recommendations(DatasetRuleContext c, int minShots, double minSeconds, double maxSeconds, int perEmotion, double minFps, string[] emotions,
        Action<string, string, string, string> warn)
    {
        var skin = Shots(c.InFolder("cache/skin/{shot}"));
        if (skin.Count == 0) return;
        if (skin.Count < minShots) warn("cache/skin", FindingCodes.Recommendation, "", $"{skin.Count} shots; NVIDIA's Audio2Face-3D guide recommends at least {minShots}");
        double fps = c.Options.FramesPerSecond ?? c.Files.FirstOrDefault(f => f.FramesPerSecond is not null)?.FramesPerSecond ?? 30;
        if (fps < minFps - 0.5) warn("cache/skin", FindingCodes.Recommendation, "", $"{F(fps)} fps; about {F(minFps)} fps or more is optimal");
        foreach (var shot in skin)
        {
            if (c.Dimensions.Get("F", shot) is not { } frames) continue;
            double seconds = frames / fps;
            if (seconds < minSeconds || seconds > maxSeconds)
                warn($"cache/skin/{shot}", FindingCodes.Recommendation, "", $"shot {shot} lasts {F(seconds)} s; NVIDIA's Audio2Face-3D guide recommends {F(minSeconds)}–{F(maxSeconds)} s");
        }

        // Emotions are inferred as NVIDIA does: the first listed name that is a substring of the shot name, else neutral.
        var counts = skin.GroupBy(s => emotions.FirstOrDefault(e => s.Contains(e, StringComparison.Ordinal)) ?? "neutral");
        foreach (var group in counts.Where(g => g.Count() < perEmotion).OrderBy(g => g.Key, StringComparer.Ordinal))
            warn("cache/skin", FindingCodes.Recommendation, "", $"emotion {group.Key} has {group.Count()} shot(s); NVIDIA's Audio2Face-3D guide asks for at least {perEmotion} per emotion");
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    private static string G(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
