using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Codec.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Codec.Tests.Infrastructure;

/// <summary>A schema file handed to the generator as an AdditionalFile.</summary>
public sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Runs <see cref="CodecGenerator"/> in-process on schema texts and compiles what it emits.</summary>
public static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static GeneratorDriver CreateDriver(params AdditionalText[] schemas) =>
        CSharpGeneratorDriver.Create(
            new[] { new CodecGenerator().AsSourceGenerator() },
            additionalTexts: schemas,
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
            Net100.References.All.Concat(new[] { MetadataReference.CreateFromFile(typeof(Codec.Runtime.Json.JsonCursor).Assembly.Location) }),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

    /// <summary>Generator output for the given schemas, and the diagnostics of compiling it.</summary>
    public static (GeneratorRunResult Run, ImmutableArray<Diagnostic> CompileDiagnostics) Run(params AdditionalText[] schemas) => Run(false, schemas);

    /// <summary>
    /// As <see cref="Run(AdditionalText[])"/>; with <paramref name="referenceFormats"/>, compiled against Codec.Formats
    /// (a render contract's generated code uses its folder-check types).
    /// </summary>
    public static (GeneratorRunResult Run, ImmutableArray<Diagnostic> CompileDiagnostics) Run(bool referenceFormats, params AdditionalText[] schemas)
    {
        var compilation = CreateCompilation();
        if (referenceFormats) compilation = compilation.AddReferences(MetadataReference.CreateFromFile(typeof(Codec.Formats.BuiltInFormats).Assembly.Location));
        var driver = CreateDriver(schemas).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var run = driver.GetRunResult().Results.Single();
        return (run, output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray());
    }

    public static InMemoryAdditionalText Schema(string name, string text) => new("/schemas/" + name, text);

    /// <summary>
    /// Generates and compiles the given schemas and loads the assembly, as a consumer's build would: what the tests
    /// then run is the generated code itself. Fails with the diagnostics when the schemas do not compile.
    /// </summary>
    public static System.Reflection.Assembly Load(params AdditionalText[] schemas)
    {
        var compilation = CreateCompilation().WithAssemblyName("Consumer" + Guid.NewGuid().ToString("N"))
            .AddReferences(MetadataReference.CreateFromFile(typeof(Codec.Formats.BuiltInFormats).Assembly.Location));
        var driver = CreateDriver(schemas).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        if (!emitted.Success || !generatorDiagnostics.IsEmpty || !driver.GetRunResult().Diagnostics.IsEmpty)
            throw new InvalidOperationException("the schemas do not compile:\n" + string.Join("\n", driver.GetRunResult().Diagnostics.Concat(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))));
        return System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromStream(new MemoryStream(image.ToArray()));
    }

    /// <summary>True for a reference table schema (a file with "table" instead of "format").</summary>
    public static bool IsTableFile(string path) => HasProperty(path, "table");

    public static bool IsLibraryFile(string path) => HasProperty(path, "library");

    private static bool HasProperty(string path, string name)
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.TryGetProperty(name, out _);
    }

    /// <summary>
    /// The repository's reference tables and type libraries (schemas/**/*.codec.json with "table" or "library"), named
    /// by their path under schemas/: format schemas name tables in rules and import libraries, and both are generated
    /// into the compilation that uses them.
    /// </summary>
    public static AdditionalText[] ReferenceTables() =>
        Directory.EnumerateFiles(TestPaths.Schemas, "*.codec.json", SearchOption.AllDirectories)
            .Where(f => IsTableFile(f) || IsLibraryFile(f)).Order(StringComparer.Ordinal)
            .Select(f => (AdditionalText)Schema(Path.GetRelativePath(TestPaths.Schemas, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToArray();

    /// <summary>The schemas of one folder under schemas/ (paths keep the folder), with every reference table and type library besides.</summary>
    public static AdditionalText[] FolderWithTables(string folder)
    {
        var own = Directory.EnumerateFiles(Path.Combine(TestPaths.Schemas, folder), "*.codec.json").Order(StringComparer.Ordinal)
            .Select(f => (AdditionalText)Schema(folder + "/" + Path.GetFileName(f), File.ReadAllText(f))).ToList();
        own.AddRange(ReferenceTables().Where(t => own.All(o => o.Path != t.Path)));
        return own.ToArray();
    }
}
