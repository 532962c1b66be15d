using System.Text;
using Codec.Formats;
using Codec.Formats.A2f;
using Codec.Formats.Datasets;
using Codec.Formats.Validation;
using Codec.Runtime.Binary.Audio;
using Codec.Runtime.Binary.Exr;
using Codec.Runtime.Binary.Image;
using Codec.Runtime.Binary.Maya;
using Codec.Runtime.Binary.Numpy;
using Codec.Runtime.Binary.PointCache;
using Codec.Runtime.Findings;
using Codec.Runtime.Geometry;

namespace Codec.Fuzz;

/// <summary>One seed: a real file's bytes and where they came from.</summary>
public sealed record Seed(string Name, byte[] Bytes);

/// <summary>A decoder under test: its seeds, and one run of it over an input, as a user of its API would run it.</summary>
public abstract class FuzzTarget
{
    public abstract string Name { get; }

    /// <summary>Text decoders (JSON, XML, OBJ) are slower per run and get a tenth of a binary decoder's runs.</summary>
    public virtual bool IsJson => false;

    /// <summary>How many of a campaign's <paramref name="runs"/> (per binary decoder) this target gets.</summary>
    public virtual long RunsOf(long runs) => IsJson ? Math.Max(1, runs / 10) : runs;

    public abstract IReadOnlyList<Seed> Seeds { get; }

    /// <summary>Decodes <paramref name="input"/> (a damaged <paramref name="seed"/>) and uses what comes out.</summary>
    public abstract void Run(Seed seed, byte[] input);

    /// <summary>
    /// For targets that damage one file of many (a dataset, an output folder): an input's first byte says which of the
    /// seeds it replaces, the rest is its content. A coverage-guided fuzzer knows only inputs, not seeds.
    /// </summary>
    public virtual bool DamagesOneOfManyFiles => false;

    /// <summary>One run of an input from a coverage-guided fuzzer (see <see cref="DamagesOneOfManyFiles"/>).</summary>
    public void RunInput(byte[] input)
    {
        if (Seeds.Count == 0) return;
        if (!DamagesOneOfManyFiles) Run(Seeds[0], input);
        else if (input.Length > 0) Run(Seeds[input[0] % Seeds.Count], input[1..]);
    }

    /// <summary>Seed <paramref name="index"/> as a coverage-guided fuzzer's corpus holds it.</summary>
    public byte[] CorpusEntry(int index) => DamagesOneOfManyFiles ? [(byte)index, .. Seeds[index].Bytes] : Seeds[index].Bytes;

    /// <summary>
    /// Where targets make their temporary folders: the system's by default; under AFL++, whose processes end killed
    /// (nothing is disposed), a folder fuzz/afl.sh removes.
    /// </summary>
    public static string ScratchRoot { get; set; } = Path.GetTempPath();

