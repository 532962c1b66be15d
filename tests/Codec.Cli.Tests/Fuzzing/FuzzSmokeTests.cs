using Codec.Fuzz;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Fuzzing;

/// <summary>
/// A short run of every fuzzing harness (the long campaign is <c>fuzz/Codec.Fuzz</c>, see the README): damaged
/// real files give findings, never an exception, a hang or runaway memory.
/// </summary>
public sealed class FuzzSmokeTests
{
    public static TheoryData<string> Targets()
    {
        var data = new TheoryData<string>();
        foreach (var target in FuzzTarget.All(new SeedFiles(TestPaths.RepoRoot)))
        {
            data.Add(target.Name);
            target.Dispose();
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void A_short_campaign_finds_nothing(string name)
    {
        var targets = FuzzTarget.All(new SeedFiles(TestPaths.RepoRoot));
        try
        {
            var target = targets.Single(t => t.Name == name);
            Assert.NotEmpty(target.Seeds);
            var summary = Campaign.Run(target, target.RunsOf(1500), seed: 7, TimeSpan.FromSeconds(20));
            Assert.True(summary.Failures.Count == 0, string.Join("\n\n", summary.Failures.Select(f => $"{f.Signature} (seed {f.SeedName}): {f.Message}")));
        }
        finally
        {
            foreach (var t in targets) t.Dispose();
        }
    }
}
