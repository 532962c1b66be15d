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
    public static void Write(TextWriter stdout, IReadOnlyList<FileReport> reports, ReportFormat format, bool showInfo)
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
                HumanReport.Write(stdout, reports, showInfo);
                break;
        }
    }

    /// <summary>2 when a file could not be read, else 1 when there are errors, else 0.</summary>
    public static int ExitCode(IReadOnlyList<FileReport> reports)
    {
        if (reports.Any(r => r.Findings.Any(f => f.Code == FindingCodes.FileUnreadable))) return 2;
        return reports.Any(r => r.Errors > 0) ? 1 : 0;
    }
}