    /// <summary>A new folder under <see cref="ScratchRoot"/>, for a target to remove in <see cref="Dispose"/>.</summary>
    protected static string NewScratch(string prefix)
    {
        string folder = Path.Combine(ScratchRoot, prefix + Path.GetRandomFileName());
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Removes what the target set up (temporary folders).</summary>
    public virtual void Dispose()
    {
    }

    /// <summary>Every target, seeded from the repository's own files and, when present, the producers' fixtures.</summary>
    public static IReadOnlyList<FuzzTarget> All(SeedFiles files) =>
    [
        new InfoJson(files), new MetadataLine(files), new Npy(files), new Npz(files), new Pc2(files), new MayaData(files),
        new MayaXml(files), new Wav(files), new Png(files), new Image(files), new Exr(files), new Obj(files), new Dataset(files),
        .. CommandTarget.Commands(files),
    ];

    private const int MaxFloatsCopied = 1 << 22;

    private sealed class InfoJson(SeedFiles files) : FuzzTarget
    {
        private readonly DocumentChecker _checker = new(BuiltInFormats.CreateSynthesisInfo());

        public override string Name => "info.json";
        public override bool IsJson => true;
        public override IReadOnlyList<Seed> Seeds { get; } = files.Find("*.info.json", maxBytes: 512 << 10);

        public override void Run(Seed seed, byte[] input) => _checker.Check(input);
    }

    private sealed class MetadataLine(SeedFiles files) : FuzzTarget
    {
        private readonly MetadataLineChecker _checker = new(collectFacts: true);

        public override string Name => "metadata line";
        public override bool IsJson => true;
        public override IReadOnlyList<Seed> Seeds { get; } = files.Find("metadata.jsonl", maxBytes: 4 << 20)
            .SelectMany(s => Encoding.UTF8.GetString(s.Bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select((line, i) => new Seed($"{s.Name}:{i + 1}", Encoding.UTF8.GetBytes(line)))).ToList();

        public override void Run(Seed seed, byte[] input) => _checker.Process(input, 1);
    }

    private sealed class Npy(SeedFiles files) : FuzzTarget
    {
        public override string Name => "npy";
        public override IReadOnlyList<Seed> Seeds { get; } = files.Find("*.npy", maxBytes: 256 << 10);

        public override void Run(Seed seed, byte[] input)
        {
            var array = NpyFile.Decode(input, new FindingSink());
            if (array is null || array.DType.Kind is NpyKind.Bytes or NpyKind.Unicode or NpyKind.Record || array.Length > MaxFloatsCopied) return;
            array.CopyTo(new float[array.Length]);
        }
    }

    private sealed class Npz(SeedFiles files) : FuzzTarget
    {
        public override string Name => "npz";
        public override IReadOnlyList<Seed> Seeds { get; } = files.Find("*.npz", maxBytes: 256 << 10);

        public override void Run(Seed seed, byte[] input)
        {
            var sink = new FindingSink();
            var archive = NpzArchive.Read(input, sink);
            if (archive is null) return;
            foreach (var member in archive.Members) archive.GetArray(member, sink);
        }
    }

    private sealed class Pc2(SeedFiles files) : FuzzTarget
    {
        public override string Name => "pc2";
        public override IReadOnlyList<Seed> Seeds { get; } = files.Find("*.pc2", maxBytes: 256 << 10);

        public override void Run(Seed seed, byte[] input) => _ = PointCache2.Decode(input, new FindingSink())?.Positions.Length;
    }

    private sealed class MayaData(SeedFiles files) : FuzzTarget
    {
        public override string Name => "maya data";
        public override IReadOnlyList<Seed> Seeds { get; } = [.. files.Find("*.mc", maxBytes: 256 << 10), .. files.Find("*.mcx", maxBytes: 256 << 10)];

        public override void Run(Seed seed, byte[] input) => _ = MayaCacheData.Decode(input, new FindingSink())?.Samples.Count;
    }

    private sealed class MayaXml(SeedFiles files) : FuzzTarget
    {
        public override string Name => "maya xml";
        public override bool IsJson => true; // text, parsed by the XML reader: counted with the text decoders
        public override IReadOnlyList<Seed> Seeds { get; } = files.Find("*.xml", maxBytes: 64 << 10, under: "a2f");

        public override void Run(Seed seed, byte[] input) => MayaCacheDescription.Parse(new MemoryStream(input), new FindingSink());
    }

    private sealed class Wav(SeedFiles files) : FuzzTarget
    {
        public override string Name => "wav";
        public override IReadOnlyList<Seed> Seeds { get; } = files.Find("*.wav", maxBytes: 128 << 10);

        public override void Run(Seed seed, byte[] input)
        {
            var wav = WavFile.Decode(input, new FindingSink());
            if (wav is null || wav.FrameCount * wav.Format.Channels > MaxFloatsCopied) return;
            wav.CopyTo(new float[wav.FrameCount * wav.Format.Channels]);
        }
    }

    private sealed class Png(SeedFiles files) : FuzzTarget
    {
        public override string Name => "png";
        public override IReadOnlyList<Seed> Seeds { get; } = files.Find("*.png", maxBytes: 64 << 10);

        public override void Run(Seed seed, byte[] input) => PngImage.Decode(input, new FindingSink())?.Histogram();
    }

    // Any PNG or TIFF image, decoded whole and measured as inspect and the folder checks do.
    private sealed class Image(SeedFiles files) : FuzzTarget
    {
        public override string Name => "image";
        public override IReadOnlyList<Seed> Seeds { get; } =
            [.. files.Find("*.png", maxBytes: 64 << 10), .. files.Find("*.tif", maxBytes: 1 << 20)];

        public override void Run(Seed seed, byte[] input)
        {
            if (ImageFile.Decode(input, new FindingSink()) is not { } image) return;
            image.Ranges();
            _ = image.IsBlank;
            image.ToSingles();
        }
    }

    private sealed class Exr(SeedFiles files) : FuzzTarget
    {
        public override string Name => "exr";
        public override IReadOnlyList<Seed> Seeds { get; } = files.Find("*.exr", maxBytes: 256 << 10);

        public override void Run(Seed seed, byte[] input)
        {
            var sink = new FindingSink();
            if (ExrFile.Decode(input, sink) is not { } exr) return;
            for (int p = 0; p < exr.Parts.Count; p++) ExrPixels.Decode(input, exr, p, sink);
        }
    }

    private sealed class Obj(SeedFiles files) : FuzzTarget
    {
        public override string Name => "obj";
        public override bool IsJson => true; // text
        public override IReadOnlyList<Seed> Seeds { get; } = files.Find("*.obj", maxBytes: 512 << 10) is { Count: > 0 } found ? found
            : [new Seed("generated.obj", Encoding.ASCII.GetBytes("v 0 0 0\nv 1 0 0\nv 0 1 0\nvt 0 0\nf 1/1 2/1 3/1\n"))];

        public override void Run(Seed seed, byte[] input) => ObjMesh.Decode(input, new FindingSink());
    }

    // The whole dataset check with one of the sample dataset's files damaged.
    private sealed class Dataset(SeedFiles files) : DamagedFolderTarget(Path.Combine(files.RepoRoot, "src", "Codec.Cli", "SampleData", "a2f"))
    {
        public override string Name => "dataset";

        protected override void Check(string folder) => DatasetValidator.Check(A2fDataset.Contract, folder, new DatasetCheckOptions { Parallelism = 1 });
    }
}

/// <summary>
/// A whole folder checked with one of its files damaged: the sample folder is copied once, each of its files is a
/// seed, and a run replaces one file of the copy, checks the copy and puts the file back.
/// </summary>
public abstract class DamagedFolderTarget : FuzzTarget
{
    private readonly string _root = NewScratch("codec-fuzz-folder-");

    protected DamagedFolderTarget(string sample)
    {
        var seeds = new List<Seed>();
        foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(sample, file);
            string copy = Path.Combine(_root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
            seeds.Add(new Seed(relative, File.ReadAllBytes(file)));
        }

        Seeds = seeds;
    }

    public override IReadOnlyList<Seed> Seeds { get; }
    public override bool DamagesOneOfManyFiles => true;

    // A run checks a whole folder (its files, its rules): a hundredth of a decoder's runs.
    public override long RunsOf(long runs) => Math.Max(1, runs / 100);

    /// <summary>Checks the copy of the folder as a user's run would.</summary>
    protected abstract void Check(string folder);

    public override void Run(Seed seed, byte[] input)
    {
        string path = Path.Combine(_root, seed.Name);
        File.WriteAllBytes(path, input);
        try
        {
            Check(_root);
        }
        finally
        {
            File.WriteAllBytes(path, seed.Bytes);
        }
    }

    public override void Dispose() => Directory.Delete(_root, recursive: true);
}

/// <summary>Where seeds come from: the repository's sample data and test fixtures, and the producers' fixtures beside it.</summary>
public sealed class SeedFiles
{
    /// <param name="withProducersFiles">Whether the producers' fixtures beside the checkout seed too: yes for campaigns, no for
    /// the committed corpus, which holds only the repository's own files.</param>
    public SeedFiles(string repoRoot, bool withProducersFiles = true)
    {
        RepoRoot = repoRoot;
        string shared = Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "fixtures"));
        Folders = new[] { Path.Combine(repoRoot, "src", "Codec.Cli", "SampleData"), Path.Combine(repoRoot, "tests", "Fixtures"), withProducersFiles ? shared : "" }
            .Where(f => f.Length > 0 && Directory.Exists(f)).ToList();
    }

    public string RepoRoot { get; }

    public IReadOnlyList<string> Folders { get; }

    /// <summary>The repository's root: the folder holding Codec.sln, above the current folder or above this program.</summary>
    public static string FindRepoRoot()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Codec.sln"))) return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"Codec.sln not found above {Environment.CurrentDirectory} or {AppContext.BaseDirectory}; run from the repository");
    }

    public IReadOnlyList<Seed> Find(string pattern, long maxBytes, string? under = null) =>
        Folders.SelectMany(f => Directory.EnumerateFiles(f, pattern, SearchOption.AllDirectories))
            .Where(p => under is null || p.Contains(Path.DirectorySeparatorChar + under + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(p => new FileInfo(p).Length <= maxBytes)
            .Order(StringComparer.Ordinal)
            .Select(p => new Seed(Path.GetFileName(p), File.ReadAllBytes(p)))
            .ToList();
}
