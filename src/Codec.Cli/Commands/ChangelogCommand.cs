using System.CommandLine;
using Codec.Formats;

namespace Codec.Cli.Commands;

/// <summary><c>codec changelog [format]</c>: what changed between the versions of a built-in format.</summary>
public static class ChangelogCommand
{
    public static Command Create()
    {
        var format = new Argument<string?>("format") { Description = "Format id, e.g. synthesis.info. Default: every built-in format.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("changelog", "Print what changed between the versions of the built-in formats (generated from the schemas).") { format };
        command.SetAction(parse => Run(parse.GetValue(format), Console.Out, Console.Error));
        return command;
    }

    public static int Run(string? formatId, TextWriter stdout, TextWriter stderr)
    {
        var formats = BuiltInFormats.CreateAll();
        var chosen = formatId is null ? formats : formats.Where(f => f.FormatId == formatId).ToList();
        if (chosen.Count == 0)
        {
            stderr.WriteLine($"codec: no built-in format '{formatId}'; formats: {string.Join(", ", formats.Select(f => f.FormatId))}");
            return 2;
        }

        for (int i = 0; i < chosen.Count; i++)
        {
            if (i > 0) stdout.WriteLine();
            stdout.Write(chosen[i].Changelog);
        }

        return 0;
    }
}
