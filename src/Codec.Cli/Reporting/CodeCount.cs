using Codec.Formats.Validation;
using Codec.Runtime.Findings;

namespace Codec.Cli.Reporting;

/// <summary>One code's count in a run: its most serious severity, its findings and the files they are in.</summary>
public sealed record CodeCount(string Code, Severity Severity, long Findings, int Files)
{
    /// <summary>
    /// The codes of the findings <paramref name="include"/> keeps, most serious first, then most frequent: the
    /// readable report's summary table and the HTML report's code table.
    /// </summary>
    public static IReadOnlyList<CodeCount> Of(IEnumerable<FileCheckResult> reports, Func<Finding, bool> include) =>
        reports.SelectMany(r => r.Findings.Where(include).Select(f => (r.Path, Finding: f)))
            .GroupBy(x => x.Finding.Code)
            .Select(g => new CodeCount(g.Key, g.Max(x => x.Finding.Severity), g.LongCount(), g.Select(x => x.Path).Distinct().Count()))
            .OrderByDescending(c => c.Severity).ThenByDescending(c => c.Findings).ThenBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
}
