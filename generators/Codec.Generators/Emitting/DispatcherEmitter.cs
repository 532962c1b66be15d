using System.Collections.Generic;
using System.Linq;
using Codec.Generators.Model;

namespace Codec.Generators.Emitting;

/// <summary>One version of a format, as the dispatcher (and a consumer's [CodecFormat] class) needs to know it.</summary>
internal sealed record VersionEntry(
    string FormatId,
    string Version,
    string Namespace,
    string VersionNamespace,
    string RootType,
    string? VersionMember,
    string SchemaPath,
    bool MatchesMissingVersion,
    ProductSpec? Product,
    /// <summary>The interface documents of this format are handed out as (global::…).</summary>
    string DocumentType)
{
    public static VersionEntry From(FormatSpec spec) => new(spec.FormatId, spec.Version, spec.Namespace, spec.VersionNamespace, spec.RootType,
        spec.VersionMember, spec.SchemaPath, spec.MatchesMissingVersion, spec.Product, spec.RootView ?? ViewEmitter.CodecDocument);
}

/// <summary>
/// Emits one class per format that reads a document's version member and hands the document to that version's
/// decoder and validator; an unknown or missing version is a finding naming the versions that exist.
/// </summary>
internal static class DispatcherEmitter
{
    public static string ClassName(string formatId) => Naming.Pascal(formatId) + "Format";

    public static string Emit(IReadOnlyList<VersionEntry> versions)
    {
        var first = versions[0];
        var ordered = versions.OrderBy(v => v.Version, VersionComparer.Instance).ToList();
        string cls = ClassName(first.FormatId);
        string member = ordered.Select(v => v.VersionMember).FirstOrDefault(m => m is not null) ?? "";
        var w = SourceWriter.StartFile(first.SchemaPath, first.Namespace);
        string known = string.Join(", ", ordered.Select(v => v.Version));
        w.Line($"/// <summary>");
        w.Line($"/// Every known version of {first.FormatId} ({Naming.Xml(known)}) behind one entry point: picks the decoder from the");
        w.Line($"/// document's <c>{Naming.Xml(member)}</c> member. Reusable per thread; models are reused between calls.");
        w.Line($"/// </summary>");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Codec.Generators\", \"" + GeneratorInfo.Version + "\")]");
        string document = first.DocumentType;
        w.Open($"public sealed partial class {cls} : global::Codec.Runtime.Binding.ICodecFormat<{document}>");
        w.Line($"/// <summary>The format id used in schema files and reports.</summary>");
        w.Line($"public const string Id = {Naming.Literal(first.FormatId)};");
        w.Line();
        w.Line("private readonly global::Codec.Runtime.Json.DecodeContext _context;");
        foreach (var v in ordered)
        {
            string id = Naming.VersionIdentifier(v.Version);
            w.Line($"private global::{v.VersionNamespace}.{v.RootType}? _model{id};");
            w.Line($"private global::{v.VersionNamespace}.{v.RootType}Validator? _validator{id};");
            w.Line($"private global::{v.VersionNamespace}.{v.RootType}Encoder? _encoder{id};");
        }

