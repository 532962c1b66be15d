using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace Codec.Cli.Sharding;

/// <summary>
/// <c>--shard K/N</c>: this run checks the K-th (from 0) of N parts of the work. A part is made of whole pieces — an
/// info.json, a metadata.jsonl, an Audio2Face-3D dataset, a block of a Synthesis output folder's renders — so every
/// check that looks at several files (a render's masks against its info.json, a dataset's caches against each other)
/// runs in one shard. <see cref="ShardPlan"/> deals the pieces by size, the same way on every machine, so a retried
/// shard checks exactly what it checked before. <c>auto/N</c> takes K from the scheduler:
/// <c>JOB_COMPLETION_INDEX</c> (a Kubernetes Indexed Job) or <c>SLURM_ARRAY_TASK_ID</c> (a Slurm array).
/// </summary>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>The whole run: one shard.</summary>
    public static ShardSpec Whole { get; } = new(0, 1);

    /// <summary>The scheduler variables <c>auto</c> reads, in this order.</summary>
    public static readonly string[] IndexVariables = ["JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID"];

    /// <summary>Shards one run may be cut into; a merge tree serves more runs than that.</summary>
    public const int MaxCount = 100_000;

    /// <summary>Parses <c>K/N</c> or <c>auto/N</c>; null with <paramref name="error"/> set when it is neither.</summary>
    public static ShardSpec? Parse(string text, Func<string, string?> environment, out string error)
    {
        error = "";
        int slash = text.IndexOf('/');
        if (slash < 0 || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count is < 1 or > MaxCount)
        {
            error = $"--shard takes K/N (K from 0 to N-1, N from 1 to {MaxCount}) or auto/N, not '{text}'";
            return null;
        }

        string index = text[..slash];
        if (index == "auto")
        {
            var (variable, value) = IndexVariables.Select(v => (v, environment(v))).FirstOrDefault(x => !string.IsNullOrEmpty(x.Item2));
            if (value is null)
            {
                error = $"--shard auto/{count} reads the shard index from {string.Join(" or ", IndexVariables)}, and neither is set";
                return null;
            }

            index = value;
            if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out int fromScheduler) || fromScheduler >= count)
            {
                error = $"{variable} is '{value}'; with --shard auto/{count} it must be a number from 0 to {count - 1}";
                return null;
            }

            return new ShardSpec(fromScheduler, count);
        }

        if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out int k) || k >= count)
        {
            error = $"--shard {text}: K must be a number from 0 to {count - 1}";
            return null;
        }

        return new ShardSpec(k, count);
    }

    /// <summary>
    /// The shard of N a piece named <paramref name="key"/> falls to when no plan weighed it: a hash of the key, the same
    /// on every machine and run.
    /// </summary>
    public static int OwnerOf(string key, int count) => (int)(XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(key)) % (ulong)count);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
