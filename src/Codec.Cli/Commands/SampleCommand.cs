using System.CommandLine;
using Codec.Cli.Sampling;

namespace Codec.Cli.Commands;

/// <summary><c>codec sample synthesis &lt;dir&gt;</c>: writes the sample data set (the copy in the repository came from it).</summary>
public static class SampleCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("dir") { Description = "Folder to write into (created if needed; existing files are not overwritten without --force)." };
        var count = new Option<int>("--count") { Description = "Files per version.", DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed writes the same files.", DefaultValueFactory = _ => 2026 };
        var force = new Option<bool>("--force") { Description = "Overwrite existing files." };
        var synthesis = new Command("synthesis", "Write realistic, internally consistent Synthesis AI info.json files (versions 1.2 and 1.5).")
        {
            directory, count, seed, force,
        };
        synthesis.SetAction(parse =>
        {
            string dir = parse.GetValue(directory)!;
            bool exists = Directory.Exists(dir) && Directory.EnumerateFiles(dir, "*.info.json", SearchOption.AllDirectories).Any();
            if (exists && !parse.GetValue(force))
            {
                Console.Error.WriteLine($"codec: {dir} already holds info.json files; use --force to overwrite them");
                return 2;
            }

            int n = parse.GetValue(count);
            if (n is < 1 or > 10000)
            {
                Console.Error.WriteLine("codec: --count must be between 1 and 10000");
                return 2;
            }

            foreach (var file in SynthesisInfoSampler.Write(dir, n, parse.GetValue(seed))) Console.WriteLine(file);
            return 0;
        });

        return new Command("sample", "Write sample data sets.") { synthesis };
    }
}
