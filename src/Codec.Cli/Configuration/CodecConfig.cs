using Codec.Formats.Findings;
using Codec.Runtime.Files;
using Codec.Runtime.Findings;
using Codec.Runtime.Json;

namespace Codec.Cli.Configuration;

/// <summary>
/// A <c>codec.json</c>: suppressions, whether warnings fail the run, and the tolerances of an output folder's
/// cross-file checks. It is checked against <c>codec.config.schema.json</c>, which ships inside the command and
/// beside it, before anything in it is used: a misspelt key is a usage error, not a silently ignored setting.
/// </summary>
public sealed record CodecConfig
{
    /// <summary>The name codec looks for in each folder it is given.</summary>
    public const string FileName = FolderWalk.ConfigFileName;

    /// <summary>The schema's name, as an embedded resource and beside the command.</summary>
    public const string SchemaName = "codec.config.schema.json";

    // A configuration is a few lines; a larger file is not one.
    private const long MaxBytes = 1 << 20;

    private static readonly Lazy<ConfigSchema> Schema = new(() =>
    {
        using var stream = typeof(CodecConfig).Assembly.GetManifestResourceStream(SchemaName)
            ?? throw new InvalidOperationException($"{SchemaName} is not embedded in the command");
        using var text = new MemoryStream();
        stream.CopyTo(text);
        var sink = new FindingSink();
        var root = JsonTree.Parse(text.ToArray(), sink) ?? throw new InvalidOperationException($"{SchemaName} is not JSON");
        return ConfigSchema.Load(root);
    });

    /// <summary>The file it was read from.</summary>
    public required string Path { get; init; }

    public IReadOnlyList<Suppression> Ignore { get; init; } = [];
    public bool WarningsAsErrors { get; init; }

    /// <summary>Tolerance settings by the names the render contract declares them with (<c>normalLength</c>).</summary>
    public IReadOnlyDictionary<string, double> Tolerances { get; init; } = new Dictionary<string, double>();

    /// <summary>The folder the configuration's paths are relative to.</summary>
    public string Folder => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;

    /// <summary>Reads and checks <paramref name="path"/>; null, with <paramref name="error"/> saying where and why, when it is not a valid codec.json.</summary>
    public static CodecConfig? Read(string path, out string error)
    {
        error = "";
        if (InputFile.Refusal(path) is { } refusal)
        {
            error = $"{path} {refusal}";
            return null;
        }

        var findings = new List<Finding>();
        byte[] buffer = [];
        int length = InputFile.ReadAll(path, MaxBytes, ref buffer, findings);
        if (length < 0)
        {
            error = $"{path}: {string.Join("; ", findings.Select(f => f.Message))}";
            return null;
        }

        // The project's own strict reader first: bytes that are not UTF-8, unpaired surrogates, repeated keys, comments,
        // NaN and nesting past its limit are refused here, located, before anything else reads the text.
        var parse = new FindingSink();
        var memory = buffer.AsMemory(0, length);
        if (JsonTree.Parse(memory.Span, parse) is not { } root || parse.Count > 0)
        {
            var problem = parse.Findings.OrderByDescending(f => f.Severity).First();
            error = problem.Code == FindingCodes.DuplicateMember
                ? $"{path}:{problem.Line}:{problem.Column}: {problem.Path} appears more than once; give each setting once"
                : $"{path}:{problem.Line}:{problem.Column}: not JSON ({problem.Message})";
            return null;
        }

        var problems = Schema.Value.Problems(root);
        if (problems.Count > 0)
        {
            var said = problems.Select(p => $"{(p.At.Length > 0 ? p.At : "/")}: {p.Message}").Distinct().Take(5);
            error = $"{path} does not follow {SchemaName}: {string.Join(" | ", said)}";
            return null;
        }

        return From(root, path, out error);
    }

    // The schema has checked types and names; what is left is what a schema cannot know, such as which codes exist.
    private static CodecConfig? From(JsonNode root, string path, out string error)
    {
        error = "";
        string folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        var ignore = new List<Suppression>();
        var items = root["ignore"]?.Items ?? [];
        for (int index = 0; index < items.Count; index++)
        {
            var item = items[index];
            string code = item.Text ?? item["code"]!.Text!;
            if (BuiltInFindings.Catalog.Find(code) is null)
            {
                error = $"{path}: /ignore/{index}: {code} is not a finding code (codec explain lists them)";
                return null;
            }

            var patterns = item["paths"]?.Items.Select(p => p.Text!).ToList() ?? [];
            if (patterns.Select(PathGlob.Refusal).FirstOrDefault(r => r is not null) is { } refusal)
            {
                error = $"{path}: /ignore/{index}/paths: {refusal}";
                return null;
            }

            var globs = patterns.Select(p => new PathGlob(p)).ToList();
            ignore.Add(new Suppression(code.ToUpperInvariant(), globs, folder, item["reason"]?.Text, InsideOnly: true));
        }

        // Each tolerance by the name the render contract declares it with: the schema has held the names and the
        // ranges to the contract's declarations (a test keeps the two equal).
        var tolerances = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in root["tolerances"]?.Members ?? []) tolerances[name] = value.Number;

        return new CodecConfig
        {
            Path = path,
            Ignore = ignore,
            WarningsAsErrors = root["warningsAsErrors"]?.Kind == JsonKind.True,
            Tolerances = tolerances,
        };
    }
}
