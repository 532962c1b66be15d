using System.CommandLine;
using Codec.Cli.Reporting;
using Codec.Formats.Findings;
using Codec.Runtime.Findings;

namespace Codec.Cli.Commands;

/// <summary>
/// <c>codec explain [CODE...]</c>: what a finding code means, how serious it is, what to do about it and an example;
/// without a code, one line per code. <c>--markdown</c> prints the whole catalog (<c>docs/findings.md</c>).
/// </summary>
public static class ExplainCommand
{
    public static Command Create()
    {
        var codes = new Argument<string[]>("codes") { Description = "Finding codes, such as R307 or x713 (any case). None: list every code.", Arity = ArgumentArity.ZeroOrMore };
        var markdown = new Option<bool>("--markdown") { Description = "Print the whole catalog as Markdown (docs/findings.md)." };
        var tolerances = new Option<bool>("--tolerances") { Description = "List the tolerances of an output folder's checks: default, range a codec.json setting may take, and why." };
        var command = new Command("explain", "Explain finding codes: meaning, severity, what to do, an example.") { codes, markdown, tolerances };
        command.SetAction(parse => parse.GetValue(tolerances)
            ? Tolerances(Console.Out)
            : Run(parse.GetValue(codes) ?? [], parse.GetValue(markdown), Console.Out, Console.Error));
        return command;
    }

    /// <summary>
    /// The tolerances as the Synthesis render contract declares them (the one declaration codec.json, its schema and
    /// the checks read): name, default, the range a setting may take, and why the default is what it is.
    /// </summary>
    public static int Tolerances(TextWriter stdout)
    {
        foreach (var t in Codec.Formats.Synthesis.SynthesisOutputContract.Contract.Tolerances)
        {
            string range = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{t.Minimum}, {(t.Maximum is { } max ? max.ToString(System.Globalization.CultureInfo.InvariantCulture) : "no maximum")}]");
            stdout.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{t.Name}  default {t.Default}, a setting in {range}"));
            stdout.WriteLine($"    {t.Description}");
        }

        return 0;
    }

    /// <summary>0; 2 when a code does not exist (the others are still explained).</summary>
    public static int Run(IReadOnlyList<string> codes, bool markdown, TextWriter stdout, TextWriter stderr)
    {
        if (markdown)
        {
            stdout.Write(FindingDocs.Markdown());
            return 0;
        }

        if (codes.Count == 0)
        {
            foreach (var d in BuiltInFindings.Catalog.All) stdout.WriteLine($"{d.Code}  {FindingDocs.Label(d.Severity),-7}  {d.Title}: {d.Meaning}");
            return 0;
        }

        int status = 0;
        for (int i = 0; i < codes.Count; i++)
        {
            if (BuiltInFindings.Catalog.Find(codes[i]) is { } doc)
            {
                if (i > 0) stdout.WriteLine();
                stdout.Write(FindingDocs.Text(doc));
                continue;
            }

            var near = BuiltInFindings.Catalog.All.Where(d => codes[i].Length > 1 && d.Code.StartsWith(codes[i][..2], StringComparison.OrdinalIgnoreCase)).Select(d => d.Code).ToList();
            stderr.WriteLine($"codec: {codes[i]} is not a finding code" + (near.Count > 0 ? $" (codes of that family: {string.Join(", ", near)})" : " (codec explain lists them)"));
            status = 2;
        }

        return status;
    }
}
