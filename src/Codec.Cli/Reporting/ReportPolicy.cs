using Codec.Cli.Configuration;
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
    public (IReadOnlyList<FileReport> Reports, long Suppressed) Apply(IReadOnlyList<FileReport> reports)
    {
        if (Ignore.Count == 0) return (reports, 0);
        long suppressed = 0;
        var kept = new List<FileReport>(reports.Count);
        foreach (var report in reports)
        {
            var findings = report.Findings.Where(f => !Ignore.Any(s => s.Matches(f.Code, report.Path))).ToList();
            suppressed += report.Findings.Count - findings.Count;
            kept.Add(findings.Count == report.Findings.Count ? report : report with { Findings = findings });
        }

        return (kept, suppressed);
    }

    /// <summary>1 when the reports fail the run under this policy (errors, or warnings with warnings as errors), else <see cref="RunReport.ExitCode"/>.</summary>
    public int ExitCode(IReadOnlyList<FileReport> reports)
    {
        int code = RunReport.ExitCode(reports);
        return code == 0 && WarningsAsErrors && reports.Any(r => r.Warnings > 0) ? 1 : code;
    }
}
