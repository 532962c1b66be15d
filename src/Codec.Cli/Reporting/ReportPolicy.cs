using Codec.Cli.Configuration;
using Codec.Formats.Validation;
using Codec.Runtime.Findings;

namespace Codec.Cli.Reporting;

/// <summary>
/// What a run reports and when it fails, as <c>--ignore</c>, <c>--warnings-as-errors</c> and codec.json say: suppressed
/// findings leave the listing and the totals (the summary counts them), and with warnings as errors a warning fails the
/// run (exit code 1) while keeping its severity in the report.
/// </summary>
public sealed record ReportPolicy
{
    public static ReportPolicy None { get; } = new();

    public IReadOnlyList<Suppression> Ignore { get; init; } = [];
    public bool WarningsAsErrors { get; init; }

    /// <summary>The reports without suppressed findings, and how many were suppressed.</summary>
    public (IReadOnlyList<FileCheckResult> Reports, long Suppressed) Apply(IReadOnlyList<FileCheckResult> reports)
    {
        if (Ignore.Count == 0) return (reports, 0);
        // Each file's question is asked once per code it has, of the suppressions of that code only, with its paths
        // computed once per folder the suppressions are relative to: many rules and many findings stay cheap.
        var byCode = Ignore.GroupBy(s => s.Code, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);
        long suppressed = 0;
        var kept = new List<FileCheckResult>(reports.Count);
        var decided = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        var relative = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var report in reports)
        {
            if (!report.Findings.Any(f => byCode.ContainsKey(f.Code)))
            {
                kept.Add(report);
                continue;
            }

            decided.Clear();
            relative.Clear();
            string full = Path.GetFullPath(report.Path);
            bool Suppressed(string code)
            {
                if (decided.TryGetValue(code, out bool known)) return known;
                bool result = byCode.TryGetValue(code, out var rules) && rules.Any(r =>
                {
                    if (!relative.TryGetValue(r.BaseFolder, out var path)) relative[r.BaseFolder] = path = Path.GetRelativePath(r.BaseFolder, full);
                    return r.MatchesFile(full, path);
                });
                decided[code] = result;
                return result;
            }

            var findings = report.Findings.Where(f => !Suppressed(f.Code)).ToList();
            suppressed += report.Findings.Count - findings.Count;
            kept.Add(findings.Count == report.Findings.Count ? report : report with { Findings = findings });
        }

        return (kept, suppressed);
    }

    /// <summary>One file's report without its suppressed findings, and how many were suppressed.</summary>
    public (FileCheckResult Kept, long Suppressed) Apply(FileCheckResult report)
    {
        var (kept, suppressed) = Apply([report]);
        return (kept[0], suppressed);
    }

    /// <summary>1 when the reports fail the run under this policy (errors, or warnings with warnings as errors), else <see cref="RunReport.ExitCode"/>.</summary>
    public int ExitCode(IReadOnlyList<FileCheckResult> reports)
    {
        int code = RunReport.ExitCode(reports);
        return code == 0 && WarningsAsErrors && reports.Any(r => r.Warnings > 0) ? 1 : code;
    }
}