        w.Line();
        w.Line($"public {cls}(global::Codec.Runtime.Json.DecodeOptions? options = null) => _context = new global::Codec.Runtime.Json.DecodeContext(options);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public string FormatId => Id;");
        w.Line();
        w.Line("/// <summary>Versions with a schema, oldest first.</summary>");
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<string> KnownVersions {{ get; }} = new[] {{ {string.Join(", ", ordered.Select(v => Naming.Literal(v.Version)))} }};");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public global::System.Collections.Generic.IReadOnlyList<string> Versions => KnownVersions;");
        w.Line();

        // Decode
        w.Line("/// <summary>");
        w.Line("/// Decodes a document with the decoder of the version it declares, handing it out as the format's view (cast to the");
        w.Line("/// version's model for the rest). Null when the version is unknown or missing or the document could not be read to its");
        w.Line("/// end; every problem is a finding in <paramref name=\"sink\"/>. The model is reused by the next call.");
        w.Line("/// </summary>");
        w.Open($"public {document}? Decode(global::System.ReadOnlySpan<byte> document, global::Codec.Runtime.Findings.FindingSink sink, out string? version)");
        w.Line("_context.Sink = sink;");
        w.Line("version = DetectVersion(document, sink);");
        w.Line("var mark = sink.Mark();");
        w.Open("switch (version)");
        foreach (var v in ordered)
        {
            string id = Naming.VersionIdentifier(v.Version);
            w.Open($"case {Naming.Literal(v.Version)}:");
            w.Line($"var model = _model{id} ??= new global::{v.VersionNamespace}.{v.RootType}();");
            w.Line($"bool complete = global::{v.VersionNamespace}.{v.RootType}Decoder.Decode(document, model, _context);");
            if (v.Product is not null) w.Line($"if (complete && IsOtherProduct(OtherProductReason{id}(model), {Naming.Literal(v.Product.Name)}, {Naming.Literal(v.Version)}, document, sink, mark)) return null;");
            w.Line("return complete ? model : null;");
            w.Close();
        }

        w.Line("default:");
        w.Line("    return null;");
        w.Close();
        w.Close();
        w.Line();

        w.Line($"global::Codec.Runtime.Binding.ICodecDocument? global::Codec.Runtime.Binding.ICodecFormat.Decode(global::System.ReadOnlySpan<byte> document, global::Codec.Runtime.Findings.FindingSink sink, out string? version) =>");
        w.Line("    Decode(document, sink, out version);");
        w.Line();

        if (ordered.Any(v => v.Product is not null)) EmitRejection(w);
        foreach (var v in ordered.Where(v => v.Product is not null)) EmitProductCheck(w, v);

        // Validate
        w.Line("/// <inheritdoc/>");
        w.Open("public void Validate(global::Codec.Runtime.Binding.ICodecDocument model, global::Codec.Runtime.Findings.FindingSink sink)");
        w.Open("switch (model)");
        foreach (var v in ordered)
        {
            string id = Naming.VersionIdentifier(v.Version);
            w.Line($"case global::{v.VersionNamespace}.{v.RootType} m{id}:");
            w.Line($"    (_validator{id} ??= new global::{v.VersionNamespace}.{v.RootType}Validator()).Validate(m{id}, sink);");
            w.Line("    break;");
        }

        w.Line("default:");
        w.Line($"    throw new global::System.ArgumentException(\"not a model of \" + Id, nameof(model));");
        w.Close();
        w.Close();
        w.Line();

        // Encode
        w.Line("/// <inheritdoc/>");
        w.Open("public void Encode(global::Codec.Runtime.Binding.ICodecDocument model, global::System.Buffers.IBufferWriter<byte> output)");
        w.Open("switch (model)");
        foreach (var v in ordered)
        {
            string id = Naming.VersionIdentifier(v.Version);
            w.Line($"case global::{v.VersionNamespace}.{v.RootType} m{id}:");
            w.Line($"    (_encoder{id} ??= new global::{v.VersionNamespace}.{v.RootType}Encoder()).Encode(m{id}, output);");
            w.Line("    break;");
        }

        w.Line("default:");
        w.Line($"    throw new global::System.ArgumentException(\"not a model of \" + Id, nameof(model));");
        w.Close();
        w.Close();
        w.Line();

        // Version detection
        w.Line("/// <summary>The known version the document declares, or null (with a finding) when there is none.</summary>");
        w.Open("public string? DetectVersion(global::System.ReadOnlySpan<byte> document, global::Codec.Runtime.Findings.FindingSink sink)");
        if (member.Length == 0 && ordered.Count == 1)
        {
            w.Line($"return {Naming.Literal(ordered[0].Version)};");
            w.Close();
        }
        else
        {
            w.Line("_context.Sink = sink;");
            w.Line("sink.StartDocument();");
            w.Line("global::Codec.Runtime.Json.VersionForm form;");
            w.Line("global::System.ReadOnlySpan<byte> text;");
            w.Open("try");
            w.Line($"form = global::Codec.Runtime.Json.VersionProbe.Find(document, {Naming.Utf8Literal(member)}, _context, out text);");
            w.Close();
            w.Open("catch (global::Codec.Runtime.Json.JsonDecodeException e)");
            w.Line("sink.Report(e.Code, global::Codec.Runtime.Findings.Severity.Error, \"\", e.Message, document, e.Offset);");
            w.Line("return null;");
            w.Close();
            w.Open("if (form is global::Codec.Runtime.Json.VersionForm.String or global::Codec.Runtime.Json.VersionForm.Number)");
            foreach (var v in ordered)
            {
                w.Line($"if (global::Codec.Runtime.Json.VersionProbe.Matches(text, {Naming.Utf8Literal(v.Version)})) return {Naming.Literal(v.Version)};");
            }

            // Lenient callers decode a newer, unknown version with the nearest older schema (and a warning).
            w.Open("if (_context.Options.UnknownVersions == global::Codec.Runtime.Json.UnknownVersionPolicy.NearestLower && global::Codec.Runtime.Json.VersionProbe.IsWellFormed(text))");
            foreach (var v in Enumerable.Reverse(ordered))
            {
                w.Open($"if (global::Codec.Runtime.Json.VersionProbe.Compare({Naming.Utf8Literal(v.Version)}, text) < 0)");
                w.Line($"sink.Report(global::Codec.Runtime.Findings.FindingCodes.NearestVersionUsed, global::Codec.Runtime.Findings.Severity.Warning, {Naming.Literal("/" + member)},");
                w.Line($"    \"version \" + global::System.Text.Encoding.UTF8.GetString(text) + \" has no schema; decoded as the nearest older version, {v.Version} (known versions of \" + Id + \": {known})\");");
                w.Line($"return {Naming.Literal(v.Version)};");
                w.Close();
            }

            w.Close();
            w.Line($"sink.Report(global::Codec.Runtime.Findings.FindingCodes.UnknownVersion, global::Codec.Runtime.Findings.Severity.Error, {Naming.Literal("/" + member)},");
            w.Line($"    \"version \" + global::System.Text.Encoding.UTF8.GetString(text) + \" has no schema; known versions of \" + Id + \": {known}\");");
            w.Line("return null;");
            w.Close();
            w.Line("if (form == global::Codec.Runtime.Json.VersionForm.NotAnObject)");
            w.Line("{");
            w.Line($"    sink.Report(global::Codec.Runtime.Findings.FindingCodes.NotAnObject, global::Codec.Runtime.Findings.Severity.Error, \"\", \"the document is not a JSON object, so it is not \" + Id, document, 0);");
            w.Line("    return null;");
            w.Line("}");
            w.Line();
            if (ordered.FirstOrDefault(v => v.MatchesMissingVersion) is { } unversioned)
            {
                w.Line($"// The earliest files carry no '{member}' member at all.");
                w.Line($"if (form == global::Codec.Runtime.Json.VersionForm.Absent) return {Naming.Literal(unversioned.Version)};");
            }

            w.Line($"sink.Report(global::Codec.Runtime.Findings.FindingCodes.MissingVersion, global::Codec.Runtime.Findings.Severity.Error, {Naming.Literal("/" + member)},");
            w.Line($"    form == global::Codec.Runtime.Json.VersionForm.Absent ? \"the document has no '{member}' member; known versions of \" + Id + \": {known}\" : \"'{member}' is neither a string nor a number\");");
            w.Line("return null;");
            w.Close();
        }

        w.Close();
        return w.ToString();
    }

    // A sibling product that reuses this format's version strings decodes into a wall of findings; they are rolled
    // back and replaced by one finding that says what the document is not. Per version only the test differs.
    private static void EmitProductCheck(SourceWriter w, VersionEntry v)
    {
        string id = Naming.VersionIdentifier(v.Version);
        var product = v.Product!;
        var tests = new List<string>();
        if (product.AnyOf.Count > 0)
        {
            string names = string.Join(", ", product.AnyOf.Select(s => "'" + s.JsonName + "'"));
            tests.Add($"!({string.Join(" || ", product.AnyOf.Select(s => "m.Has" + s.PropertyName))}) ? {Naming.Literal((product.AnyOf.Count == 1 ? "it has no " : "it has none of ") + names)}");
        }

        foreach (var check in product.Values)
        {
            // Present at every step (m.HasScene && m.Scene.HasVersion), then the value.
            var present = new List<string>();
            string owner = "m";
            foreach (var step in check.Path)
            {
                present.Add($"{owner}.Has{step.PropertyName}");
                owner += "." + step.PropertyName;
            }

            string allowed = string.Join(" or ", check.Allowed);
            tests.Add($"{string.Join(" && ", present)} && {owner} is not ({allowed}) ? {Naming.Literal($"'{check.JsonName}' is ")} + {owner} + {Naming.Literal($", and {product.Name} files have {allowed}")}");
        }

        w.Line($"private static string? OtherProductReason{id}(global::{v.VersionNamespace}.{v.RootType} m) =>");
        for (int i = 0; i < tests.Count; i++) w.Line((i == 0 ? "    " : "    : ") + tests[i]);
        w.Line("    : null;");
        w.Line();
    }

    private static void EmitRejection(SourceWriter w)
    {
        w.Line("// True (with the one finding, the document's others rolled back) when the decoded document is another product's.");
        w.Open("private static bool IsOtherProduct(string? reason, string product, string version, global::System.ReadOnlySpan<byte> document, global::Codec.Runtime.Findings.FindingSink sink, global::Codec.Runtime.Findings.FindingMark mark)");
        w.Line("if (reason is null) return false;");
        w.Line("sink.Rewind(mark);");
        w.Line("sink.Report(global::Codec.Runtime.Findings.FindingCodes.OtherProduct, global::Codec.Runtime.Findings.Severity.Error, \"\",");
        w.Line("    \"not a \" + product + \" file (read as version \" + version + \" of \" + Id + \"): \" + reason, document, 0);");
        w.Line("return true;");
        w.Close();
        w.Line();
    }

    /// <summary>Orders "1.2" before "1.10".</summary>
    internal sealed class VersionComparer : IComparer<string>
    {
        public static readonly VersionComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = (x ?? "").Split('.');
            var b = (y ?? "").Split('.');
            for (int i = 0; i < System.Math.Max(a.Length, b.Length); i++)
            {
                long pa = i < a.Length && long.TryParse(a[i], out var va) ? va : 0;
                long pb = i < b.Length && long.TryParse(b[i], out var vb) ? vb : 0;
                if (pa != pb) return pa.CompareTo(pb);
            }

            return 0;
        }
    }
}
