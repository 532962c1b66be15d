using System.Text;
using Codec.Cli.Commands;
using Codec.Cli.Configuration;
using Codec.Cli.Reporting;
using Codec.Cli.Sharding;

namespace Codec.Fuzz;

/// <summary>
/// The inputs of the command beyond the decoders: shard files given to <c>merge</c>, <c>report</c> and
/// <c>--baseline</c>, codec.json, suppression globs, manifests, standard input, and a whole Synthesis output folder.
/// Each runs as the command runs it.
/// </summary>
public abstract class CommandTarget : FuzzTarget
{
    /// <summary>The command's targets, seeded from the repository's sample data.</summary>
    public static IReadOnlyList<FuzzTarget> Commands(SeedFiles files) =>
        [new Shard(files), new Config(), new Glob(), new ManifestList(), new Stdin(files), new Folder(files)];

    // Where a target writes its input for the command to read, removed with the target.
    private protected readonly string Scratch = NewScratch("codec-fuzz-command-");

    public override void Dispose() => Directory.Delete(Scratch, recursive: true);

    private sealed class Shard : CommandTarget
    {
        public Shard(SeedFiles files)
        {
            string sample = Path.Combine(files.RepoRoot, "src", "Codec.Cli", "SampleData");
            var seeds = new List<Seed>();
            foreach (var (name, path) in new[] { ("synthesis", Path.Combine(sample, "synthesis")), ("a2f", Path.Combine(sample, "a2f")) })
            {
                string output = Path.Combine(Scratch, name + ".parquet");
                ValidateCommand.Run([path], new ValidateSettings { Out = output, Jobs = 1 }, TextWriter.Null, TextWriter.Null);
                seeds.Add(new Seed(name + ".parquet", File.ReadAllBytes(output)));
            }

            Seeds = seeds;
        }

        public override string Name => "shard";
        public override IReadOnlyList<Seed> Seeds { get; }

        public override void Run(Seed seed, byte[] input)
        {
            string path = Path.Combine(Scratch, "input.parquet");
            File.WriteAllBytes(path, input);
            // What codec merge does with it: opened, read through and counted, then streamed into the report.
            MergeCommand.Run([path], ReportFormat.Readable, showInfo: true, output: null, TextWriter.Null, TextWriter.Null);
        }
    }

    private sealed class Config : CommandTarget
    {
        public override string Name => "config";
        public override bool IsJson => true;

        public override IReadOnlyList<Seed> Seeds { get; } =
        [
            new("full.json", Encoding.UTF8.GetBytes("""
                {
                  "$schema": "codec.config.schema.json",
                  "ignore": [ { "code": "X706", "paths": ["metadata.jsonl", "**/renders/*.png"], "reason": "rounded" }, "F603" ],
                  "warningsAsErrors": true,
                  "tolerances": { "principalPointPx": 1.5, "normalLength": 0.02, "normalOffShare": 0.2, "alphaMaskShare": 0.01 }
                }
                """)),
            new("small.json", Encoding.UTF8.GetBytes("""{ "ignore": ["D915"] }""")),
        ];

        public override void Run(Seed seed, byte[] input)
        {
            string path = Path.Combine(Scratch, "codec.json");
            File.WriteAllBytes(path, input);
            CodecConfig.Read(path, out _);
        }
    }

    // A pattern, a newline, and a path to match it against.
    private sealed class Glob : CommandTarget
    {
        public override string Name => "glob";
        public override bool IsJson => true;

        public override IReadOnlyList<Seed> Seeds { get; } =
        [
            new("folders", Encoding.UTF8.GetBytes("**/renders/**/*.png\njob/renders/a/b/3.rgb.png")),
            new("name", Encoding.UTF8.GetBytes("*.info.json\nout/0.info.json")),
            new("stars", Encoding.UTF8.GetBytes("*a*?a*b\naaaaaaaaaaaaaaaaaaaab")),
        ];

        public override void Run(Seed seed, byte[] input)
        {
            string text = Encoding.UTF8.GetString(input);
            int newline = text.IndexOf('\n');
            string pattern = newline < 0 ? text : text[..newline];
            // A pattern past the limit is a usage error before any matching (Suppression.Parse, CodecConfig).
            if (PathGlob.Refusal(pattern) is null) new PathGlob(pattern).Matches(newline < 0 ? "" : text[(newline + 1)..]);
        }
    }

    // A manifest read, its paths checked and the run's output checked against them, as validate does before a run.
    private sealed class ManifestList : CommandTarget
    {
        public override string Name => "manifest";
        public override bool IsJson => true;

        public override IReadOnlyList<Seed> Seeds { get; } =
        [
            new("folders", Encoding.UTF8.GetBytes(string.Join('\n', "# the job", "src/Codec.Cli/SampleData/a2f", "src/Codec.Cli/SampleData/a2f/",
                "src/Codec.Cli/SampleData/synthesis/info-1.5/0.info.json", "-", ""))),
        ];

        public override void Run(Seed seed, byte[] input)
        {
            string path = Path.Combine(Scratch, "manifest.txt");
            File.WriteAllBytes(path, input);
            if (Manifest.Read(path, () => Stream.Null, out _) is not { } listed || InputPaths.Distinct(listed.Select(e => e.Path).ToList(), out _) is not { } paths) return;
            Codec.Runtime.Files.OutputFile.Refusal([Path.Combine(Scratch, "run.parquet")], paths, overwrite: true);
        }
    }

    // Standard input, as `codec validate -` reads it: a metadata.jsonl or an info.json.
    private sealed class Stdin(SeedFiles files) : CommandTarget
    {
        public override string Name => "stdin";
        public override bool IsJson => true;

        public override IReadOnlyList<Seed> Seeds { get; } =
            [.. files.Find("metadata.jsonl", maxBytes: 64 << 10).Take(4), .. files.Find("*.info.json", maxBytes: 64 << 10).Take(4)];

        public override void Run(Seed seed, byte[] input) =>
            ValidateCommand.Run([StandardInput.Argument], new ValidateSettings { OpenStandardInput = () => new MemoryStream(input), Jobs = 1 }, TextWriter.Null, TextWriter.Null);
    }

    // A Synthesis output folder checked whole by `codec validate`, with one of its files damaged.
    private sealed class Folder(SeedFiles files) : DamagedFolderTarget(Path.Combine(files.RepoRoot, "src", "Codec.Cli", "SampleData", "synthesis", "info-1.5"))
    {
        public override string Name => "folder";

        protected override void Check(string folder) => ValidateCommand.Run([folder], new ValidateSettings { Jobs = 1 }, TextWriter.Null, TextWriter.Null);
    }
}
