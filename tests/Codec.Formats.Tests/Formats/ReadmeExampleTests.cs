using System.Text.RegularExpressions;
using Basic.Reference.Assemblies;
using Codec.Generators;
using Codec.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Codec.Tests.Formats;

/// <summary>Every C# example of the README compiles as written, against the Codec assemblies and with the generator.</summary>
public sealed partial class ReadmeExampleTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (Match m in CsharpBlock().Matches(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md")))) data.Add(m.Groups[1].Value);
        return data;
    }

    [Fact]
    public void The_readme_has_csharp_examples() => Assert.True(Examples().Count >= 3);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Readme_example_compiles(string example)
    {
        var errors = Compile(example).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n--- in ---\n" + example);
    }

    /// <summary>An example as a program (top-level statements) referencing Codec.Runtime and Codec.Formats, generator run.</summary>
    internal static IEnumerable<Diagnostic> Compile(string source, OutputKind kind = OutputKind.ConsoleApplication) => Build(source, kind, out _);

    internal static IEnumerable<Diagnostic> Build(string source, OutputKind kind, out Compilation output)
    {
        var references = Net100.References.All.Concat(new[]
        {
            MetadataReference.CreateFromFile(typeof(Codec.Runtime.Json.JsonCursor).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Codec.Formats.BuiltInFormats).Assembly.Location),
        });
        var compilation = CSharpCompilation.Create("ReadmeExample",
            [CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions), CSharpSyntaxTree.ParseText(ImplicitUsings, GeneratorHarness.ParseOptions)], references,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create(new CodecGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out output, out var generatorDiagnostics);
        // A block that only declares types has no entry point; that is not a mistake of the example.
        return generatorDiagnostics.Concat(output.GetDiagnostics()).Where(d => d.Id != "CS5001");
    }

    // What `dotnet new console` (ImplicitUsings enabled) gives every file of a project.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CsharpBlock();
}
