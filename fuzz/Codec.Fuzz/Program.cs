using System.Globalization;

namespace Codec.Fuzz;

/// <summary>
/// <c>dotnet run -c Release --project fuzz/Codec.Fuzz -- [target...] [--runs N] [--seed S] [--out DIR]</c>: mutation
/// fuzzing of every input surface (or the named ones). Binary decoders get N runs (default 100,000), text inputs a
/// tenth of that and whole-folder checks a hundredth. Prints executions, speed and failures per target; failing inputs
/// go to DIR. Exit 1 when anything failed.
/// <para><c>afl TARGET</c> runs one target under AFL++ (instrumented by SharpFuzz, see fuzz/afl.sh); <c>repro TARGET
/// FILE...</c> replays saved inputs and prints what escapes; <c>corpus DIR</c> writes each target's starting corpus,
/// its smallest seeds, to DIR/TARGET.</para>
/// </summary>
public static class Program
{
    // A coverage-guided fuzzer works best from few, small inputs.
    private const int CorpusFiles = 8;
    private const int CorpusBytes = 64 << 10;

    public static int Main(string[] args)
    {
        if (args is ["afl", var aflTarget])
        {
            // Instrumented code may run only inside the fuzzer's callback (before it, the coverage map is not there):
            // the target is made on the first input, in the process that runs them.
            FuzzTarget? target = null;
            FuzzTarget.ScratchRoot = Path.Combine(SeedFiles.FindRepoRoot(), "fuzz", ".afl", "scratch");
            SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
            {
                target ??= FuzzTarget.All(new SeedFiles(SeedFiles.FindRepoRoot())).Single(t => t.Name.Replace(' ', '-') == aflTarget);
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                // Whatever escapes is a crash for AFL++; a finding is the decoder doing its job.
                target.RunInput(buffer.ToArray());
            });
            return 0;
        }

        // repro TARGET FILE...: runs saved inputs (AFL++'s crashes and hangs) through a target, uninstrumented, and
        // prints what escapes: the first step from a finding of afl.sh to a fix and a test.
        if (args is ["repro", var reproTarget, .. var inputs] && inputs.Length > 0)
        {
            var target = FuzzTarget.All(new SeedFiles(SeedFiles.FindRepoRoot())).Single(t => t.Name.Replace(' ', '-') == reproTarget);
            int escaped = 0;
            foreach (var input in inputs)
            {
                try
                {
                    target.RunInput(File.ReadAllBytes(input));
                    Console.WriteLine($"{input}: no exception");
                }
                catch (Exception e)
                {
                    escaped++;
                    Console.WriteLine($"{input}: {e}");
                }
            }

            return escaped == 0 ? 0 : 1;
        }

        if (args is ["corpus", var folder])
        {
            foreach (var target in FuzzTarget.All(new SeedFiles(SeedFiles.FindRepoRoot(), withProducersFiles: false)))
            {
                string into = Path.Combine(folder, target.Name.Replace(' ', '-'));
                Directory.CreateDirectory(into);
                // The smallest seeds of each kind of file in turn (an image target gets PNGs and TIFFs alike).
                var chosen = Enumerable.Range(0, target.Seeds.Count).Select(i => (Index: i, Bytes: target.CorpusEntry(i)))
                    .Where(e => e.Bytes.Length <= CorpusBytes)
                    .GroupBy(e => Path.GetExtension(target.Seeds[e.Index].Name), StringComparer.OrdinalIgnoreCase)
                    .SelectMany(g => g.OrderBy(e => e.Bytes.Length).ThenBy(e => target.Seeds[e.Index].Name, StringComparer.Ordinal).Select((e, rank) => (Rank: rank, Entry: e)))
                    .OrderBy(r => r.Rank).ThenBy(r => r.Entry.Bytes.Length).Select(r => r.Entry).Take(CorpusFiles).ToList();
                foreach (var (index, bytes) in chosen) File.WriteAllBytes(Path.Combine(into, $"{index:000}-{Sanitise(target.Seeds[index].Name)}"), bytes);
                Console.WriteLine($"{target.Name}: {chosen.Count} of {target.Seeds.Count} seeds, {chosen.Sum(c => c.Bytes.Length):N0} bytes");
                target.Dispose();
            }

            return 0;
        }

        long runs = 100_000;
        int seed = 2026;
        string? output = null;
        var names = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--runs": runs = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--out": output = args[++i]; break;
                default: names.Add(args[i]); break;
            }
        }

        var targets = FuzzTarget.All(new SeedFiles(SeedFiles.FindRepoRoot()));
        var unknown = names.Where(n => targets.All(t => t.Name != n)).ToList();
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"codec-fuzz: unknown target {string.Join(", ", unknown)}; targets: {string.Join(", ", targets.Select(t => t.Name))}");
            return 2;
        }

        bool failed = false;
        Console.WriteLine("| target | seeds | executions | time | executions/s | failures |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var target in targets)
        {
            try
            {
                if (names.Count > 0 && !names.Contains(target.Name)) continue;
                var summary = Campaign.Run(target, target.RunsOf(runs), seed, TimeSpan.FromSeconds(2));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {target.Name} | {target.Seeds.Count} | {summary.Executions:N0} | {summary.Elapsed.TotalSeconds:0.0} s | {summary.PerSecond:N0} | {summary.Failures.Count} |"));
                foreach (var f in summary.Failures)
                {
                    failed = true;
                    Console.Error.WriteLine($"{f.Target}: {f.Signature} (seed {f.SeedName}, {f.Input.Length} bytes)\n  {f.Message.Split('\n')[0]}");
                    if (output is null) continue;
                    Directory.CreateDirectory(output);
                    string name = $"{f.Target.Replace(' ', '-').Replace('.', '-')}-{f.Kind}-{(uint)f.Signature.GetHashCode():x8}";
                    File.WriteAllBytes(Path.Combine(output, name + ".bin"), f.Input);
                    File.WriteAllText(Path.Combine(output, name + ".txt"), f.Message);
                }
            }
            finally
            {
                target.Dispose();
            }
        }

        return failed ? 1 : 0;
    }

    private static string Sanitise(string name) => string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
}
