using System.Reflection;
using System.Text.RegularExpressions;
using Codec.Formats.Findings;
using Codec.Runtime.Findings;

namespace Codec.Tests.Formats;

/// <summary>Every finding code, of every layer, is documented where it is registered, once, in the shape the catalog needs.</summary>
public sealed class FindingCatalogTests
{
    private static readonly IReadOnlyList<string> Constants = new[] { typeof(FindingCodes), typeof(FolderFindingCodes), typeof(DatasetFindingCodes) }
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToList();

    [Fact]
    public void Every_code_is_documented()
    {
        Assert.Empty(BuiltInFindings.Catalog.Undocumented());
        Assert.Equal(Constants.Order(StringComparer.Ordinal), BuiltInFindings.Catalog.All.Select(d => d.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Codes_are_unique_and_belong_to_their_family()
    {
        Assert.Equal(Constants.Count, Constants.Distinct().Count());
        foreach (var doc in BuiltInFindings.Catalog.All)
        {
            Assert.Matches(new Regex("^[JSRKVBFXD][0-9]{3}$"), doc.Code);
        }

        // Registered by family, then by number: the catalog's order is the reader's.
        string families = string.Concat(BuiltInFindings.Catalog.All.Select(d => d.Code[0]).Distinct());
        Assert.Equal(FindingCatalog.Families, families);
    }

    [Fact]
    public void Every_entry_says_what_it_means_what_to_do_and_gives_an_example()
    {
        foreach (var doc in BuiltInFindings.Catalog.All)
        {
            Assert.True(doc.Meaning.Length > 20 && doc.Meaning.EndsWith('.'), $"{doc.Code}: a meaning is a sentence");
            Assert.True(doc.Action.Length > 20 && doc.Action.EndsWith('.'), $"{doc.Code}: what to do is a sentence");
            Assert.False(string.IsNullOrWhiteSpace(doc.Example), $"{doc.Code}: no example");
            Assert.DoesNotContain(doc.Severity, doc.AlsoAs);
            Assert.DoesNotContain("seed", doc.Meaning + doc.Action, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void The_runtime_registers_no_code_of_a_folder_or_a_dataset()
    {
        // X7xx and D9xx are Synthesis and dataset knowledge: the layer that checks folders and datasets registers them.
        Assert.DoesNotContain(FindingCatalog.Of(typeof(FindingCodes)).Codes, code => code[0] is 'X' or 'D');
        Assert.All(FindingCatalog.Of(typeof(FolderFindingCodes)).Codes, code => Assert.StartsWith("X", code));
        Assert.All(FindingCatalog.Of(typeof(DatasetFindingCodes)).Codes, code => Assert.StartsWith("D", code));
    }

    [Fact]
    public void A_code_is_found_in_any_case_and_an_unknown_one_is_not()
    {
        Assert.Equal("ProjectionMismatch", BuiltInFindings.Catalog.Find("r307")!.Name);
        Assert.Equal("Projection mismatch", BuiltInFindings.Catalog.Find(FindingCodes.ProjectionMismatch)!.Title);
        Assert.Null(BuiltInFindings.Catalog.Find("R399"));
        Assert.Equal("error (or warning)", BuiltInFindings.Catalog.Find(DatasetFindingCodes.PartMissing)!.Severities);
    }

    [Fact]
    public void The_range_example_is_what_the_validator_says()
    {
        // A range's message has one wording, the generated validator's; the catalog shows it as it is.
        string text = File.ReadAllText(Codec.Tests.Infrastructure.Documents.SampleV15).Replace("\"age\": ", "\"age\": 250, \"_was\": ");
        var result = new Codec.Formats.Validation.DocumentChecker(Codec.Formats.BuiltInFormats.CreateSynthesisInfo()).Check(System.Text.Encoding.UTF8.GetBytes(text));
        var finding = Assert.Single(result.Findings, f => f.Code == FindingCodes.OutOfRange);
        Assert.Equal(BuiltInFindings.Catalog.Find(FindingCodes.OutOfRange)!.Example, $"{finding.Path}: {finding.Message}");
    }
}
