using Codec.Formats.Validation;
using System.Text;
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
    public static void Write(TextWriter stdout, IReadOnlyList<FileCheckResult> reports, ReportFormat format, bool showInfo) =>
        Write(stdout, reports, format, ReadableStyle.Plain with { ShowInfo = showInfo });

    public static void Write(TextWriter stdout, IReadOnlyList<FileCheckResult> reports, ReportFormat format, ReadableStyle style)
    {
        switch (format)
        {
            case ReportFormat.Sarif:
            {
                using var memory = new MemoryStream();
                SarifReport.Write(memory, reports, typeof(RunReport).Assembly.GetName().Version?.ToString(3) ?? "0");
                stdout.Write(Encoding.UTF8.GetString(memory.ToArray()));
                break;
            }

            case ReportFormat.Json:
            {
                using var memory = new MemoryStream();
                JsonReport.Write(memory, reports);
                stdout.Write(Encoding.UTF8.GetString(memory.ToArray()));
                break;
            }

            default:
                HumanReport.Write(stdout, reports, style);
                break;
        }
    }

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

    /// <summary>2 when a file could not be read, else 1 when there are errors, else 0.</summary>
    public static int ExitCode(IReadOnlyList<FileCheckResult> reports)
    {
        if (reports.Any(r => r.Findings.Any(f => f.Code == FindingCodes.FileUnreadable))) return 2;
        return reports.Any(r => r.Errors > 0) ? 1 : 0;
    }
}
