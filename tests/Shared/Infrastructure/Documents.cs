using System.Text;
using Codec.Formats;
using Codec.Formats.Validation;
using Codec.Runtime.Findings;

namespace Codec.Tests.Infrastructure;

/// <summary>Sample and fixture documents, and one-call checking.</summary>
public static class Documents
{
    public static string SampleV12 => Path.Combine(TestPaths.SampleData, "synthesis", "info-1.2", "0.info.json");
    public static string SampleV15 => Path.Combine(TestPaths.SampleData, "synthesis", "info-1.5", "1.info.json");

    public static IEnumerable<string> SampleFiles() =>
        Directory.EnumerateFiles(Path.Combine(TestPaths.SampleData, "synthesis"), "*.info.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    public static IEnumerable<string> FixtureInfoFiles() =>
        TestPaths.HasFixtures
            ? Directory.EnumerateFiles(TestPaths.SynthesisFixtures, "*.info.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : Enumerable.Empty<string>();

    public static DocumentResult Check(string json) => Check(Encoding.UTF8.GetBytes(json));

    public static DocumentResult Check(byte[] utf8) => new DocumentChecker(BuiltInFormats.CreateSynthesisInfo()).Check(utf8);

    public static Finding Single(DocumentResult result, string code) =>
        Assert.Single(result.Findings, f => f.Code == code);

    public static string Describe(IEnumerable<Finding> findings) => string.Join("\n", findings.Select(f => f.ToString()));

    /// <summary>The 1.5 sample decoded (it must decode without findings).</summary>
    public static Codec.Formats.Synthesis.Info.V1_5.InfoFile LoadSample15()
    {
        var doc = new Codec.Formats.Synthesis.Info.V1_5.InfoFile();
        var sink = new FindingSink();
        Codec.Formats.Synthesis.Info.V1_5.InfoFileDecoder.Decode(File.ReadAllBytes(SampleV15), doc, new Codec.Runtime.Json.DecodeContext { Sink = sink });
        Assert.Equal(0, sink.Count);
        return doc;
    }

    /// <summary>The findings of validating a 1.5 document.</summary>
    public static IReadOnlyList<Finding> Validate(Codec.Formats.Synthesis.Info.V1_5.InfoFile doc)
    {
        var sink = new FindingSink();
        new Codec.Formats.Synthesis.Info.V1_5.InfoFileValidator().Validate(doc, sink);
        return sink.Findings;
    }
}
