using System.Text.Json;
using Codec.Cli.Commands;
using Codec.Cli.Reporting;
using Codec.Formats.Findings;
using Codec.Runtime.Findings;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Cli;

/// <summary><c>codec explain</c>, <c>docs/findings.md</c> and the SARIF rules: all the catalog, all current.</summary>
public sealed class ExplainCommandTests
{
    [Fact]
    public void Docs_findings_md_is_the_catalog()
    {
        string path = Path.Combine(TestPaths.RepoRoot, "docs", "findings.md");
        string expected = FindingDocs.Markdown();
        if (Environment.GetEnvironmentVariable("CODEC_ACCEPT_SNAPSHOTS") == "1") File.WriteAllText(path, expected);
        Assert.True(File.ReadAllText(path) == expected, "docs/findings.md is out of date: run codec explain --markdown > docs/findings.md (or CODEC_ACCEPT_SNAPSHOTS=1)");
        foreach (var doc in BuiltInFindings.Catalog.All)
        {
            Assert.Contains($"<a id=\"{doc.Anchor}\"></a>", expected);
            Assert.Contains(doc.Action, expected);
        }
    }

    [Fact]
    public void Explain_prints_a_codes_entry_and_refuses_a_code_that_does_not_exist()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.Equal(0, ExplainCommand.Run(["x713"], false, stdout, stderr));
        Assert.StartsWith("X713 Missing modality (warning)", stdout.ToString());
        Assert.Contains("What to do:", stdout.ToString());
        Assert.Contains("Example:", stdout.ToString());

        stdout = new StringWriter();
        Assert.Equal(2, ExplainCommand.Run(["R307", "X799"], false, stdout, stderr));
        Assert.Contains("R307 Projection mismatch", stdout.ToString());
        Assert.Contains("X799 is not a finding code (codes of that family: X701", stderr.ToString());
    }

    [Fact]
    public void Explain_without_a_code_lists_every_code_once()
    {
        var stdout = new StringWriter();
        Assert.Equal(0, ExplainCommand.Run([], false, stdout, new StringWriter()));
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(BuiltInFindings.Catalog.All.Count, lines.Length);
        Assert.Equal(BuiltInFindings.Catalog.All.Select(d => d.Code), lines.Select(l => l[..4]));
    }

    [Fact]
    public void Sarif_rules_carry_the_catalog_entry()
    {
        var stdout = new StringWriter();
        ValidateCommand.Run([TestPaths.SampleData], new ValidateSettings { AsSarif = true }, stdout, new StringWriter());
        using var log = JsonDocument.Parse(stdout.ToString());
        var rules = log.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules");
        Assert.True(rules.GetArrayLength() > 0);
        foreach (var rule in rules.EnumerateArray())
        {
            var doc = BuiltInFindings.Catalog.Find(rule.GetProperty("id").GetString()!)!;
            Assert.Equal(doc.Meaning, rule.GetProperty("fullDescription").GetProperty("text").GetString());
            Assert.Contains(doc.Action, rule.GetProperty("help").GetProperty("text").GetString());
            Assert.Contains("**What to do:**", rule.GetProperty("help").GetProperty("markdown").GetString());
            // The catalog ships beside the command, and the rule links to its entry there.
            Assert.EndsWith("findings.md#" + doc.Anchor, rule.GetProperty("helpUri").GetString());
            Assert.True(File.Exists(new Uri(rule.GetProperty("helpUri").GetString()!).LocalPath));
        }
    }

    [Fact]
    public void Explain_lists_every_tolerance_with_its_default_range_and_reason_from_the_render_contract()
    {
        var stdout = new StringWriter();
        Assert.Equal(0, ExplainCommand.Tolerances(stdout));
        string text = stdout.ToString();
        foreach (var t in Codec.Formats.Synthesis.SynthesisOutputContract.Contract.Tolerances)
        {
            Assert.Contains($"{t.Name}  default {t.Default.ToString(System.Globalization.CultureInfo.InvariantCulture)}, a setting in [", text);
            Assert.Contains(t.Description, text);
        }

        Assert.Contains("normalLength  default 0.05, a setting in [0, 1]", text);
    }

    [Fact]
    public void Explain_states_the_severity_users_see_for_a_code_whose_severity_a_schema_sets()
    {
        // Every built-in format reports unknown members as warnings; a schema may make them errors.
        var stdout = new StringWriter();
        Assert.Equal(0, ExplainCommand.Run(["S203"], false, stdout, new StringWriter()));
        Assert.StartsWith("S203 Unknown member (warning (or error))", stdout.ToString());
        Assert.Contains("Every built-in format reports it as a warning", stdout.ToString());
    }
}
