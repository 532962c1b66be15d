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
            SampleCommand.Create(),
            ChangelogCommand.Create(),
            InspectCommand.Create(),
            ConvertCommand.Create(),
            RemapCommand.Create(),
            RenderCommand.Create(),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) Console.Error.WriteLine("codec: " + error.Message);
            Console.Error.WriteLine("Run 'codec --help' for usage.");
            return 2;
        }

        return parse.Invoke();
    }
}
