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
    public static (GeneratorRunResult Run, ImmutableArray<Diagnostic> CompileDiagnostics) Run(params AdditionalText[] schemas)
    {
        var driver = CreateDriver(schemas).RunGeneratorsAndUpdateCompilation(CreateCompilation(), out var output, out _);
        var run = driver.GetRunResult().Results.Single();
        return (run, output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray());
    }

    public static InMemoryAdditionalText Schema(string name, string text) => new("/schemas/" + name, text);
}
