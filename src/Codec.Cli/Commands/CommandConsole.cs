namespace Codec.Cli.Commands;

/// <summary>
/// Where a command writes and how: the process's console (a terminal gets colour and a live progress line, a
/// redirected error stream plain progress lines), or writers of the caller's that are no terminal and show no progress.
/// </summary>
public sealed record CommandConsole(TextWriter Out, TextWriter Error, bool IsTerminal, bool ShowProgress, bool PlainProgress)
{
    public static CommandConsole Process => new(Console.Out, Console.Error, OutputIsTerminal, !Console.IsErrorRedirected, Console.IsErrorRedirected);

    /// <summary>
    /// Whether the process's standard output is a terminal (colour, output written line by line). The C library's
    /// answer: .NET counts every character device, /dev/null among them, as a console. On Windows, .NET's.
    /// </summary>
    public static bool OutputIsTerminal => OperatingSystem.IsWindows() ? !Console.IsOutputRedirected : isatty(1) == 1;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "isatty")]
    private static extern int isatty(int fd);

    /// <summary>Writers of the caller's: no colour, no progress.</summary>
    public static CommandConsole Writers(TextWriter output, TextWriter error) => new(output, error, false, false, false);
}
