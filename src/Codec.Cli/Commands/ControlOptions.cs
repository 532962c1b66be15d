using System.CommandLine;

namespace Codec.Cli.Commands;

/// <summary>
/// The options that decide what a report shows and when a run fails, declared once for every command that prints or
/// draws a run's findings (<c>validate</c>, <c>merge</c>, <c>report</c>).
/// </summary>
public static class ControlOptions
{
    public static Option<string[]> Ignore() => new("--ignore")
    {
        Description = "Do not report these finding codes: CODE[,CODE...], each optionally CODE:GLOB to silence it only for matching files (relative to the working folder; ** spans folders). Repeatable. Suppressed findings are counted in the totals.",
    };

    public static Option<bool> WarningsAsErrors() => new("--warnings-as-errors") { Description = "A warning fails the run (exit code 1), as an error does." };

    public static Option<bool> Quiet() => new("--quiet", "-q") { Description = "Print only the totals line of the readable report, and no progress." };

    public static Option<string?> Color() => new("--color") { Description = "Colour the readable report: auto (default: on a terminal, unless NO_COLOR is set), always or never." };
}
