using System.CommandLine;
using System.Text.Json;
using Codec.Cli;
using Codec.Cli.Commands;

namespace Codec.Native;

/// <summary>
/// <c>codec validate</c> in-process: the command's own options, parsing and messages, its <c>--json</c> report as the
/// answer, so that a caller gets exactly the command's findings and exit code.
/// </summary>
internal static class ValidateBinding
{
    public static void Run(string argumentsJson, Utf8JsonWriter w)
    {
        string[] arguments = Request.Arguments(argumentsJson);
        if (arguments.Any(a => a is "--sarif" or "--json" or "--help" or "-h" or "-?"))
            throw new BindingException("validate answers with the --json report; --json, --sarif and --help are not for the library");
        var output = new StringWriter();
        var messages = new StringWriter();
        // A RootCommand names itself after the process's executable, which a library loaded by Python does not have.
        var root = new Command("codec") { ValidateCommand.Create(CommandConsole.Writers(output, messages)) };
        int exit = Program.Invoke(root, ["validate", .. arguments, "--json"], output, messages);
        w.WriteStartObject();
        w.WriteNumber("exit", exit);
        w.WritePropertyName("report");
        string report = output.ToString();
        if (report.Trim().Length > 0) w.WriteRawValue(report);
        else w.WriteNullValue();
        w.WriteString("messages", messages.ToString());
        w.WriteEndObject();
    }
}
