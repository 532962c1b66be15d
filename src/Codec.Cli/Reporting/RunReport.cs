using Codec.Formats.Validation;
using Codec.Runtime.Findings;

namespace Codec.Cli.Reporting;

/// <summary>How a run's reports are printed: the readable report (the default), one JSON document, or a SARIF log.</summary>
public enum ReportFormat
{
    Readable,
    Json,
    Sarif,
}

/// <summary>
/// The end of a run, shared by <c>codec validate</c> and <c>codec merge</c> so that a merge of shards prints exactly
/// what one run prints and exits with the same code.
/// </summary>
public static class RunReport
{
    /// <summary>
    /// The report of <paramref name="reports"/>, read once and in order (a merge streams them from its shard files), with
    /// the totals and codes of <paramref name="tally"/>. JSON and SARIF begin with the totals and the rules, so their
    /// tally is complete beforehand; the readable report ends with them, so its tally may be counted as the reports go by
    /// (<see cref="NeedsTallyFirst"/>).
    /// </summary>
    public static void Write(TextWriter stdout, IEnumerable<FileCheckResult> reports, RunTally tally, ReportFormat format, ReadableStyle style)
    {
        switch (format)
        {
            case ReportFormat.Sarif:
                SarifReport.Write(new TextWriterStream(stdout), reports, tally, typeof(RunReport).Assembly.GetName().Version?.ToString(3) ?? "0");
                break;
            case ReportFormat.Json:
                JsonReport.Write(new TextWriterStream(stdout), reports, tally);
                break;
            default:
                HumanReport.Write(stdout, reports, tally, style);
                break;
        }
    }

    /// <summary>Whether <paramref name="format"/> begins with what the tally says, so that it must be counted before the reports are written.</summary>
    public static bool NeedsTallyFirst(ReportFormat format) => format != ReportFormat.Readable;

    /// <summary>
    /// Colour for the readable report: on a terminal unless <c>NO_COLOR</c> is set (any value, see no-color.org), or as
    /// <c>--color always|never</c> says. Null for another value.
    /// </summary>
    public static bool? Colour(string? choice, bool isTerminal, Func<string, string?> environment) => (choice ?? "auto") switch
    {
        "always" => true,
        "never" => false,
        "auto" => isTerminal && string.IsNullOrEmpty(environment("NO_COLOR")) && environment("TERM") != "dumb",
        _ => null,
    };
}
