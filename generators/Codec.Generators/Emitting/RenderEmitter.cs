using System.Linq;
using Codec.Generators.Model;
using Codec.Generators.Rules;

namespace Codec.Generators.Emitting;

/// <summary>
/// Emits a render contract as a static <c>Codec.Formats.Validation.Folders.RenderContract</c> — the data the folder
/// check lists, reads and checks a render's files with — on a class named by the schema.
/// </summary>
internal static class RenderEmitter
{
    private const string Ns = "global::Codec.Formats.Validation.Folders";

    public static GeneratedFile Emit(RenderSpec spec)
    {
        var w = SourceWriter.StartFile(spec.SchemaPath, spec.Namespace);
        w.Summary(spec.Description, $"Render contract {Naming.Xml(spec.RenderId)}, generated from its schema.");
        w.Open($"public static partial class {spec.ClassName}");
        w.Line("/// <summary>The files of a render, the tolerances of their checks and the rules that apply to which files.</summary>");
        w.Line($"public static {Ns}.RenderContract Contract {{ get; }} = new(");
        w.Indent();
        w.Line($"{Naming.Literal(spec.RenderId)},");
        w.Line($"{Naming.Literal(spec.Description)},");
        w.Line($"{Naming.Literal(spec.MetadataFile)},");
        w.Line($"new {Ns}.RenderNameShape[] {{ {string.Join(", ", spec.Names.Select(n => $"new({Naming.Literal(n.Shape)}, {Naming.Literal(n.Description)})"))} }},");
        w.Line($"new {Ns}.RenderFileSpec[]");
        w.Line("{");
        w.Indent();
        foreach (var f in spec.Files)
        {
            string passes = string.Join(", ", f.Passes.Select(p => $"new({Naming.Literal(p.As)}, new string[] {{ {string.Join(", ", p.Channels.Select(Naming.Literal))} }})"));
            w.Line($"new({Naming.Literal(f.Name)}, new string[] {{ {string.Join(", ", f.Suffixes.Select(Naming.Literal))} }}, {FileKindWords.Member(f.Kind)}, {Naming.Literal(f.Description)}, {(f.Mapping is null ? "null" : Naming.Literal(f.Mapping))},");
            w.Line($"    new {Ns}.RenderPass[] {{ {passes} }}),");
        }

        w.Outdent();
        w.Line("},");
        w.Line($"new {Ns}.ToleranceSpec[]");
        w.Line("{");
        w.Indent();
        foreach (var t in spec.Tolerances)
        {
            string min = Naming.Double(t.Minimum ?? 0), max = t.Maximum is { } m ? Naming.Double(m) : "null";
            w.Line($"new({Naming.Literal(t.Name)}, {Naming.Double(double.Parse(t.ValueText, System.Globalization.CultureInfo.InvariantCulture))}, {min}, {max}, {Naming.Literal(t.Description)}),");
        }

        w.Outdent();
        w.Line("},");
        w.Line($"new {Ns}.RenderRuleUse[]");
        w.Line("{");
        w.Indent();
        // Each rule is the call its registration names, its arguments typed and its tolerances looked up by the checker.
        foreach (var rule in spec.Rules)
        {
            bool passes = RuleRegistry.RenderRules[rule.Name].FileKinds.Contains("pass");
            w.Line($"new({Naming.Literal(rule.Name)}, {Naming.Literal(rule.Description)}, new string[] {{ {string.Join(", ", rule.In.Select(Naming.Literal))} }}, {(passes ? "true" : "false")},");
            w.Line($"    static context => {rule.Call}),");
        }

        w.Outdent();
        w.Line("});");
        w.Outdent();
        w.Close();
        return new GeneratedFile(spec.Namespace + "." + spec.ClassName + ".Render.g.cs", w.ToString());
    }
}
