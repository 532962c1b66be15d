using Codec.Formats.Findings;
using Codec.Formats.Validation;
using Codec.Runtime.Findings;

namespace Codec.Cli.Reporting;

/// <summary>How the readable report looks: what it lists, in colour or not.</summary>
public sealed record ReadableStyle
{
    public static ReadableStyle Plain { get; } = new();

    /// <summary>Also list info findings.</summary>
    public bool ShowInfo { get; init; }

    /// <summary>Only the last line (the totals): for CI logs that keep the findings elsewhere.</summary>
    public bool Quiet { get; init; }

    /// <summary>ANSI colours, for a terminal.</summary>
    public bool Colour { get; init; }

    /// <summary>Warnings fail the run, said in the totals.</summary>
    public bool WarningsAsErrors { get; init; }
}

/// <summary>The default report: one block per file with findings, a table of the codes found, then the totals.</summary>
public static class HumanReport
{
    /// <summary>
    /// Lists <paramref name="files"/> and ends with <paramref name="tally"/>'s table and totals (suppressed findings
    /// included). The files are read once, in order, whatever the style, before the tally is: a caller may count the
    /// run into the tally as the files go by (a merge prints in one pass over its shard files).
    /// </summary>
    public static void Write(TextWriter output, IEnumerable<FileCheckResult> files, RunTally tally, ReadableStyle style)
    {
        var paint = new Paint(style.Colour);
        bool Shown(Finding f) => style.ShowInfo || f.Severity != Severity.Info;
        if (style.Quiet)
        {
            foreach (var _ in files)
            {
            }
        }
        else
        {
            foreach (var file in files)
            {
                var shown = file.Findings.Where(Shown).ToList();
                if (shown.Count == 0) continue;
                output.WriteLine($"{paint.Bold(file.Path)} ({file.Kind ?? (file.Version is null ? "version unknown" : "version " + file.Version)}): {Count(file.Errors, "error")}, {Count(file.Warnings, "warning")}");
                foreach (var f in shown.OrderBy(f => f.Line == 0 ? int.MaxValue : f.Line).ThenBy(f => f.Path, StringComparer.Ordinal))
                {
                    // A finding about the whole file or folder has no place in it: no location columns.
                    string where = f.Line > 0 ? $"{f.Line}:{f.Column}" : "-";
                    string location = f.Line == 0 && f.Path.Length == 0 && f.Offset < 0 ? "" : $" {where,-9} {(f.Path.Length == 0 ? "/" : f.Path)}";
                    output.WriteLine($"  {paint.Severity(f.Severity, $"{Label(f.Severity),-7}")} {f.Code}{location}");
                    output.WriteLine($"          {f.Message}");
                }
            }

            WriteCodeTable(output, tally.Codes(style.ShowInfo), paint);
        }

        long errors = tally.Errors, warnings = tally.Warnings, infos = tally.Infos, clean = tally.Clean;
        string suppressed = tally.Suppressed > 0 ? $", {tally.Suppressed} suppressed" : "";
        string strict = style.WarningsAsErrors && warnings > 0 ? " (warnings count as errors)" : "";
        output.WriteLine($"{Count(tally.Files, "file")} checked, {clean} clean: {paint.Severity(Severity.Error, Count(errors, "error"), errors > 0)}, {paint.Severity(Severity.Warning, Count(warnings, "warning"), warnings > 0)}{strict}, {infos} info{(style.ShowInfo || infos == 0 ? "" : " (--info to list)")}{suppressed}");
    }

    // One line per code of the findings listed: how many, in how many files, and what it is (codec explain CODE says more).
    private static void WriteCodeTable(TextWriter output, IReadOnlyList<CodeCount> codes, Paint paint)
    {
        if (codes.Count == 0) return;
        output.WriteLine();
        output.WriteLine("Findings by code (codec explain CODE says what to do):");
        foreach (var c in codes)
        {
            string title = BuiltInFindings.Catalog.Find(c.Code)?.Title ?? "";
            output.WriteLine($"  {c.Code}  {paint.Severity(c.Severity, $"{Label(c.Severity),-7}")} {c.Findings,7} in {Count(c.Files, "file"),-10}  {title}");
        }

        output.WriteLine();
    }

    private static string Label(Severity s) => FindingDocs.Label(s);

    private static string Count(long n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    // ANSI escapes, or nothing.
    private readonly struct Paint(bool on)
    {
        public string Bold(string text) => on ? $"\u001b[1m{text}\u001b[0m" : text;

        public string Severity(Severity s, string text, bool when = true) => !on || !when ? text : s switch
        {
            Codec.Runtime.Findings.Severity.Error => $"\u001b[1;31m{text}\u001b[0m",
            Codec.Runtime.Findings.Severity.Warning => $"\u001b[33m{text}\u001b[0m",
            _ => $"\u001b[36m{text}\u001b[0m",
        };
    }
}
