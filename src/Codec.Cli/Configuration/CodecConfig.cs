using System.Text.Json;
using Codec.Runtime.Files;
using Codec.Runtime.Findings;
using Json.Schema;

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

    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        using var stream = typeof(CodecConfig).Assembly.GetManifestResourceStream(SchemaName)
            ?? throw new InvalidOperationException($"{SchemaName} is not embedded in the command");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(reader.ReadToEnd());
    });

    /// <summary>The file it was read from.</summary>
    public required string Path { get; init; }

    public IReadOnlyList<Suppression> Ignore { get; init; } = [];
    public bool WarningsAsErrors { get; init; }
    public double? PrincipalPointTolerancePx { get; init; }
    public double? CameraRelativeTolerance { get; init; }
    public double? NormalLengthTolerance { get; init; }
    public double? NormalOffShare { get; init; }
    public double? AlphaMaskTolerance { get; init; }
    public double? SaiDenseToleranceMm { get; init; }
    public double? MediapipeDenseToleranceMm { get; init; }

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

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.AsMemory(0, length), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            error = $"{path}: not JSON ({e.Message})";
            return null;
        }

        using (document)
        {
            var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
            if (!result.IsValid)
            {
                var problems = Problems(result).Distinct().Take(5).ToList();
                error = $"{path} does not follow {SchemaName}: {string.Join(" | ", problems.DefaultIfEmpty("not a codec.json"))}";
                return null;
            }

            return From(document.RootElement, path, out error);
        }
    }

    // The errors of the schema's failing parts, where they are: a part that holds (one branch of a "oneOf") hides the
    // errors of its other branches, which are not the problem.
    private static IEnumerable<string> Problems(EvaluationResults node)
    {
        if (node.IsValid) yield break;
        if (node.Errors is { Count: > 0 } errors)
        {
            // "additionalProperties": false says it in the validator's words; a user has misspelt a setting.
            var messages = errors.Select(e => e.Key == "additionalProperties" || e.Value.Contains("false schema", StringComparison.Ordinal) ? "not a setting codec.json has" : e.Value);
            yield return $"{(node.InstanceLocation.ToString() is { Length: > 0 } at ? at : "/")}: {string.Join("; ", messages.Distinct())}";
        }
        foreach (var child in node.Details ?? [])
        {
            foreach (var problem in Problems(child)) yield return problem;
        }
    }

    // The schema has checked types and names; what is left is what a schema cannot know, such as which codes exist.
    private static CodecConfig? From(JsonElement root, string path, out string error)
    {
        error = "";
        string folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        var ignore = new List<Suppression>();
        if (root.TryGetProperty("ignore", out var items))
        {
            int index = 0;
            foreach (var item in items.EnumerateArray())
            {
                string code = item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetProperty("code").GetString()!;
                if (FindingCatalog.Find(code) is null)
                {
                    error = $"{path}: /ignore/{index}: {code} is not a finding code (codec explain lists them)";
                    return null;
                }

                var globs = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("paths", out var paths)
                    ? paths.EnumerateArray().Select(p => new PathGlob(p.GetString()!)).ToList()
                    : [];
                string? reason = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("reason", out var r) ? r.GetString() : null;
                ignore.Add(new Suppression(code.ToUpperInvariant(), globs, folder, reason, InsideOnly: true));
                index++;
            }
        }

        double? Tolerance(string name) =>
            root.TryGetProperty("tolerances", out var t) && t.TryGetProperty(name, out var v) ? v.GetDouble() : null;

        return new CodecConfig
        {
            Path = path,
            Ignore = ignore,
            WarningsAsErrors = root.TryGetProperty("warningsAsErrors", out var w) && w.GetBoolean(),
            PrincipalPointTolerancePx = Tolerance("principalPointPx"),
            CameraRelativeTolerance = Tolerance("cameraRelative"),
            NormalLengthTolerance = Tolerance("normalLength"),
            NormalOffShare = Tolerance("normalOffShare"),
            AlphaMaskTolerance = Tolerance("alphaMaskShare"),
            SaiDenseToleranceMm = Tolerance("saiDenseMm"),
            MediapipeDenseToleranceMm = Tolerance("mediapipeDenseMm"),
        };
    }
}
