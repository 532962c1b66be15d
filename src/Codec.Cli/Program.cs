using System.CommandLine;
using Codec.Cli.Commands;

namespace Codec.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        // Output to anything but a terminal (a file, a pipe, /dev/null) goes out in blocks, as C's stdio does, not a
        // system call per line (the console's writer flushes every write: 2,000 of them for a folder of a thousand
        // info.json files with a warning each). A terminal still sees each line as it is written.
        // Set before the commands are made: they take the console's writers when they are.
        using var redirected = CommandConsole.OutputIsTerminal ? null : new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16);
        if (redirected is not null) Console.SetOut(redirected);

        var root = new RootCommand("codec: validate, inspect and convert Synthesis AI and Audio2Face-3D dataset files.")
        {
            ValidateCommand.Create(),
            MergeCommand.Create(),
            SampleCommand.Create(),
            ChangelogCommand.Create(),
            InspectCommand.Create(),
            ConvertCommand.Create(),
            RemapCommand.Create(),
            RenderCommand.Create(),
            ReportCommand.Create(),
            ExplainCommand.Create(),
        };
        try
        {
            return Invoke(root, args, Console.Out, Console.Error);
        }
        finally
        {
            Console.Out.Flush();
        }
    }

    /// <summary>
    /// Parses <paramref name="args"/> and runs the command they name: 2 for a usage error or a file system that refuses
    /// (said on <paramref name="error"/>), else the command's exit code. Help goes to <paramref name="output"/>.
    /// </summary>
    public static int Invoke(Command root, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors) error.WriteLine("codec: " + problem.Message);
            error.WriteLine("Run 'codec --help' for usage.");
            return 2;
        }

        // A file system that refuses (no permission, a full disk, a folder gone mid-run) is the user's problem to
        // fix, said in one line with exit code 2; anything else is a bug and keeps its stack trace.
        try
        {
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output, Error = error });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine("codec: " + e.Message);
            return 2;
        }
    }
}
