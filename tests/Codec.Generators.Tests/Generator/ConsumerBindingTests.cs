using System.Collections.Immutable;
using System.Runtime.Loader;
using System.Text;
using Codec.Runtime.Findings;
using Codec.Runtime.Binding;
using Codec.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Codec.Tests.Generator;

/// <summary>
/// [CodecFormat("format", "version")] binds a consumer's class to exactly one version at compile time; a version or
/// format that no schema defines is a compile error that lists what exists.
/// </summary>
public sealed class ConsumerBindingTests
{
    private static AdditionalText[] Schemas(string folder) => GeneratorHarness.FolderWithTables(folder);

    private static (GeneratorRunResult Run, Compilation Output, ImmutableArray<Diagnostic> Compile) Build(string consumer, AdditionalText[] schemas, params MetadataReference[] extra)
    {
        var compilation = GeneratorHarness.CreateCompilation(consumer).AddReferences(extra);
        var driver = GeneratorHarness.CreateDriver(schemas).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var run = driver.GetRunResult().Results.Single();
        return (run, output, output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray());
    }

    private static Diagnostic SingleError(GeneratorRunResult run, string id)
    {
        var d = Assert.Single(run.Diagnostics, x => x.Id == id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        return d;
    }

    [Fact]
    public void A_consumer_class_gets_a_decoder_for_exactly_its_version()
    {
        const string consumer = """
            using Codec;
            namespace App;

            [CodecFormat("synthesis.metadata", "1.3")]
            public partial class SeedReader;

            public static class Use
            {
                public static long RenderId(System.ReadOnlySpan<byte> line)
                {
                    // The model type is 1.3's: arms exist only there.
                    Codec.Formats.Synthesis.Metadata.V1_3.MetadataLine model = SeedReader.CreateModel();
                    var context = new Codec.Runtime.Json.DecodeContext();
                    SeedReader.Decode(line, model, context);
                    SeedReader.Validate(model, context.Sink);
                    _ = model.Scene.Arms.Left.ElbowPitch;
                    return model.RenderId;
                }
            }
            """;
        var (run, _, compile) = Build(consumer, Schemas("synthesis/metadata"));
        Assert.Empty(run.Diagnostics);
        Assert.Empty(compile);
        var generated = Assert.Single(run.GeneratedSources, s => s.HintName == "App.SeedReader.CodecFormat.g.cs").SourceText.ToString();
        Assert.Contains("public const string FormatVersion = \"1.3\";", generated);
        Snapshot.Verify(generated.Replace(GeneratorInfoVersion(generated), "%VERSION%"), "cs", target: "App.SeedReader.CodecFormat.g");
    }

    [Fact]
    public void CODEC018_a_version_no_schema_defines_is_a_compile_error_listing_the_versions()
    {
        const string consumer = "namespace App;\n[Codec.CodecFormat(\"synthesis.metadata\", \"1.7\")]\npartial class Reader;\n";
        var (run, _, _) = Build(consumer, Schemas("synthesis/metadata"));
        var d = SingleError(run, "CODEC018");
        Assert.Contains("no version '1.7'", d.GetMessage());
        Assert.Contains("versions that exist: 1, 1.1, 1.2, 1.3, 1.4", d.GetMessage());
        Assert.Equal(1, d.Location.GetLineSpan().StartLinePosition.Line); // the attribute, on the consumer's line 2
        Assert.DoesNotContain(run.GeneratedSources, s => s.HintName.Contains("Reader", StringComparison.Ordinal));
    }

    [Fact]
    public void CODEC019_a_format_no_schema_defines_is_a_compile_error_listing_the_formats()
    {
        var (run, _, _) = Build("[Codec.CodecFormat(\"synthesis.infos\", \"1.5\")] partial class Reader;", Schemas("synthesis/info"));
        var d = SingleError(run, "CODEC019");
        Assert.Contains("'synthesis.infos'", d.GetMessage());
        Assert.Contains("synthesis.info", d.GetMessage());
    }

    [Fact]
    public void CODEC020_a_class_that_is_not_partial_is_an_error()
    {
        var (run, _, _) = Build("[Codec.CodecFormat(\"synthesis.info\", \"1.5\")] class Reader { }", Schemas("synthesis/info"));
        Assert.Contains("'Reader'", SingleError(run, "CODEC020").GetMessage());
    }

    [Fact]
    public void Versions_compare_as_versions_and_nested_classes_work()
    {
        const string consumer = "namespace App;\npublic static partial class Outer\n{\n    [Codec.CodecFormat(\"synthesis.info\", \"1.0\")]\n    public partial class V1Reader;\n}\n"
            + "[Codec.CodecFormat(\"synthesis.info\", \"1.5\")] public partial record RecordReader;\n";
        var (run, _, compile) = Build(consumer, Schemas("synthesis/info"));
        Assert.Empty(run.Diagnostics);
        Assert.Empty(compile);
        Assert.Contains(run.GeneratedSources, s => s.HintName == "App.RecordReader.CodecFormat.g.cs");
        Assert.Contains("FormatVersion = \"1\"", Assert.Single(run.GeneratedSources, s => s.HintName == "App.Outer.V1Reader.CodecFormat.g.cs").SourceText.ToString());
    }

    [Fact]
    public void Versions_of_a_referenced_assembly_bind_without_its_schemas()
    {
        const string consumer = """
            [Codec.CodecFormat("synthesis.info", "1.2")]
            public partial class Reader;
            public static class Use
            {
                public static Codec.Formats.Synthesis.Info.V1_2.InfoFile Model() => Reader.CreateModel();
            }
            """;
        var formats = MetadataReference.CreateFromFile(typeof(Codec.Formats.BuiltInFormats).Assembly.Location);
        var (run, _, compile) = Build(consumer, Array.Empty<AdditionalText>(), formats);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(compile);
        Assert.Contains(run.GeneratedSources, s => s.HintName == "Reader.CodecFormat.g.cs");

        var (wrong, _, _) = Build(consumer.Replace("1.2", "2.0"), Array.Empty<AdditionalText>(), formats);
        Assert.Contains("1, 1.1, 1.2, 1.3, 1.4, 1.5", SingleError(wrong, "CODEC018").GetMessage());
    }

    [Fact]
    public void Adding_a_version_takes_one_schema_file()
    {
        // The real info schemas up to 1.5 plus a made-up 1.6 that names 1.5 as its parent and states three differences
        // (real versions after 1.5, once there are any, are left out: this is the author's view the day 1.6 is added).
        string testSchema = Path.Combine(TestPaths.TestsDirectory(), "TestSchemas", "info-1.6.codec.json");
        var schemas = Schemas("synthesis/info").Where(s => !IsNewerThan(s, "1.5"))
            .Append(GeneratorHarness.Schema("synthesis/info/info-1.6.codec.json", File.ReadAllText(testSchema))).ToArray();
        const string consumer = "[Codec.CodecFormat(\"synthesis.info\", \"1.6\")] public partial class NextReader;";
        var (run, output, compile) = Build(consumer, schemas);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(compile);

        // The changelog says what the file says.
        string changelog = Assert.Single(run.GeneratedSources, s => s.HintName.EndsWith("SynthesisInfoFormat.Changelog.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("## 1.5 → 1.6", changelog);
        Assert.Contains("`Gesture`: `keyframe_only` renamed `keyframes_only`", changelog);
        Assert.Contains("`Render`: `render_seconds` added (float, optional)", changelog);
        // The camera's rename carries to the inherited rules that read it (and to the view mapping: no CODEC025 above).
        Assert.Contains("`Camera`: `transform_world2cam` renamed `world_to_camera`", changelog);
        Assert.Contains("rule added: `rigid_transform` /camera/world_to_camera/mat_4x4", changelog);
        string views = string.Concat(run.GeneratedSources.Where(s => s.HintName.Contains("V1_6", StringComparison.Ordinal) && s.HintName.EndsWith("Views.g.cs", StringComparison.Ordinal)).Select(s => s.SourceText.ToString()));
        Assert.Contains("IRenderCamera.World2cam => WorldToCamera.Mat4x4;", views);
        Assert.Contains("IRenderCamera.Intrinsics => K;", views); // mapped by name in 1.5, no mapping written
        Assert.Contains("rule added: `projects_to_screen` /camera/k,", changelog);

        // Compile, load and decode a 1.6 document with the generated dispatcher.
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var context = new AssemblyLoadContext("codec-next-version", isCollectible: true);
        try
        {
            image.Position = 0;
            var assembly = context.LoadFromStream(image);
            var format = (ICodecFormat)Activator.CreateInstance(assembly.GetType("Codec.Formats.Synthesis.Info.SynthesisInfoFormat")!, new object?[] { null })!;
            Assert.Equal(new[] { "0", "1", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6" }, format.Versions);

            string json = File.ReadAllText(Documents.SampleV15)
                .Replace("\"version\": \"1.5\"", "\"version\": \"1.6\"")
                .Replace("\"keyframe_only\":", "\"keyframes_only\":")
                .Replace("\"transform_world2cam\":", "\"world_to_camera\":")
                .Replace("\"intrinsics\":", "\"k\":")
                .Replace("\"frame_number\":", "\"render_seconds\": 12.5,\n        \"frame_number\":");
            var sink = new FindingSink();
            var model = format.Decode(Encoding.UTF8.GetBytes(json), sink, out string? version);
            Assert.Equal("1.6", version);
            Assert.NotNull(model);
            format.Validate(model!, sink);
            Assert.False(sink.HasErrors, Documents.Describe(sink.Findings));
            Assert.DoesNotContain(sink.Findings, f => f.Severity == Severity.Warning);
        }
        finally
        {
            context.Unload();
        }
    }

    private static string GeneratorInfoVersion(string source)
    {
        const string marker = "GeneratedCode(\"Codec.Generators\", \"";
        int start = source.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return source[start..source.IndexOf('"', start)];
    }

    // A format version's schema file whose version is above `version` (views and table files have none).
    private static bool IsNewerThan(Microsoft.CodeAnalysis.AdditionalText schema, string version)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(schema.GetText()!.ToString())!["version"];
        return node is not null && Codec.Runtime.Json.VersionProbe.Compare(System.Text.Encoding.UTF8.GetBytes(node.ToString()), System.Text.Encoding.UTF8.GetBytes(version)) > 0;
    }
}
