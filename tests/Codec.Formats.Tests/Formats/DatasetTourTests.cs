using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Codec.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Codec.Tests.Formats;

/// <summary>
/// The README's dataset-tour program, compiled as written and run on the samples, the shared fixtures and documents of
/// the versions no fixture has: its lines must be what the files hold.
/// </summary>
public sealed partial class DatasetTourTests : IDisposable
{
    private static readonly object ConsoleLock = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("codec-tour-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_tour_prints_every_render_of_the_samples_and_of_every_version()
    {
        // Versions 0, 1, 1.3 and 1.4 have no real file: made from the 1.2 sample as the producer's history changed it.
        string older = Path.Combine(_dir, "older");
        Directory.CreateDirectory(older);
        var v12 = JsonNode.Parse(File.ReadAllText(Documents.SampleV12))!.AsObject();
        var v13 = v12.DeepClone().AsObject();
        v13["version"] = "1.3";
        var v14 = v13.DeepClone().AsObject();
        v14["version"] = "1.4";
        foreach (var list in new[] { "landmarks", "contour_landmarks" })
            foreach (var p in v14[list]!.AsArray()) { var o = p!.AsObject(); o["id"] = o["ptnum"]!.DeepClone(); o.Remove("ptnum"); }
        var v1 = v12.DeepClone().AsObject();
        v1["version"] = 1;
        foreach (var name in new[] { "render", "eye_nose_mouth_bbox", "head_transform", "contour_landmarks", "agent", "lights" }) v1.Remove(name);
        var v0 = v1.DeepClone().AsObject();
        foreach (var name in new[] { "version", "hdri", "facial_attributes", "clothing", "accessories", "identity_metadata", "segments_mapping" }) v0.Remove(name);
        int id = 100;
        foreach (var doc in new[] { v0, v1, v13, v14 }) File.WriteAllText(Path.Combine(older, id++ + ".info.json"), doc.ToJsonString());

        var roots = new List<string> { Path.Combine(TestPaths.SampleData, "synthesis"), older };
        if (TestPaths.HasFixtures) roots.Add(TestPaths.SynthesisFixtures);
        foreach (var root in roots)
        {
            var printed = Run(root);
            var expected = Directory.EnumerateFiles(root, "*.info.json", SearchOption.AllDirectories).Select(Expected).Order(StringComparer.Ordinal).ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, printed.Order(StringComparer.Ordinal).ToList());
        }
    }

    // The line the tour must print for one info.json, read independently of Codec (System.Text.Json).
    private static string Expected(string path)
    {
        var doc = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        string version = doc["version"] is { } v ? v.ToJsonString().Trim('"') : "none";
        var points = doc["landmarks"] is JsonArray list ? list : doc["landmarks"]!["ibug68"]!.AsArray();
        var nose = points[30]!["screen_space_pos"]!;
        string R(JsonNode? n) => n!.GetValue<double>().ToString("R", CultureInfo.InvariantCulture);
        string name = Path.GetFileName(path)[..^".info.json".Length];
        return string.Join('\t', name, version, R(nose[0]), R(nose[1]), R(doc["camera"]!["intrinsics"]![0]![0]));
    }

    private static List<string> Run(string folder)
    {
        var diagnostics = ReadmeExampleTests.Build(TourSource(), OutputKind.ConsoleApplication, out var compilation).ToList();
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var entry = Assembly.Load(image.ToArray()).EntryPoint!;
        var output = new StringWriter();
        lock (ConsoleLock)
        {
            var previous = Console.Out;
            Console.SetOut(output);
            try
            {
                entry.Invoke(null, [new[] { folder }]);
            }
            finally
            {
                Console.SetOut(previous);
            }
        }

        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    private static string TourSource()
    {
        var match = TourBlock().Match(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md")));
        Assert.True(match.Success, "README.md has no ```csharp block starting with // dataset-tour under \"Reading a dataset\"");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("## Reading a dataset.*?```csharp\\n(// dataset-tour\\n.*?)```", RegexOptions.Singleline)]
    private static partial Regex TourBlock();
}
