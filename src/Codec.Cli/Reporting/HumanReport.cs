using Codec.Runtime.Findings;

namespace Codec.Cli.Reporting;

/// <summary>The default report: one block per file with findings, then a summary line.</summary>
public static class HumanReport
{
    public static void Write(TextWriter output, IReadOnlyList<FileReport> files, bool showInfo)
    {
        foreach (var file in files)
        {
            var shown = file.Findings.Where(f => showInfo || f.Severity != Severity.Info).ToList();
            if (shown.Count == 0) continue;
            output.WriteLine($"{file.Path} ({file.Kind ?? (file.Version is null ? "version unknown" : "version " + file.Version)}): {Count(file.Errors, "error")}, {Count(file.Warnings, "warning")}");
            foreach (var f in shown.OrderBy(f => f.Line == 0 ? int.MaxValue : f.Line).ThenBy(f => f.Path, StringComparer.Ordinal))
            {
                string where = f.Line > 0 ? $"{f.Line}:{f.Column}" : "-";
                output.WriteLine($"  {Label(f.Severity),-7} {f.Code} {where,-9} {(f.Path.Length == 0 ? "/" : f.Path)}");
                output.WriteLine($"          {f.Message}");
            }
        }

        long errors = files.Sum(f => f.Errors), warnings = files.Sum(f => f.Warnings), infos = files.Sum(f => f.Infos);
        int clean = files.Count(f => f.Errors == 0 && f.Warnings == 0);
        output.WriteLine($"{Count(files.Count, "file")} checked, {clean} clean: {Count(errors, "error")}, {Count(warnings, "warning")}, {infos} info{(showInfo || infos == 0 ? "" : " (--info to list)")}");
    }

    private static string Label(Severity s) => s switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    private static string Count(long n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
