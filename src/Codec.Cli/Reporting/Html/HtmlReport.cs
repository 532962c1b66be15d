using System.Globalization;
using System.Text;
using Codec.Formats.Findings;
using Codec.Formats.Validation;
using Codec.Runtime.Files;
using Codec.Runtime.Findings;
using static Codec.Cli.Reporting.Html.Html;

namespace Codec.Cli.Reporting.Html;

/// <summary>
/// What an HTML report is drawn from: a run's reports (or a merge's), and what the run was told. The reports are read
/// twice, in order (the statistics, then the findings listed): a merge streams them from its shard files each time.
/// </summary>
/// <param name="Paths">What was checked, as given.</param>
/// <param name="Suppressed">Findings that codec.json or --ignore silenced.</param>
/// <param name="Baseline">An earlier run's reports to compare with, or null.</param>
public sealed record ReportInput(IEnumerable<FileCheckResult> Reports, IReadOnlyList<string> Paths, long Suppressed, ReportPolicy Policy,
    IEnumerable<FileCheckResult>? Baseline = null, string? BaselineName = null)
{
    /// <summary>When the report was made (fixed by tests); null: now.</summary>
    public DateTimeOffset? MadeAt { get; init; }
}

/// <summary>
/// <c>--html</c> and <c>codec report</c>: one self-contained HTML file — nothing fetched, readable from disk and as a
/// CI artifact, in the light and the dark theme. It shows the verdict and totals; a table of the codes found (count,
/// severity, meaning, a link to its entry) that filters the findings; what moved since a baseline; for Synthesis
/// outputs the distributions of head pose, gaze, camera, lens, identity and expression, the landmark reprojection
/// error per system, mask class coverage and the worst renders drawn with their landmarks; for Audio2Face-3D
/// datasets shot durations against audio length, emotions, motion per shot and vertex counts; then the findings by
/// file and the documentation of every code found.
/// </summary>
public static class HtmlReport
{
    /// <summary>Findings listed in the page; the rest are counted (the Parquet file or --json has them all).</summary>
    public const int MaxListedFindings = 5_000;

    /// <summary>Writes the report aside and moves it into place; false (said on <paramref name="stderr"/>) when it cannot.</summary>
    public static bool WriteFile(string path, ReportInput input, TextWriter stderr)
    {
        string html = Build(input);
        bool written = OutputFile.Write([path], overwrite: true, aside =>
        {
            File.WriteAllText(aside[0], html, new UTF8Encoding(false));
            return new FileInfo(aside[0]).Length == Encoding.UTF8.GetByteCount(html);
        });
        if (!written) stderr.WriteLine($"codec: the HTML report for {path} could not be written; nothing was put in place");
        return written;
    }

    public static string Build(ReportInput input)
    {
        var stats = RunStats.From(input.Reports);
        var baseline = input.Baseline is null ? null : RunStats.From(input.Baseline);
        bool failed = stats.Tally.ExitCode(input.Policy.WarningsAsErrors) != 0;
        var page = new StringBuilder();
        string when = (input.MadeAt ?? DateTimeOffset.UtcNow).ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        page.Append("<meta name=\"color-scheme\" content=\"light dark\">\n");
        page.Append($"<title>codec report: {Escape(string.Join(", ", input.Paths.Take(3)))}</title>\n<style>{ReportStyle.Css}</style>\n</head>\n<body>\n");
        page.Append($"<header><h1>codec report</h1><p class=\"muted\">{Escape(string.Join(", ", input.Paths))} · {when}</p></header>\n<main>\n");

        Verdict(page, stats, input, failed);
        Codes(page, stats);
        if (baseline is not null) DriftSection(page, baseline, stats, input.BaselineName ?? "baseline");
        if (stats.Renders > 0 || stats.Masks > 0) Synthesis(page, stats, baseline);
        if (stats.Clips.Count > 0) Audio2Face(page, stats);
        Findings(page, input.Reports, stats.Tally);
        Documentation(page, stats);

        page.Append("</main>\n<footer class=\"muted\">Made by codec ").Append(Escape(typeof(HtmlReport).Assembly.GetName().Version?.ToString(3))).Append(". Every finding code is explained by <code>codec explain CODE</code>.</footer>\n");
        page.Append("<script>").Append(ReportStyle.Script).Append("</script>\n</body>\n</html>\n");
        return page.ToString();
    }

