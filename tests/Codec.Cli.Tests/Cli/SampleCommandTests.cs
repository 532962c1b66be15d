using Codec.Cli.Sampling;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Cli;

/// <summary>The sample generator writes consistent files, and the copy in the repository is what it writes.</summary>
public sealed class SampleCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("codec-sample-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Generated_samples_validate_clean_for_many_seeds()
    {
        for (int seed = 1; seed <= 4; seed++)
        {
            string root = Path.Combine(_dir, seed.ToString());
            var files = SynthesisInfoSampler.Write(root, 2, seed);
            Assert.Equal(6, files.Count); // per version: 2 info.json and a metadata.jsonl
            foreach (var file in files.Where(f => f.EndsWith(".info.json", StringComparison.Ordinal)))
            {
                var result = Documents.Check(File.ReadAllBytes(file));
                Assert.True(result.Findings.All(f => f.Severity == Codec.Runtime.Findings.Severity.Info), file + "\n" + Documents.Describe(result.Findings));
            }

            // The metadata lines agree with their renders' info.json files.
            foreach (var folder in Directory.EnumerateDirectories(root))
            {
                var results = await new Codec.Formats.Validation.Folders.SynthesisFolderChecker().CheckAsync(folder);
                var findings = results.SelectMany(r => r.Findings).Where(f => f.Severity != Codec.Runtime.Findings.Severity.Info);
                Assert.True(!findings.Any(), folder + "\n" + Documents.Describe(findings));
            }
        }
    }

    [Fact]
    public void Shipped_sample_data_is_reproducible_from_its_documented_command()
    {
        // README: codec sample synthesis src/Codec.Cli/SampleData/synthesis --count 3 --seed 2026
        var files = SynthesisInfoSampler.Write(_dir, 3, 2026);
        foreach (var file in files)
        {
            string shipped = Path.Combine(TestPaths.SampleData, "synthesis", Path.GetRelativePath(_dir, file));
            Assert.Equal(File.ReadAllText(shipped), File.ReadAllText(file));
        }
    }
}
