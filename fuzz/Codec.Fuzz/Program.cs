using System.Globalization;

namespace Codec.Fuzz;

/// <summary>
/// <c>dotnet run -c Release --project fuzz/Codec.Fuzz -- [target...] [--runs N] [--seed S] [--out DIR]</c>: mutation
/// fuzzing of every decoder (or the named ones). Binary decoders get N runs (default 100,000), text decoders a tenth
/// of that and the whole-dataset check a hundredth. Prints executions, speed and failures per target; failing inputs
/// go to DIR. Exit 1 when anything failed.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
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
}
