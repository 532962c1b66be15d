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

        var a2fDirectory = new Argument<string>("dir") { Description = "Folder to write the dataset into (created if needed)." };
        var a2fSeed = new Option<int>("--seed") { Description = "Random seed: the same seed writes the same files.", DefaultValueFactory = _ => 2026 };
        var a2fForce = new Option<bool>("--force") { Description = "Write into a folder that already holds files." };
        var a2f = new Command("a2f", "Write a small, valid Audio2Face-3D training dataset with every optional part (npy, pc2 and Maya caches).")
        {
            a2fDirectory, a2fSeed, a2fForce,
        };
        a2f.SetAction(parse =>
        {
            string dir = parse.GetValue(a2fDirectory)!;
            if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any() && !parse.GetValue(a2fForce))
            {
                Console.Error.WriteLine($"codec: {dir} is not empty; use --force to write into it");
                return 2;
            }

            foreach (var file in A2fDatasetSampler.Write(dir, parse.GetValue(a2fSeed))) Console.WriteLine(file);
            return 0;
        });

        return new Command("sample", "Write sample data sets.") { synthesis, a2f };
    }
}
