using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Codec.Generators.Model;

namespace Codec.Generators.Emitting;

/// <summary>
/// Emits a dataset layout as a static <c>Codec.Formats.Datasets.DatasetContract</c> — the data a dataset validator
/// walks a folder with — on a class named by the schema, with the decoders of its JSON documents
/// (<see cref="DatasetDocumentEmitter"/>).
/// </summary>
internal static class DatasetEmitter
{
    private const string Ns = "global::Codec.Formats.Datasets";
    private const string Severity = "global::Codec.Runtime.Findings.Severity";

    public static GeneratedFile Emit(DatasetSpec spec)
    {
        var (documents, decoderOf) = DatasetDocumentEmitter.Plan(spec);
        var w = SourceWriter.StartFile(spec.SchemaPath, spec.Namespace);
        w.Summary(spec.Description, $"Dataset layout {Naming.Xml(spec.DatasetId)}, generated from its schema.");
        w.Open($"public static partial class {spec.ClassName}");
        w.Line($"public const string DatasetId = {Naming.Literal(spec.DatasetId)};");
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// True when <paramref name=\"root\"/> has every folder a dataset of this layout is recognised by. Cheap: only those");
        w.Line("/// folders are looked for, and the contract is not built.");
        w.Line("/// </summary>");
        w.Line($"public static bool Recognizes(string root) => {Ns}.DatasetContract.HasFolders(root, Recognition.Folders);");
        w.Line();
        w.Line("// Apart from the contract, so that testing every folder of a run builds nothing else.");
        w.Open("private static class Recognition");
        w.Line($"public static readonly string[] Folders = new string[] {{ {string.Join(", ", spec.RecognizedBy.Select(Naming.Literal))} }};");
        w.Close();
        w.Line();
        w.Line("/// <summary>The folders, files, dimensions and rules of the layout.</summary>");
        w.Line($"public static {Ns}.DatasetContract Contract {{ get; }} = new(");
        w.Indent();
        w.Line($"{Naming.Literal(spec.DatasetId)},");
        w.Line($"{Naming.Literal(spec.Title)},");
        w.Line($"{Naming.Literal(spec.Description)},");
        w.Line("Recognition.Folders,");
        w.Line($"new {Ns}.DimensionSpec[]");
        w.Line("{");
        w.Indent();
        foreach (var d in spec.Dimensions) w.Line($"new({Naming.Literal(d.Symbol)}, {Text(d.Per)}, {Naming.Literal(d.Description)}),");
        w.Outdent();
        w.Line("},");
        w.Line($"new {Ns}.FolderSpec[]");
        w.Line("{");
        w.Indent();
        foreach (var folder in spec.Folders) EmitFolder(w, folder, decoderOf);
        w.Outdent();
        w.Line("},");
        w.Line($"new {Ns}.DatasetRuleUse[]");
        w.Line("{");
        w.Indent();
        // Each rule is the call its registration names, its arguments typed and defaults filled in by the checker.
        foreach (var rule in spec.Rules)
        {
            w.Line($"new({Naming.Literal(rule.Name)}, {SeverityOf(rule.Severity)}, {Naming.Literal(rule.Description)}, new string[] {{ {string.Join(", ", rule.ValuesRead.Select(Naming.Literal))} }},");
            w.Line($"    static (context, severity) => {rule.Call}),");
        }

        w.Outdent();
        w.Line("});");
        w.Outdent();
        DatasetDocumentEmitter.Emit(w, documents);
        w.Close();
        return new GeneratedFile(spec.Namespace + "." + spec.ClassName + ".Dataset.g.cs", w.ToString());
    }

    private static void EmitFolder(SourceWriter w, DatasetFolderSpec folder, Dictionary<DatasetFileSpec, string> decoderOf)
    {
        string strays = folder.Strays is null ? "null" : SeverityOf(folder.Strays);
        string beside = folder.FilesBeside is null ? "null" : SeverityOf(folder.FilesBeside);
        w.Line($"new({Naming.Literal(folder.Path)}, {Bool(folder.Required)}, {Naming.Literal(folder.Description)}, {Bool(folder.OneOf)}, {strays}, {beside}, new {Ns}.FileSpec[]");
        w.Line("{");
        w.Indent();
        foreach (var f in folder.Files)
        {
            w.Line($"new({Naming.Literal(f.Name)}, {FileKindWords.Member(f.Kind)}, {Bool(f.Required)}, {Naming.Literal(f.Description)}, {Text(f.DType)}, {Shape(f.Shape)}, {Bool(f.Finite)}, {Number(f.Min)}, {Number(f.Max)}, {Int(f.MinSampleRate)}, {Int(f.MinBitsPerSample)},");
            w.Indent();
            w.Line($"new {Ns}.MemberSpec[] {{ {string.Join(", ", f.Members.Select(Member))} }},");
            var slots = DatasetDocumentEmitter.Slots(f);
            w.Line($"new {Ns}.JsonFieldSpec[] {{ {string.Join(", ", f.Fields.Select(field => Field(field, slots.IndexOf(field.Pointer))))} }},");
            string decoder = decoderOf.TryGetValue(f, out var name) ? ", Documents." + name : "";
            w.Line($"new (string, string)[] {{ {string.Join(", ", f.SameLength.Select(p => p.Split('|')).Select(p => $"({Naming.Literal(p[0])}, {Naming.Literal(p[1])})"))} }}{decoder}),");
            w.Outdent();
        }

        w.Outdent();
        w.Line("}),");
    }

    private static string Member(DatasetMemberSpec m) =>
        $"new({Naming.Literal(m.Key)}, {Text(m.DType)}, {Shape(m.Shape)}, {Bool(m.Optional)}, new string[] {{ {string.Join(", ", m.WarnDTypes.Select(Naming.Literal))} }}, {Expression(m.IndexBelow)})";

    private static string Field(DatasetFieldSpec f, int slot) =>
        $"new({Naming.Literal(f.Pointer)}, {slot}, {Ns}.JsonFieldType.{DatasetFieldTypes.Member(f.Type)}, {Bool(f.Required)}, {Number(f.Min)}, {Number(f.Max)}, {Expression(f.EqualsDimension)}, {Expression(f.Length)}, {Int(f.MinItems)}, new double[] {{ {string.Join(", ", f.Allowed.Select(Naming.Double))} }}, {Expression(f.IndexBelow)}, {SeverityOf(f.Severity)})";

    private static string Shape(EquatableArray<string>? shape) =>
        shape is { } s ? $"new {Ns}.DimensionExpression[] {{ {string.Join(", ", s.Select(e => Expression(e)))} }}" : "null";

    // "P+1" → new DimensionExpression("P", 1); "3" → new DimensionExpression(null, 3). The checker has parsed them.
    private static string Expression(string? text)
    {
        if (text is null) return "null";
        int sign = text.IndexOfAny(new[] { '+', '-' });
        if (char.IsDigit(text[0])) return $"new {Ns}.DimensionExpression(null, {text})";
        string symbol = sign < 0 ? text : text.Substring(0, sign);
        string offset = sign < 0 ? "0" : (text[sign] == '-' ? "-" : "") + text.Substring(sign + 1);
        return $"new {Ns}.DimensionExpression({Naming.Literal(symbol)}, {offset})";
    }

    private static string SeverityOf(string severity) => severity == "warning" ? Severity + ".Warning" : Severity + ".Error";
    private static string Bool(bool value) => value ? "true" : "false";
    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
    private static string Number(double? value) => value is { } v ? Naming.Double(v) : "null";
    private static string Text(string? value) => value is null ? "null" : Naming.Literal(value);
}
