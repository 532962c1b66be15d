using Codec.Generators;
using Codec.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Codec.Tests.Generator;

/// <summary>Editing unrelated code must re-run no emit step; editing a schema must.</summary>
public sealed class IncrementalTests
{
    private static readonly string SchemaText = File.ReadAllText(Path.Combine(TestPaths.Schemas, "synthesis", "info", "info-1.5.codec.json"));

    // The 1.5 schema implements the format's views, so its views file comes along with the reference tables.
    private static readonly AdditionalText Views = GeneratorHarness.Schema("info.views.codec.json",
        File.ReadAllText(Path.Combine(TestPaths.Schemas, "synthesis", "info", "info.views.codec.json")));

    private static AdditionalText[] WithTables(AdditionalText schema) => GeneratorHarness.ReferenceTables().Prepend(Views).Prepend(schema).ToArray();

    [Fact]
    public void Unrelated_edit_reruns_no_emit_step()
    {
        var schema = GeneratorHarness.Schema("info-1.5.codec.json", SchemaText);
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var driver = GeneratorHarness.CreateDriver(WithTables(schema)).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { int X => 1; }", GeneratorHarness.ParseOptions));
        driver = driver.RunGenerators(edited);
        var run = driver.GetRunResult().Results.Single();

        foreach (var step in new[] { TrackingNames.ParseSchema, TrackingNames.ResolveSchemas, TrackingNames.EmitVersion, TrackingNames.EmitDispatchers, TrackingNames.EmitTables, TrackingNames.EmitViews, TrackingNames.Diagnostics })
        {
            var outputs = run.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} was {o.Reason}"));
        }

        Assert.All(run.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Schema_edit_reruns_emit()
    {
        var schema = GeneratorHarness.Schema("info-1.5.codec.json", SchemaText);
        var driver = GeneratorHarness.CreateDriver(WithTables(schema)).RunGenerators(GeneratorHarness.CreateCompilation());
        var changed = GeneratorHarness.Schema("info-1.5.codec.json", SchemaText.Replace("\"range\": [0, 120]", "\"range\": [0, 130]"));
        driver = driver.ReplaceAdditionalText(schema, changed).RunGenerators(GeneratorHarness.CreateCompilation());
        var run = driver.GetRunResult().Results.Single();

        var emit = run.TrackedSteps[TrackingNames.EmitVersion].SelectMany(s => s.Outputs).ToList();
        Assert.Contains(emit, o => o.Reason == IncrementalStepRunReason.Modified);
        // The dispatcher depends only on format, version and names: a range edit leaves it cached.
        Assert.All(run.TrackedSteps[TrackingNames.EmitDispatchers].SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
    }

    [Fact]
    public void Pipeline_models_hold_no_roslyn_objects()
    {
        var schema = GeneratorHarness.Schema("info-1.5.codec.json", SchemaText);
        var driver = GeneratorHarness.CreateDriver(WithTables(schema)).RunGenerators(GeneratorHarness.CreateCompilation());
        var run = driver.GetRunResult().Results.Single();
        var ours = new[] { TrackingNames.ParseSchema, TrackingNames.ResolveSchemas, TrackingNames.Changelogs, TrackingNames.Diagnostics, TrackingNames.EmitVersion, TrackingNames.VersionEntries, TrackingNames.EmitDispatchers, TrackingNames.EmitTables, TrackingNames.EmitViews };
        foreach (var step in ours.SelectMany(name => run.TrackedSteps[name]))
        {
            foreach (var (value, _) in step.Outputs) AssertNoRoslynObjects(value, 0);
        }
    }

    private static void AssertNoRoslynObjects(object? value, int depth)
    {
        if (value is null || depth > 12 || value is string || value.GetType().IsPrimitive || value is Enum) return;
        Assert.False(value is ISymbol or Compilation or SyntaxNode or Location or AdditionalText or Microsoft.CodeAnalysis.Text.SourceText,
            $"pipeline model holds a {value.GetType().Name}");
        if (value is System.Collections.IEnumerable items)
        {
            foreach (var item in items) AssertNoRoslynObjects(item, depth + 1);
            return;
        }

        foreach (var property in value.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
        {
            AssertNoRoslynObjects(property.GetValue(value), depth + 1);
        }
    }
}
