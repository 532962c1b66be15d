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

    private readonly IReadOnlyList<Suppression> _ignore = [];

    // The suppressions by code, grouped when they are set (and again by `with`): each file's question is asked once
    // per code it has, of the suppressions of that code only, so many rules and many findings stay cheap.
    private readonly Dictionary<string, Suppression[]> _byCode = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<Suppression> Ignore
    {
        get => _ignore;
        init
        {
            _ignore = value;
            _byCode = value.GroupBy(s => s.Code, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);
        }
    }

    public bool WarningsAsErrors { get; init; }

    /// <summary>One file's report without its suppressed findings, and how many were suppressed.</summary>
    public (FileCheckResult Kept, long Suppressed) Apply(FileCheckResult report)
    {
        var byCode = _byCode;
        if (Ignore.Count == 0 || !report.Findings.Any(f => byCode.ContainsKey(f.Code))) return (report, 0);
        // The file's paths are computed once per folder the suppressions are relative to.
        var decided = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        var relative = new Dictionary<string, string>(StringComparer.Ordinal);
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
        long suppressed = report.Findings.Count - findings.Count;
        return (suppressed == 0 ? report : report with { Findings = findings }, suppressed);
    }
}