    private static void Verdict(StringBuilder page, RunStats stats, ReportInput input, bool failed)
    {
        page.Append("<section id=\"verdict\">\n");
        page.Append($"<p class=\"verdict {(failed ? "fail" : "pass")}\">{(failed ? "Fails" : "Passes")}: {Count(stats.Errors)} error{(stats.Errors == 1 ? "" : "s")}, {Count(stats.Warnings)} warning{(stats.Warnings == 1 ? "" : "s")}{(input.Policy.WarningsAsErrors ? " (warnings count as errors)" : "")}</p>\n");
        page.Append("<div class=\"cards\">");
        Card(page, "files checked", Count(stats.Files));
        Card(page, "clean", Count(stats.Clean));
        Card(page, "errors", Count(stats.Errors), stats.Errors > 0 ? "e" : "");
        Card(page, "warnings", Count(stats.Warnings), stats.Warnings > 0 ? "w" : "");
        Card(page, "infos", Count(stats.Infos));
        if (input.Suppressed > 0) Card(page, "suppressed", Count(input.Suppressed));
        if (stats.Renders > 0) Card(page, "renders", Count(stats.Renders));
        if (stats.Clips.Count > 0) Card(page, "clips", Count(stats.Clips.Count));
        page.Append("</div>\n</section>\n");
    }

    private static void Card(StringBuilder page, string label, string value, string kind = "") =>
        page.Append($"<div class=\"{(kind.Length == 0 ? "card" : "card " + kind)}\"><span class=\"n\">{value}</span><span class=\"muted\">{Escape(label)}</span></div>");

    private static void Codes(StringBuilder page, RunStats stats)
    {
        page.Append("<section id=\"codes\">\n<h2>Findings by code</h2>\n");
        if (stats.Codes.Count == 0)
        {
            page.Append("<p>No findings.</p>\n</section>\n");
            return;
        }

        page.Append("<p class=\"muted\">Choose a code to list only its findings below.</p>\n");
        page.Append("<table class=\"codes\"><thead><tr><th>Code</th><th>Severity</th><th class=\"r\">Findings</th><th class=\"r\">Files</th><th>Meaning</th><th></th></tr></thead><tbody>\n");
        foreach (var c in stats.Codes)
        {
            var doc = BuiltInFindings.Catalog.Find(c.Code);
            page.Append($"<tr data-filter=\"{Escape(c.Code)}\" tabindex=\"0\"><td><code>{Escape(c.Code)}</code></td><td><span class=\"sev {Sev(c.Severity)}\">{Sev(c.Severity)}</span></td>");
            page.Append($"<td class=\"r\">{Count(c.Findings)}</td><td class=\"r\">{Count(c.Files)}</td><td>{Escape(doc?.Title)}: {Escape(doc?.Meaning)}</td>");
            page.Append($"<td><a href=\"#doc-{Escape(c.Code.ToLowerInvariant())}\">what to do</a></td></tr>\n");
        }

        page.Append("</tbody></table>\n</section>\n");
    }

