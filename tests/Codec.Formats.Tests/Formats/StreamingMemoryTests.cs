using System.Text;
using Codec.Formats.Validation;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Formats;

/// <summary>Runs alone (no other test allocating at the same time), so heap sizes mean something.</summary>
[CollectionDefinition(nameof(MemoryMeasurements), DisableParallelization = true)]
public sealed class MemoryMeasurements;

[Collection(nameof(MemoryMeasurements))]
public sealed class StreamingMemoryTests
{
    [FixtureFact]
    public async Task Memory_stays_flat_while_streaming_a_large_file()
    {
        var lines = File.ReadAllText(Path.Combine(TestPaths.SynthesisFixtures, "face-api-1.2", "metadata.jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var block = Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");
        long size = block.Length * ((200L << 20) / block.Length); // whole lines only
        long peak = 0, count = 0;
        long baseline = GC.GetTotalMemory(true);
        var summary = await MetadataFileChecker.CheckAsync(new RepeatingStream(block, size), r =>
        {
            // Live objects only: what streaming keeps, not garbage waiting for a collection.
            if (++count % 10_000 == 0) peak = Math.Max(peak, GC.GetTotalMemory(true) - baseline);
        }, new MetadataFileOptions { Parallelism = 2 });

        Assert.Equal(size, summary.Stats.Bytes);
        Assert.Equal(0, summary.Errors);
        Assert.True(count > 60_000, $"{count} lines");
        Assert.True(peak < 32L << 20, $"live heap grew by {peak >> 20} MB while streaming {size >> 20} MB");
    }
}
