using System.CommandLine;

namespace Codec.Cli.Commands;

/// <summary>
/// The options that decide what a report shows and when a run fails, declared once for every command that prints or
/// draws a run's findings (<c>validate</c>, <c>merge</c>, <c>report</c>).
/// </summary>
public sealed class ControlOptions
{
    public Option<string[]> Ignore { get; } = new("--ignore")
    {
        Description = "Do not report these finding codes: CODE[,CODE...], each optionally CODE:GLOB to silence it only for matching files (relative to the working folder; ** spans folders). Repeatable. Suppressed findings are counted in the totals.",
    };

    public Option<bool> WarningsAsErrors { get; } = new("--warnings-as-errors") { Description = "A warning fails the run (exit code 1), as an error does." };

    public IEnumerable<Option> All => [Ignore, WarningsAsErrors];
}
