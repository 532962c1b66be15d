using Codec.Cli.Sampling;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Cli;

/// <summary>The sample generator writes consistent files, and the copy in the repository is what it writes.</summary>
public sealed class SampleCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("codec-sample-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Generated_samples_validate_clean_for_many_seeds()
    {
        for (int seed = 1; seed <= 4; seed++)
        {
            var files = SynthesisInfoSampler.Write(Path.Combine(_dir, seed.ToString()), 2, seed);
            Assert.Equal(4, files.Count);
            foreach (var file in files)
            {
                var result = Documents.Check(File.ReadAllBytes(file));
                Assert.True(result.Findings.All(f => f.Severity == Codec.Runtime.Findings.Severity.Info), file + "\n" + Documents.Describe(result.Findings));
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
