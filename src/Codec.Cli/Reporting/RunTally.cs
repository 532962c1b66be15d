using Codec.Formats.Validation;
using Codec.Runtime.Findings;

namespace Codec.Cli.Reporting;

/// <summary>
/// What the reports say of a whole run, gathered in one pass over its files: the totals, the table of codes and the
/// exit code. The report writers take it beside the files themselves, so that they read the files once, in order, and
/// hold none of them: a merge streams its shard files through them and holds one unit at a time.
/// </summary>
public sealed class RunTally
{
    // One code's count: its most serious severity, its findings and the files they are in, with and without infos.
    private sealed class CodeTotals
    {
        public Severity Severity;
        public long Findings, ShownFindings;
        public int Files, ShownFiles;
    }

    private readonly Dictionary<string, CodeTotals> _codes = new(StringComparer.Ordinal);

    public long Files { get; private set; }
    public long Clean { get; private set; }
    public long Errors { get; private set; }
    public long Warnings { get; private set; }
    public long Infos { get; private set; }

    /// <summary>Files with at least one finding listed.</summary>
    public long FilesWithFindings { get; private set; }

    /// <summary>Findings counted but not listed (a file's beyond what it lists).</summary>
    public long Unlisted { get; private set; }

    /// <summary>A file could not be read: the run exits 2.</summary>
    public bool Unreadable { get; private set; }

    /// <summary>Findings the policy took out of the reports before they were counted.</summary>
    public long Suppressed { get; set; }

    public static RunTally Of(IEnumerable<FileCheckResult> reports)
    {
        var tally = new RunTally();
        foreach (var report in reports) tally.Add(report);
        return tally;
    }

    public void Add(FileCheckResult report)
    {
        Files++;
        long errors = report.Unlisted.Errors, warnings = report.Unlisted.Warnings, infos = report.Unlisted.Infos;
        Unlisted += report.Unlisted.Total;
        // A file counts once per code it has, as shown with infos and without.
        List<(CodeTotals Code, bool Shown)>? seen = null;
        foreach (var f in report.Findings)
        {
            switch (f.Severity)
            {
                case Severity.Error: errors++; break;
                case Severity.Warning: warnings++; break;
                default: infos++; break;
            }

            if (f.Code == FindingCodes.FileUnreadable) Unreadable = true;
            if (!_codes.TryGetValue(f.Code, out var code)) _codes[f.Code] = code = new CodeTotals { Severity = f.Severity };
            if (f.Severity > code.Severity) code.Severity = f.Severity;
            bool shown = f.Severity != Severity.Info;
            code.Findings++;
            if (shown) code.ShownFindings++;
            seen ??= [];
            int at = seen.FindIndex(s => ReferenceEquals(s.Code, code));
            if (at < 0)
            {
                code.Files++;
                if (shown) code.ShownFiles++;
                seen.Add((code, shown));
            }
            else if (shown && !seen[at].Shown)
            {
                code.ShownFiles++;
                seen[at] = (code, true);
            }
        }

        if (report.Findings.Count > 0) FilesWithFindings++;
        if (errors == 0 && warnings == 0) Clean++;
        Errors += errors;
        Warnings += warnings;
        Infos += infos;
    }

    /// <summary>
    /// The codes found (with infos or without: a code whose most serious finding is a warning or an error is the same
    /// code either way, a code of infos only is left out), most serious first, then most frequent: the readable report's table,
    /// the SARIF rules and the HTML report's code table.
    /// </summary>
    public IReadOnlyList<CodeCount> Codes(bool withInfos) =>
        _codes.Select(c => withInfos
                ? new CodeCount(c.Key, c.Value.Severity, c.Value.Findings, c.Value.Files)
                : new CodeCount(c.Key, c.Value.Severity, c.Value.ShownFindings, c.Value.ShownFiles))
            .Where(c => c.Findings > 0)
            .OrderByDescending(c => c.Severity).ThenByDescending(c => c.Findings).ThenBy(c => c.Code, StringComparer.Ordinal)
            .ToList();

    /// <summary>2 when a file could not be read, else 1 when there are errors (or warnings, when they count as errors), else 0.</summary>
    public int ExitCode(bool warningsAsErrors = false) =>
        Unreadable ? 2 : Errors > 0 || (warningsAsErrors && Warnings > 0) ? 1 : 0;
}
