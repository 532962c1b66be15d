using System.Globalization;
using Codec.Formats.Files;
using Codec.Formats.Findings;
using Codec.Runtime.Findings;

namespace Codec.Formats.Datasets;

/// <summary>
/// The cross-file rules a dataset layout may use, each called by the generated contract with the typed arguments
/// the schema gives (the generator's rule registry names them, their types and their defaults). What a dataset
/// means — which folder holds the reference shots, which dimension counts frames — comes in as arguments; nothing
/// here knows a particular dataset. Each finding is reported at the file or folder it concerns.
/// </summary>
public static class DatasetRules
{
    /// <summary>
    /// The instances of <paramref name="placeholder"/> in <paramref name="other"/> are those of
    /// <paramref name="reference"/>: a folder (each instance missing is reported at the reference instance), an
    /// archive (its members; what it lacks in one finding), or a folder with a second placeholder
    /// (<c>audio/aug/{voice}</c>: compared per voice, what one lacks in one finding).
    /// </summary>
    public static void InstancesAgree(DatasetRuleContext c, Severity severity, string placeholder, string reference, string other,
        Severity missing, Severity extra, bool onlyIfAny)
    {
        missing = Cap(missing, severity);
        extra = Cap(extra, severity);
        var referenceInstances = c.Instances(reference, placeholder).ToList();
        // A reference with no instances (missing, empty, a link that loops) is its own finding: naming every other
        // instance as one it lacks would only repeat it.
        if (referenceInstances.Count == 0) return;
        var expected = Values(referenceInstances);
        var found = c.Instances(other, placeholder).ToList();
        if (found.Count == 0 && onlyIfAny) return;

        void Extra(Instance instance, string path) =>
            c.Report(instance.ReportAt, new Finding(DatasetFindingCodes.InstancesDisagree, extra, path, $"{instance.Value} names no {placeholder} of {Folder(reference)}"));

        // An archive's instances are its members; an absent or unreadable archive is its own finding, not one per instance.
        if (c.IsArchive(other))
        {
            if (c.ByPath(other) is not { Readable: true }) return;
            var members = Values(found);
            var absent = expected.Where(v => !members.Contains(v)).ToList();
            if (absent.Count > 0)
                c.Report(other, new Finding(DatasetFindingCodes.InstancesDisagree, missing, "", $"no entry for {absent.Count} {placeholder}(s) of {Folder(reference)} ({Few(absent)})"));
            foreach (var instance in found.Where(i => !expected.Contains(i.Value))) Extra(instance, "/" + instance.Value);
            return;
        }

        if (found.Any(i => i.Group is not null))
        {
            foreach (var group in found.GroupBy(i => i.Group!, StringComparer.Ordinal))
            {
                var present = Values(group);
                var absent = expected.Where(v => !present.Contains(v)).ToList();
                if (absent.Count > 0)
                    c.Report(GroupPath(other, group.First()), new Finding(DatasetFindingCodes.InstancesDisagree, missing, "", $"{group.Key} lacks {absent.Count} of the {expected.Count} {placeholder}s of {Folder(reference)} ({Few(absent)})"));
                foreach (var instance in group.Where(i => !expected.Contains(i.Value))) Extra(instance, "");
            }

            return;
        }

        var have = Values(found);
        foreach (var instance in referenceInstances.Where(i => !have.Contains(i.Value)).DistinctBy(i => i.Value))
            c.Report(instance.ReportAt, new Finding(DatasetFindingCodes.InstancesDisagree, missing, "", $"{placeholder} {instance.Value} has nothing in {Folder(other)}: the names must match exactly"));
        foreach (var instance in found.Where(i => !expected.Contains(i.Value))) Extra(instance, "");
    }

