using System.Diagnostics;

namespace Codec.Fuzz;

/// <summary>A failure a run found: what went wrong, on which seed, and the input that did it.</summary>
public sealed record FuzzFailure(string Target, string Kind, string Signature, string Message, string SeedName, byte[] Input);

/// <summary>What a campaign against one target did.</summary>
public sealed record FuzzSummary(string Target, long Executions, TimeSpan Elapsed, IReadOnlyList<FuzzFailure> Failures)
{
    public double PerSecond => Executions / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>
/// Runs a target over mutated seeds. A run fails when an exception escapes the decoder (every problem must be a
/// finding), when it takes longer than the time limit (a hang or quadratic work), or when it allocates more than
/// 64 MB plus 16 times its input (memory a file cannot justify). Failures are told apart by their signature (the kind,
/// the exception type and the frame it came from) and each is kept once, with its input.
/// </summary>
public static class Campaign
{
    public static FuzzSummary Run(FuzzTarget target, long executions, int seed, TimeSpan timeLimit)
    {
        var failures = new Dictionary<string, FuzzFailure>(StringComparer.Ordinal);
        if (target.Seeds.Count == 0) return new FuzzSummary(target.Name, 0, TimeSpan.Zero, []);
        var mutator = new Mutator(seed);
        var clock = Stopwatch.StartNew();
        for (long n = 0; n < executions; n++)
        {
            var origin = target.Seeds[mutator.Random.Next(target.Seeds.Count)];
            // One run in sixteen decodes the seed as it is: the clean path must hold too.
            var input = n % 16 == 0 ? origin.Bytes : mutator.Mutate(origin.Bytes);
            long before = GC.GetAllocatedBytesForCurrentThread();
            long started = Stopwatch.GetTimestamp();
            try
            {
                target.Run(origin, input);
            }
            catch (Exception e)
            {
                var frame = new StackTrace(e).GetFrames().FirstOrDefault(f => f.GetMethod()?.DeclaringType?.Namespace?.StartsWith("Codec", StringComparison.Ordinal) == true);
                string where = frame?.GetMethod() is { } m ? $"{m.DeclaringType?.Name}.{m.Name}" : "?";
                Add(failures, new FuzzFailure(target.Name, "exception", $"exception {e.GetType().Name} at {where}", e.ToString(), origin.Name, input));
                continue;
            }

            var took = Stopwatch.GetElapsedTime(started);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (took > timeLimit)
                Add(failures, new FuzzFailure(target.Name, "slow", "slow", $"took {took.TotalMilliseconds:0} ms (limit {timeLimit.TotalMilliseconds:0} ms) on {input.Length} bytes", origin.Name, input));
            if (allocated > (64L << 20) + (16L * input.Length))
                Add(failures, new FuzzFailure(target.Name, "memory", "memory", $"allocated {allocated} bytes for {input.Length} bytes of input", origin.Name, input));
        }

        return new FuzzSummary(target.Name, executions, clock.Elapsed, failures.Values.ToList());
    }

    private static void Add(Dictionary<string, FuzzFailure> failures, FuzzFailure failure) => failures.TryAdd(failure.Signature, failure);
}
