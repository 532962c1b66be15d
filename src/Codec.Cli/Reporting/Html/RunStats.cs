using Codec.Formats.Validation;
using Codec.Formats.Datasets;
using Codec.Runtime.Findings;

namespace Codec.Cli.Reporting.Html;

/// <summary>A render whose landmarks lie farthest from their 3D projection.</summary>
public sealed record WorstRender(string InfoPath, string System, double MaxPx, double MeanPx);

/// <summary>One landmark system's reprojection error over the renders: the per-render means and maxima.</summary>
public sealed record SystemErrors(string System, IReadOnlyList<double> Means, IReadOnlyList<double> Maxima);

/// <summary>One mask class: in how many masks it appears and its share of their pixels.</summary>
public sealed record ClassCoverage(string Class, int Masks, double PixelShare);

/// <summary>
/// What a report draws, gathered once from a run's reports (those of <c>codec validate</c> or of a merge): totals,
/// finding counts by code, and the facts the shard file holds — renders, landmark errors, mask classes and
/// Audio2Face-3D clips. The same statistics of an earlier run are what drift is measured against.
/// </summary>
public sealed class RunStats
{
    /// <summary>The run's totals and exit code.</summary>
    public RunTally Tally { get; private init; } = new();

    public long Files { get; private init; }
    public long Clean { get; private init; }
    public long Errors { get; private init; }
    public long Warnings { get; private init; }
    public long Infos { get; private init; }
    public IReadOnlyList<CodeCount> Codes { get; private init; } = [];

    /// <summary>Numeric distributions of the renders, by the name the report shows (each a <see cref="ValueSample"/>: bounded).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> Numbers { get; private init; } = new Dictionary<string, IReadOnlyList<double>>();

    /// <summary>Categorical distributions of the renders (sex, ethnicity, expression), value → renders.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Categories { get; private init; } = new Dictionary<string, IReadOnlyDictionary<string, long>>();

    public long Renders { get; private init; }
    public IReadOnlyList<SystemErrors> Landmarks { get; private init; } = [];
    public IReadOnlyList<WorstRender> Worst { get; private init; } = [];
    public long Masks { get; private init; }
    public IReadOnlyList<ClassCoverage> Classes { get; private init; } = [];

    /// <summary>The Audio2Face-3D audio tracks and caches.</summary>
    public IReadOnlyList<(string Path, ClipFacts Clip)> Clips { get; private init; } = [];

    /// <summary>The names of the numeric distributions, in the order the report draws them, with their units.</summary>
    public static readonly IReadOnlyList<(string Name, string Unit)> NumberNames =
    [
        ("head yaw", "°"), ("head pitch", "°"), ("head roll", "°"), ("gaze horizontal", "°"), ("gaze vertical", "°"),
        ("camera distance", "m"), ("focal length", "mm"), ("age", "years"), ("expression intensity", ""),
    ];

    public static readonly IReadOnlyList<string> CategoryNames = ["sex", "ethnicity", "expression"];

    /// <summary>How many of the worst renders are kept (each becomes a thumbnail).</summary>
    public const int WorstCount = 6;

    /// <summary>The statistics of <paramref name="reports"/>, read once, in order.</summary>
    public static RunStats From(IEnumerable<FileCheckResult> reports)
    {
        var tally = new RunTally();
        var numbers = NumberNames.ToDictionary(n => n.Name, _ => new ValueSample());
        var categories = CategoryNames.ToDictionary(n => n, _ => new Dictionary<string, long>(StringComparer.Ordinal));
        var systems = new Dictionary<string, (ValueSample Means, ValueSample Maxima)>(StringComparer.Ordinal);
        var worst = new List<WorstRender>();
        var classes = new Dictionary<string, (int Masks, double Share)>(StringComparer.Ordinal);
        var clips = new List<(string, ClipFacts)>();
        long renders = 0, masks = 0;

        void Add(string name, double? value)
        {
            if (value is { } v && double.IsFinite(v)) numbers[name].Add(v);
        }

        void Count(string name, string? value)
        {
            if (value is null) return;
            categories[name][value] = categories[name].GetValueOrDefault(value) + 1;
        }

        foreach (var report in reports)
        {
            tally.Add(report);
            if (report.Render is { } r)
            {
                renders++;
                Add("head yaw", r.HeadYaw);
                Add("head pitch", r.HeadPitch);
                Add("head roll", r.HeadRoll);
                Add("gaze horizontal", r.GazeHorizontal);
                Add("gaze vertical", r.GazeVertical);
                Add("camera distance", r.CameraDistance);
                Add("focal length", r.FocalLengthMm);
                Add("age", r.Age);
                Add("expression intensity", r.ExpressionIntensity);
                Count("sex", r.Sex);
                Count("ethnicity", r.Ethnicity);
                Count("expression", r.Expression);
                foreach (var system in r.Landmarks)
                {
                    if (!systems.TryGetValue(system.System, out var lists)) systems[system.System] = lists = (new ValueSample(), new ValueSample());
                    lists.Means.Add(system.MeanPx);
                    lists.Maxima.Add(system.MaxPx);
                }

                if (r.Landmarks.Count > 0)
                {
                    var top = r.Landmarks.MaxBy(l => l.MaxPx)!;
                    worst.Add(new WorstRender(report.Path, top.System, top.MaxPx, top.MeanPx));
                    if (worst.Count > 4 * WorstCount) worst = worst.OrderByDescending(w => w.MaxPx).Take(WorstCount).ToList();
                }
            }

            if (report.MaskClasses is { Count: > 0 } maskClasses)
            {
                masks++;
                double total = maskClasses.Sum(c => (double)c.Pixels);
                foreach (var c in maskClasses.Where(c => c.Pixels > 0))
                {
                    var (count, share) = classes.GetValueOrDefault(c.Class);
                    classes[c.Class] = (count + 1, share + (total > 0 ? c.Pixels / total : 0));
                }
            }

            if (report.Clip is { } clip) clips.Add((report.Path, clip));
        }

        return new RunStats
        {
            Tally = tally,
            Files = tally.Files,
            Clean = tally.Clean,
            Errors = tally.Errors,
            Warnings = tally.Warnings,
            Infos = tally.Infos,
            Codes = tally.Codes(withInfos: true),
            Numbers = numbers.ToDictionary(n => n.Key, n => (IReadOnlyList<double>)n.Value),
            Categories = categories.ToDictionary(c => c.Key, c => (IReadOnlyDictionary<string, long>)c.Value),
            Renders = renders,
            Landmarks = systems.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new SystemErrors(s.Key, s.Value.Means, s.Value.Maxima)).ToList(),
            Worst = worst.OrderByDescending(w => w.MaxPx).Take(WorstCount).ToList(),
            Masks = masks,
            Classes = classes.Select(c => new ClassCoverage(c.Key, c.Value.Masks, masks == 0 ? 0 : c.Value.Share / masks)).OrderByDescending(c => c.Masks).ThenBy(c => c.Class, StringComparer.Ordinal).ToList(),
            Clips = clips,
        };
    }

    /// <summary>The value below which a fraction <paramref name="q"/> of <paramref name="values"/> lie (sorted copy, linear between ranks).</summary>
    public static double Quantile(IReadOnlyList<double> values, double q)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        double at = q * (sorted.Length - 1);
        int low = (int)Math.Floor(at), high = (int)Math.Ceiling(at);
        return sorted[low] + ((sorted[high] - sorted[low]) * (at - low));
    }
}