    /// <summary>Instance names use only letters, digits, '_', '.' and '-' (warnings).</summary>
    public static void PortableNames(DatasetRuleContext c, string placeholder, string where)
    {
        foreach (var instance in c.Instances(where, placeholder).DistinctBy(i => i.Value))
        {
            if (instance.Value.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '.' or '-')) continue;
            c.Report(instance.ReportAt, new Finding(DatasetFindingCodes.InstancesDisagree, Severity.Warning, "",
                $"{placeholder} name {instance.Value} has characters outside letters, digits, '_', '.' and '-': tools that write it unescaped into JSON or code break on it"));
        }
    }

    /// <summary>
    /// One fps for every instance — the caches' own (Maya caches declare it), else <c>--fps</c>, else
    /// <paramref name="defaultFps"/> — and each audio track bound to an instance lasts its frames / fps within one frame.
    /// </summary>
    public static void DurationMatchesFrames(DatasetRuleContext c, Severity severity, string placeholder, string frames, double defaultFps)
    {
        var declared = c.Files.Where(f => f.FramesPerSecond is not null).ToList();
        double fps = FramesPerSecond(c, defaultFps);
        foreach (var f in declared)
        {
            if (Math.Abs(f.FramesPerSecond!.Value - fps) > 1e-6)
                c.Report(f.File.RelativePath, new Finding(DatasetFindingCodes.DurationMismatch, severity, "", $"this cache runs at {F(f.FramesPerSecond!.Value)} fps, {declared[0].File.RelativePath} at {F(fps)}: every {placeholder} needs the same fps"));
            else if (c.FramesPerSecond is { } given && Math.Abs(given - fps) > 1e-6)
                c.Report(f.File.RelativePath, new Finding(DatasetFindingCodes.DurationMismatch, severity, "", $"this cache runs at {F(fps)} fps, but --fps says {F(given)}"));
        }

        foreach (var track in c.Files.Where(f => f.File.Spec.Kind == FileKind.Wav && f.DurationSeconds is not null))
        {
            if (track.File.Bound(placeholder) is not { } instance || c.Dimensions.Get(frames, instance) is not { } count) continue;
            double expected = count / fps, actual = track.DurationSeconds!.Value;
            if (Math.Abs(actual - expected) > 1 / fps)
            {
                c.Report(track.File.RelativePath, new Finding(DatasetFindingCodes.DurationMismatch, severity, "",
                    $"{F(actual)} s long, but {placeholder} {instance} has {count} frames at {F(fps)} fps = {F(expected)} s (allowed: one frame, {F(1 / fps)} s)"));
            }
        }
    }

    /// <summary>
    /// Each audio track in <paramref name="where"/> is fit to learn from: NVIDIA's model card warns that low-quality
    /// audio gives inaccurate lip poses. Clipping (runs of samples at full scale), mostly silence, a DC offset and a
    /// track far too quiet are each a finding at the track, with the measured value and the threshold.
    /// </summary>
    public static void AudioLevels(DatasetRuleContext c, Severity severity, string where, int clipRun, double maxClipped, double silenceDb, double maxSilent, double maxDcOffset, double minPeakDb)
    {
        foreach (var track in c.Files.Where(f => f.File.Spec.Kind == FileKind.Wav && f.Levels is not null && f.File.Folder.Path == where))
        {
            var levels = track.Levels!;
            void Report(string message) => c.Report(track.File.RelativePath, new Finding(DatasetFindingCodes.AudioQuality, severity, "", message));
            long clipped = levels.ClippedSamples(clipRun);
            if (levels.Samples > 0 && clipped > maxClipped * levels.Samples)
                Report($"clips: {clipped:N0} samples ({P(clipped / (double)levels.Samples)}) sit at full scale in runs of {clipRun} or more; at most {P(maxClipped)} may");
            double silent = levels.SilentShare(silenceDb);
            if (silent > maxSilent)
                Report($"mostly silence: {P(silent)} of its {Codec.Runtime.Binary.Audio.AudioLevels.WindowSeconds * 1000:0} ms windows are below {F(silenceDb)} dBFS; at most {P(maxSilent)} may be");
            if (levels.DcOffset > maxDcOffset)
                Report($"a DC offset of {levels.DcOffset:0.####} of full scale (at most {F(maxDcOffset)}): the recording chain shifts every sample");
            if (levels.PeakDb < minPeakDb)
                Report($"far too quiet: its loudest sample is at {(double.IsNegativeInfinity(levels.PeakDb) ? "silence" : levels.PeakDb.ToString("0.#", CultureInfo.InvariantCulture) + " dBFS")}; a usable track reaches {F(minPeakDb)} dBFS");
        }
    }

    private static string P(double share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>No file of <paramref name="where"/> has a name containing several reference instances (warnings).</summary>
    public static void SubstringClaims(DatasetRuleContext c, string placeholder, string reference, string where)
    {
        var names = Values(c.Instances(reference, placeholder));
        foreach (var file in c.Files.Where(f => f.File.Folder.Path == where))
        {
            string name = Path.GetFileName(file.File.Path);
            var claims = names.Where(s => name.Contains(s, StringComparison.Ordinal)).ToList();
            if (claims.Count > 1)
                c.Report(file.File.RelativePath, new Finding(DatasetFindingCodes.AmbiguousSubstring, Severity.Warning, "", $"a match by substring attaches {name} to {claims.Count} {placeholder}s: {string.Join(", ", claims)}"));
        }
    }

    /// <summary>
    /// A blendshape archive as NVIDIA's SDK reads it: <paramref name="names"/> lists the poses, <paramref name="neutral"/>
    /// first; every other pose is a member of the neutral's size; members neither listed nor declared are never read.
    /// </summary>
    public static void BlendshapeNpz(DatasetRuleContext c, Severity severity, string npz, string names, string neutral)
    {
        if (c.ByPath(npz) is not { Readable: true } archive) return;
        void Error(string path, string message) => c.Report(npz, new Finding(DatasetFindingCodes.BlendshapeArchive, severity, path, message));
        if (!archive.Strings.TryGetValue(names, out var poses))
        {
            Error("/" + names, $"{names} is not found");
            return;
        }

        if (poses.Count == 0)
        {
            Error("/" + names, $"{names} is empty");
            return;
        }

        if (poses[0] != neutral) Error($"/{names}/0", $"{names}[0] is \"{poses[0]}\"; it should be the neutral pose, \"{neutral}\"");
        archive.Members.TryGetValue(poses[0], out var first);
        if (first is null) Error("/" + poses[0], $"the neutral pose \"{poses[0]}\" is not a member");
        long neutralSize = first?.Shape.Aggregate(1L, (a, b) => a * b) ?? -1;
        foreach (var pose in poses.Skip(1))
        {
            if (!archive.Members.TryGetValue(pose, out var delta))
            {
                Error("/" + pose, $"Delta pose ({pose}) is not found");
                continue;
            }

            if (neutralSize >= 0 && delta.Shape.Aggregate(1L, (a, b) => a * b) != neutralSize)
                Error("/" + pose, $"Delta poses size mismatch: {pose} has shape ({string.Join(", ", delta.Shape)}), the neutral {neutralSize} values");
        }

        var known = new HashSet<string>(poses, StringComparer.Ordinal) { names };
        known.UnionWith(archive.File.Spec.Members.Select(m => m.Key).Where(k => !MemberSpecs.IsPattern(k)));
        foreach (var extra in archive.Members.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal))
            c.Report(npz, new Finding(DatasetFindingCodes.BlendshapeArchive, Severity.Warning, "/" + extra, $"member {extra} is not in {names}: nothing reads it"));
    }

    /// <summary>Two arrays (<c>path</c> or <c>path#member</c>) hold the same values within <paramref name="tolerance"/>.</summary>
    public static void SameValues(DatasetRuleContext c, Severity severity, string a, string b, double tolerance)
    {
        var (fa, va) = Values(c, a);
        var (_, vb) = Values(c, b);
        if (va is null || vb is null) return;
        if (va.Length != vb.Length)
        {
            c.Report(fa!.File.RelativePath, new Finding(DatasetFindingCodes.ValuesDiffer, severity, "", $"{a} has {va.Length} values and {b} {vb.Length}: they must be the same"));
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
            c.Report(fa!.File.RelativePath, new Finding(DatasetFindingCodes.ValuesDiffer, severity, "", $"{a} differs from {b} by up to {G(worst)} (at value {at}; tolerance {G(tolerance)})"));
    }

    /// <summary>
    /// Enough reference instances, each neither too short nor too long, at a high enough frame rate, and enough per
    /// emotion (an instance's emotion is the first listed name its name contains, else <c>neutral</c>).
    /// </summary>
    public static void Recommendations(DatasetRuleContext c, Severity severity, string placeholder, string reference, string frames, int minShots,
        double minSeconds, double maxSeconds, int minShotsPerEmotion, double minFps, double defaultFps, string[] emotions)
    {
        var instances = c.Instances(reference, placeholder).DistinctBy(i => i.Value).ToList();
        if (instances.Count == 0) return;
        // Counts, rates and emotions are the dataset's, reported at its own folder; a shot's length at the shot.
        const string root = "";
        void Warn(string at, string message) => c.Report(at, new Finding(DatasetFindingCodes.Recommendation, severity, "", message));
        if (instances.Count < minShots) Warn(root, $"{instances.Count} {placeholder}s; at least {minShots} are recommended");
        double fps = FramesPerSecond(c, defaultFps);
        c.Labels.FramesPerSecond = fps;
        if (fps < minFps - 0.5) Warn(root, $"{F(fps)} fps; about {F(minFps)} fps or more is optimal");
        foreach (var instance in instances)
        {
            if (c.Dimensions.Get(frames, instance.Value) is not { } count) continue;
            double seconds = count / fps;
            if (seconds < minSeconds || seconds > maxSeconds)
                Warn(instance.ReportAt, $"{placeholder} {instance.Value} lasts {F(seconds)} s; {F(minSeconds)}–{F(maxSeconds)} s are recommended");
        }

        string EmotionOf(Instance i) => emotions.FirstOrDefault(e => i.Value.Contains(e, StringComparison.Ordinal)) ?? "neutral";
        foreach (var instance in instances) c.Labels.Emotions[placeholder + "=" + instance.Value] = EmotionOf(instance);
        var counts = instances.GroupBy(EmotionOf);
        foreach (var group in counts.Where(g => g.Count() < minShotsPerEmotion).OrderBy(g => g.Key, StringComparer.Ordinal))
            Warn(root, $"emotion {group.Key} has {group.Count()} {placeholder}(s); at least {minShotsPerEmotion} per emotion are recommended");
    }

    // One frame rate for the dataset: the first cache that declares one (Maya caches do), else --fps, else the default.
    private static double FramesPerSecond(DatasetRuleContext c, double defaultFps) =>
        c.Files.FirstOrDefault(f => f.FramesPerSecond is not null)?.FramesPerSecond ?? c.FramesPerSecond ?? defaultFps;

    private static SortedSet<string> Values(IEnumerable<Instance> instances) => new(instances.Select(i => i.Value), StringComparer.Ordinal);

    private static (FileFacts?, float[]?) Values(DatasetRuleContext c, string reference)
    {
        int hash = reference.IndexOf('#');
        string path = hash < 0 ? reference : reference[..hash], member = hash < 0 ? "" : reference[(hash + 1)..];
        var facts = c.ByPath(path);
        return facts is not null && facts.Values.TryGetValue(member, out var values) ? (facts, values) : (facts, null);
    }

    // A group of a folder with a second placeholder is reported at that instance's folder (audio/aug/v2).
    private static string GroupPath(string pattern, Instance member)
    {
        int depth = pattern.Split('/').TakeWhile(s => !s.StartsWith('{')).Count() + 1;
        return string.Join('/', member.ReportAt.Split('/').Take(depth));
    }

    // "cache/skin/{shot}" → "cache/skin/", "audio" → "audio/", "xform/a.npz" → "xform/a.npz": what a reader calls the place.
    private static string Folder(string pattern)
    {
        int placeholder = pattern.IndexOf("/{", StringComparison.Ordinal);
        if (placeholder >= 0) return pattern[..(placeholder + 1)];
        return Path.HasExtension(pattern) ? pattern : pattern + "/";
    }

    // A rule used with "severity": "warning" reports nothing as an error.
    private static Severity Cap(Severity given, Severity rule) => rule == Severity.Warning && given == Severity.Error ? Severity.Warning : given;

    private static string Few(IReadOnlyList<string> values) => string.Join(", ", values.Take(5)) + (values.Count > 5 ? ", …" : "");

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    private static string G(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
