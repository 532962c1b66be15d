using System.CommandLine;
using Codec.Cli.Reporting;

namespace Codec.Cli.Commands;

/// <summary>
/// How a run's findings are printed — the readable report, one JSON document or a SARIF log, with its switches —
/// declared once for the commands that print a run (<c>validate</c>, <c>merge</c>), each option with its check.
/// </summary>
public sealed class OutputOptions
{
    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON document with every finding instead of the readable report." };

    public Option<bool> Sarif { get; } = new("--sarif") { Description = "Print one SARIF 2.1.0 log (for CI systems) instead of the readable report." };

    public Option<bool> Info { get; } = new("--info") { Description = "Also list info findings in the readable report." };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Print only the totals line of the readable report, and no progress." };

    public Option<string?> Color { get; } = new("--color") { Description = "Colour the readable report: auto (default: on a terminal, unless NO_COLOR is set), always or never." };

    public OutputOptions()
    {
        Color.Validators.Add(result =>
        {
            if (ColorProblem(result.GetValueOrDefault<string?>()) is { } problem) result.AddError(problem);
        });
    }

    public IEnumerable<Option> All => [Json, Sarif, Info, Quiet, Color];

    /// <summary>Adds the options to <paramref name="command"/>, with the check that they go together.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in All) command.Options.Add(option);
        command.Validators.Add(result =>
        {
            if (FormatProblem(result.GetValue(Json), result.GetValue(Sarif)) is { } problem) result.AddError(problem);
        });
    }

    public ReportFormat Format(ParseResult parse) => parse.GetValue(Json) ? ReportFormat.Json : parse.GetValue(Sarif) ? ReportFormat.Sarif : ReportFormat.Readable;

    /// <summary>Why a run cannot print both, or null.</summary>
    public static string? FormatProblem(bool json, bool sarif) => json && sarif ? "give --json or --sarif, not both" : null;

    /// <summary>Why <paramref name="color"/> is no choice of --color, or null.</summary>
    public static string? ColorProblem(string? color) => color is null or "auto" or "always" or "never" ? null : "--color is auto, always or never";
}
