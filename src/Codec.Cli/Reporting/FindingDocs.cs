using System.Text;
using Codec.Formats.Findings;
using Codec.Runtime.Findings;

namespace Codec.Cli.Reporting;

/// <summary>
/// The finding catalog as people read it: <c>docs/findings.md</c> (also shipped beside the command as
/// <c>findings.md</c>, which SARIF rules link to), one code's entry for <c>codec explain</c>, and SARIF's help text.
/// Everything comes from <see cref="FindingCatalog"/>.
/// </summary>
public static class FindingDocs
{
    /// <summary>The catalog's file name beside the command (and in the repository's docs/ folder).</summary>
    public const string FileName = "findings.md";

    /// <summary>A file URI to the shipped catalog at the code's entry, or null where the catalog is not installed.</summary>
    public static string? HelpUri(FindingDoc doc)
    {
        string file = Path.Combine(AppContext.BaseDirectory, FileName);
        return File.Exists(file) ? new Uri(file).AbsoluteUri + "#" + doc.Anchor : null;
    }

    /// <summary>The whole catalog as Markdown: an index table, then an entry per code.</summary>
    public static string Markdown()
    {
        var md = new StringBuilder();
        md.Append("# Finding codes\n\n");
        md.Append("Every finding `codec validate` reports has a code that never changes meaning. Errors fail a run (exit code 1);\n");
        md.Append("warnings and infos do not, unless `--warnings-as-errors` is given. Silence a code with `--ignore CODE` or in\n");
        md.Append("`codec.json`; `codec explain CODE` prints its entry. This file is generated from the codes' registration\n");
        md.Append("(`codec explain --markdown`); a test keeps it current.\n\n");
        md.Append("| Code | Severity | Name | Meaning |\n|---|---|---|---|\n");
        foreach (var d in BuiltInFindings.Catalog.All) md.Append($"| [{d.Code}](#{d.Anchor}) | {d.Severities} | {d.Title} | {Cell(d.Meaning)} |\n");
        foreach (var group in BuiltInFindings.Catalog.All.GroupBy(d => d.Code[0]))
        {
            md.Append($"\n## {Family(group.Key)}\n");
            foreach (var d in group)
            {
                md.Append($"\n<a id=\"{d.Anchor}\"></a>\n### {d.Code} {d.Title}\n\n");
                md.Append($"**Severity:** {d.Severities}\n\n{d.Meaning}\n\n**What to do:** {d.Action}\n");
                if (d.Example.Length > 0) md.Append($"\n**Example:**\n\n```\n{Label(d.Severity)} {d.Code} {d.Example}\n```\n");
            }
        }

        return md.ToString();
    }

    /// <summary>One code's entry for a terminal.</summary>
    public static string Text(FindingDoc d)
    {
        var text = new StringBuilder();
        text.Append($"{d.Code} {d.Title} ({d.Severities})\n\n");
        text.Append($"  {d.Meaning}\n\n  What to do: {d.Action}\n");
        if (d.Example.Length > 0) text.Append($"\n  Example:\n    {Label(d.Severity)} {d.Code} {d.Example}\n");
        return text.ToString();
    }

    /// <summary>SARIF's <c>help.text</c>: the meaning, what to do and an example.</summary>
    public static string HelpText(FindingDoc d) => $"{d.Meaning} What to do: {d.Action}" + (d.Example.Length > 0 ? $" Example: {d.Example}" : "");

    /// <summary>SARIF's <c>help.markdown</c>.</summary>
    public static string HelpMarkdown(FindingDoc d) =>
        $"**{d.Code} {d.Title}** ({d.Severities})\n\n{d.Meaning}\n\n**What to do:** {d.Action}" + (d.Example.Length > 0 ? $"\n\n```\n{d.Example}\n```" : "");

    /// <summary>The name of a code family, from its letter.</summary>
    public static string Family(char letter) => letter switch
    {
        'J' => "J: JSON text",
        'S' => "S: structure declared by the schema",
        'R' => "R: semantic rules",
        'K' => "K: known producer bugs",
        'V' => "V: versions and products",
        'B' => "B: binary files",
        'F' => "F: files",
        'X' => "X: checks across an output folder's files",
        'D' => "D: datasets checked against their layout",
        _ => letter.ToString(),
    };

    public static string Label(Severity s) => s switch { Severity.Error => "error", Severity.Warning => "warning", _ => "info" };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
