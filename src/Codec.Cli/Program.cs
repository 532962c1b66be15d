using System.CommandLine;
using Codec.Cli.Commands;

namespace Codec.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
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

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) Console.Error.WriteLine("codec: " + error.Message);
            Console.Error.WriteLine("Run 'codec --help' for usage.");
            return 2;
        }

        // A file system that refuses (no permission, a full disk, a folder gone mid-run) is the user's problem to
        // fix, said in one line with exit code 2; anything else is a bug and keeps its stack trace.
        try
        {
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("codec: " + e.Message);
            return 2;
        }
    }
}