    private static void DriftSection(StringBuilder page, RunStats before, RunStats after, string name)
    {
        page.Append($"<section id=\"drift\">\n<h2>Since {Escape(Path.GetFileName(name))}</h2>\n");
        page.Append($"<p class=\"muted\">Compared with an earlier run: {Count(before.Files)} files then, {Count(after.Files)} now; errors {Count(before.Errors)} → {Count(after.Errors)}, warnings {Count(before.Warnings)} → {Count(after.Warnings)}. Numbers are compared by the Kolmogorov–Smirnov distance (flagged past its 1% critical value and {Drift.MinDistance}), categories by the total variation distance of their shares (flagged from {Drift.CategoryDistance}).</p>\n");
        var distributions = Drift.Distributions(before, after);
        if (distributions.Count > 0)
        {
            page.Append("<table class=\"drift\"><thead><tr><th>Distribution</th><th class=\"r\">Then</th><th class=\"r\">Now</th><th class=\"r\">Distance</th><th>Change</th></tr></thead><tbody>\n");
            foreach (var d in distributions.OrderByDescending(d => d.Moved).ThenByDescending(d => d.Distance))
                page.Append($"<tr class=\"{(d.Moved ? "moved" : "")}\"><td>{Escape(d.Name)}{(d.Moved ? " <span class=\"sev warning\">moved</span>" : "")}</td><td class=\"r\">{Count(d.Before)}</td><td class=\"r\">{Count(d.After)}</td><td class=\"r\">{d.Distance:0.000}</td><td>{Escape(d.Change)}</td></tr>\n");
            page.Append("</tbody></table>\n");
        }

        var codes = Drift.Codes(before, after);
        if (codes.Count > 0)
        {
            page.Append("<table class=\"drift\"><thead><tr><th>Code</th><th class=\"r\">Then</th><th class=\"r\">Now</th><th class=\"r\">Change</th><th>Meaning</th></tr></thead><tbody>\n");
            foreach (var c in codes)
                page.Append($"<tr class=\"{(c.Moved ? "moved" : "")}\"><td><code>{Escape(c.Code)}</code></td><td class=\"r\">{Count(c.Before)}</td><td class=\"r\">{Count(c.After)}</td><td class=\"r\">{(c.After - c.Before).ToString("+#,0;-#,0;0", CultureInfo.InvariantCulture)}</td><td>{Escape(BuiltInFindings.Catalog.Find(c.Code)?.Title)}</td></tr>\n");
            page.Append("</tbody></table>\n");
        }

        page.Append("</section>\n");
    }

    private static void Synthesis(StringBuilder page, RunStats stats, RunStats? baseline)
    {
        page.Append("<section id=\"synthesis\">\n<h2>Renders</h2>\n");
        page.Append($"<p class=\"muted\">{Count(stats.Renders)} renders described by their info.json{(baseline is null ? "" : "; outlines and ticks are the baseline")}.</p>\n<div class=\"charts\">\n");
        foreach (var (name, unit) in RunStats.NumberNames)
        {
            var values = stats.Numbers[name];
            if (values.Count == 0) continue;
            page.Append(SvgCharts.Histogram(name, unit, values, baseline?.Numbers[name]));
        }

        foreach (var name in RunStats.CategoryNames)
        {
            var counts = stats.Categories[name];
            if (counts.Count == 0) continue;
            long total = counts.Values.Sum();
            var items = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => (c.Key, c.Value / (double)total, $"{Count(c.Value)} ({c.Value / (double)total:P0})")).ToList();
            Dictionary<string, double>? before = null;
            if (baseline?.Categories[name] is { Count: > 0 } was)
            {
                long wasTotal = was.Values.Sum();
                before = was.ToDictionary(c => c.Key, c => c.Value / (double)wasTotal);
            }

            page.Append(SvgCharts.Bars(name, items, before));
        }

        page.Append("</div>\n");
        if (stats.Landmarks.Count > 0)
        {
            page.Append("<h3>Landmark reprojection error</h3>\n<p class=\"muted\">Per render and system, the mean distance between a point's screen position and the projection of its camera-space position through the intrinsics.</p>\n<div class=\"charts\">\n");
            page.Append(SvgCharts.Boxes("mean error per render", "px", stats.Landmarks.Select(l => (l.System, l.Means)).ToList()));
            page.Append(SvgCharts.Boxes("largest error per render", "px", stats.Landmarks.Select(l => (l.System, l.Maxima)).ToList()));
            page.Append("</div>\n");
        }

        if (stats.Classes.Count > 0)
        {
            page.Append($"<h3>Mask classes</h3>\n<p class=\"muted\">In how many of the {Count(stats.Masks)} segmentation masks each class appears, and its mean share of their pixels.</p>\n<div class=\"charts\">\n");
            page.Append(SvgCharts.Bars("masks with the class", stats.Classes.Select(c => (c.Class, (double)c.Masks, $"{Count(c.Masks)} ({c.Masks / (double)stats.Masks:P0})")).ToList(), maxItems: 40));
            page.Append(SvgCharts.Bars("share of the pixels", stats.Classes.OrderByDescending(c => c.PixelShare).Select(c => (c.Class, c.PixelShare, $"{c.PixelShare:P1}")).ToList(), maxItems: 40));
            page.Append("</div>\n");
        }

        if (stats.Worst.Count > 0)
        {
            page.Append("<h3>Renders with the largest landmark error</h3>\n<div class=\"thumbs\">\n");
            foreach (var w in stats.Worst) page.Append(Thumbnails.Figure(w));
            page.Append("</div>\n");
        }

        page.Append("</section>\n");
    }

    private static void Audio2Face(StringBuilder page, RunStats stats)
    {
        page.Append("<section id=\"a2f\">\n<h2>Audio2Face-3D clips</h2>\n");
        var shots = A2fShot.From(stats.Clips);
        page.Append($"<p class=\"muted\">{shots.Count} shots: {stats.Clips.Count(c => c.Clip.Kind == "audio")} audio tracks, {stats.Clips.Count(c => c.Clip.Kind == "cache")} caches.</p>\n<div class=\"charts\">\n");
        var paired = shots.Where(s => s.AudioSeconds is not null && s.CacheSeconds is not null).ToList();
        if (paired.Count > 0)
        {
            page.Append(SvgCharts.Scatter("audio length against frames / fps", "cache s", "audio s",
                paired.Select(s => (s.CacheSeconds!.Value, s.AudioSeconds!.Value, s.Shot, s.Fps is { } fps && Math.Abs(s.AudioSeconds.Value - s.CacheSeconds.Value) > 1 / fps)).ToList(), diagonal: true));
        }

        var durations = shots.Where(s => (s.CacheSeconds ?? s.AudioSeconds) is not null).OrderByDescending(s => s.CacheSeconds ?? s.AudioSeconds)
            .Select(s => (s.Shot, (s.CacheSeconds ?? s.AudioSeconds)!.Value, $"{Number((s.CacheSeconds ?? s.AudioSeconds)!.Value)} s")).ToList();
        if (durations.Count > 0) page.Append(SvgCharts.Bars("shot durations", durations));
        var emotions = shots.GroupBy(s => s.Emotion ?? "(none)").OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (double)g.Count(), $"{g.Count()} shot{(g.Count() == 1 ? "" : "s")}")).ToList();
        if (shots.Any(s => s.Emotion is not null)) page.Append(SvgCharts.Bars("shots per emotion", emotions));
        var motion = shots.Where(s => s.Motion is not null).OrderByDescending(s => s.Motion).Select(s => (s.Shot, s.Motion!.Value, Number(s.Motion.Value))).ToList();
        if (motion.Count > 0) page.Append(SvgCharts.Bars("motion range per shot (largest vertex span)", motion));
        // Levels are negative (dB below full scale): each bar runs from the floor the chart shows, the quietest first.
        const double LevelFloorDb = -60;
        var levels = shots.Where(s => s.LevelDb is not null).OrderBy(s => s.LevelDb)
            .Select(s => (s.Shot, Math.Max(0, s.LevelDb!.Value - LevelFloorDb), $"{Number(s.LevelDb.Value)} dB, peak {Number(s.PeakDb ?? s.LevelDb.Value)}")).ToList();
        if (levels.Count > 0) page.Append(SvgCharts.Bars($"audio level per shot (RMS, dBFS; bars from {LevelFloorDb} dB)", levels));
        // Each layout folder is one mesh (skin, tongue): its caches must agree among themselves, not with the other mesh's.
        var meshes = stats.Clips.Where(c => c.Clip is { Kind: "cache", Vertices: not null }).GroupBy(c => c.Clip.Folder).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (meshes.Count > 0)
        {
            var bars = meshes.SelectMany(m => m.GroupBy(c => c.Clip.Vertices!.Value).OrderByDescending(g => g.Count())
                .Select(g => ($"{FolderName(m.Key)}: {Count(g.Key)}", (double)g.Count(), $"{g.Count()} cache{(g.Count() == 1 ? "" : "s")}"))).ToList();
            page.Append(SvgCharts.Bars("caches by vertex count", bars));
            foreach (var mesh in meshes.Where(m => m.Select(c => c.Clip.Vertices).Distinct().Count() > 1))
                page.Append($"<p class=\"bad\">The caches of {Escape(mesh.Key)} do not agree on a vertex count: {Escape(string.Join("; ", mesh.GroupBy(c => c.Clip.Vertices!.Value).Select(g => $"{Count(g.Key)} vertices in {g.Count()}")))}.</p>\n");
        }

        page.Append("</div>\n</section>\n");
    }

    private static void Findings(StringBuilder page, IEnumerable<FileCheckResult> reports, RunTally tally)
    {
        page.Append("<section id=\"findings\">\n<h2>Findings by file</h2>\n");
        if (tally.FilesWithFindings == 0)
        {
            page.Append("<p>Every file is clean.</p>\n</section>\n");
            return;
        }

        page.Append("<p class=\"controls\"><span id=\"filter-state\">All findings.</span> <button type=\"button\" id=\"show-all\">Show all</button> <label><input type=\"checkbox\" id=\"hide-info\" checked> hide infos</label></p>\n");
        int listed = 0;
        long unlisted = 0;
        foreach (var report in reports)
        {
            if (report.Findings.Count == 0) continue;
            if (listed >= MaxListedFindings)
            {
                unlisted += report.Findings.Count;
                continue;
            }

            string codes = string.Join(" ", report.Findings.Select(f => f.Code).Distinct());
            bool onlyInfo = report.Findings.All(f => f.Severity == Severity.Info);
            page.Append($"<details class=\"file{(onlyInfo ? " info-only" : "")}\" data-codes=\"{Escape(codes)}\"{(listed < 200 && !onlyInfo ? " open" : "")}><summary><code>{Escape(report.Path)}</code> <span class=\"muted\">{Escape(report.Kind ?? (report.Version is null ? "version unknown" : "version " + report.Version))}: {Count(report.Errors)} errors, {Count(report.Warnings)} warnings</span></summary>\n");
            page.Append("<table class=\"findings\"><tbody>\n");
            foreach (var f in report.Findings.OrderBy(f => f.Line == 0 ? int.MaxValue : f.Line).ThenBy(f => f.Path, StringComparer.Ordinal))
            {
                if (listed++ >= MaxListedFindings)
                {
                    unlisted++;
                    continue;
                }

                string where = f.Line > 0 ? $"{f.Line}:{f.Column}" : f.Offset >= 0 ? $"byte {f.Offset}" : "";
                page.Append($"<tr data-code=\"{Escape(f.Code)}\" class=\"{Sev(f.Severity)}\"><td><span class=\"sev {Sev(f.Severity)}\">{Sev(f.Severity)}</span></td><td><a href=\"#doc-{Escape(f.Code.ToLowerInvariant())}\"><code>{Escape(f.Code)}</code></a></td><td class=\"loc\">{Escape(where)}</td><td><code>{Escape(f.Path.Length == 0 ? "/" : f.Path)}</code></td><td>{Escape(f.Message)}</td></tr>\n");
            }

            page.Append("</tbody></table></details>\n");
        }

        long notListed = unlisted + tally.Unlisted;
        if (notListed > 0) page.Append($"<p class=\"muted\">{Count(notListed)} more findings are counted above but not listed here; the run's Parquet file (--out) or --json lists them.</p>\n");
        page.Append("</section>\n");
    }

    private static void Documentation(StringBuilder page, RunStats stats)
    {
        if (stats.Codes.Count == 0) return;
        page.Append("<section id=\"docs\">\n<h2>What the codes mean</h2>\n");
        foreach (var c in stats.Codes)
        {
            if (BuiltInFindings.Catalog.Find(c.Code) is not { } doc) continue;
            page.Append($"<article id=\"doc-{doc.Anchor}\"><h3><code>{doc.Code}</code> {Escape(doc.Title)} <span class=\"sev {Sev(doc.Severity)}\">{Escape(doc.Severities)}</span></h3>");
            page.Append($"<p>{Escape(doc.Meaning)}</p><p><strong>What to do:</strong> {Escape(doc.Action)}</p>");
            if (doc.Example.Length > 0) page.Append($"<pre>{Escape(FindingDocs.Label(doc.Severity))} {doc.Code} {Escape(doc.Example)}</pre>");
            page.Append("</article>\n");
        }

        page.Append("</section>\n");
    }

    private static string Sev(Severity s) => FindingDocs.Label(s);

    // "cache/skin/{shot}" → "skin": the mesh a layout folder holds.
    private static string FolderName(string layoutFolder) =>
        layoutFolder.Split('/').Where(p => !p.StartsWith('{')).LastOrDefault() ?? layoutFolder;
}
