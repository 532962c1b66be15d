using System.Linq;
using Codec.Generators.Model;

namespace Codec.Generators.Emitting;

/// <summary>
/// Emits a format's views as C# interfaces (one file per format) and, per version, the explicit implementations
/// that read each view member straight from the model: no copy, no allocation.
/// </summary>
internal static class ViewEmitter
{
    /// <summary>What every decoded document is, whatever its format.</summary>
    public const string CodecDocument = TypeNames.Runtime + ".Binding.ICodecDocument";

    private const string ReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";

    public static GeneratedFile EmitInterfaces(ViewSetSpec set)
    {
        var w = SourceWriter.StartFile(set.SchemaPath, set.Namespace);
        foreach (var view in set.Views)
        {
            w.Summary(view.Description, $"A view of {Naming.Xml(set.FormatId)}: every version's models implement it (see the format's views file).");
            w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Codec.Generators\", \"" + GeneratorInfo.Version + "\")]");
            w.Open($"public interface {ViewSpec.InterfaceName(view.Name)}" + (view.Name == set.RootView ? " : " + CodecDocument : ""));
            bool first = true;
            foreach (var m in view.Members)
            {
                if (!first) w.Line();
                first = false;
                if (m.IsReference)
                {
                    w.Summary(m.Description, $"<c>{Naming.Xml(m.JsonName)}</c>: {Naming.Xml(m.Describe())}; null when the document or its version has none.");
                    w.Line($"{TypeOf(set, m)}? {m.PropertyName} {{ get; }}");
                }
                else
                {
                    w.Summary(m.Description, $"<c>{Naming.Xml(m.JsonName)}</c>: {Naming.Xml(m.Describe())}; meaningful when <see cref=\"Has{m.PropertyName}\"/> is true.");
                    w.Line($"{TypeOf(set, m)} {m.PropertyName} {{ get; }}");
                    w.Line();
                    w.Line($"/// <summary>True when the document has <c>{Naming.Xml(m.JsonName)}</c> (false where its version does not carry it).</summary>");
                    w.Line($"bool Has{m.PropertyName} {{ get; }}");
                }
            }

            w.Close();
            w.Line();
        }

        EmitJsonWriter(w, set);
        return new GeneratedFile(set.Namespace + ".Views.g.cs", w.ToString());
    }

    /// <summary>
    /// The views as JSON, for other languages (the Python package builds its attribute objects from them): a writer
    /// that puts every member of a document's views under its views-file name (null where absent), and the views
    /// file's own description of them, so that a new version or member needs no code outside its schema.
    /// </summary>
    private static void EmitJsonWriter(SourceWriter w, ViewSetSpec set)
    {
        if (set.RootView is not { } root) return;
        string writer = "global::System.Text.Json.Utf8JsonWriter";
        string values = TypeNames.Runtime + ".Json.ViewJsonWriter";
        w.Summary(null, $"Writes a document of {Naming.Xml(set.FormatId)} as JSON by its views: every member under its views-file name, null where the version has none.");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Codec.Generators\", \"" + GeneratorInfo.Version + "\")]");
        w.Open($"public static class {root}Json");
        w.Line("/// <summary>The views file's views as JSON: <c>{\"format\", \"root\", \"views\": {view: {\"description\", \"members\": {name: {\"type\", \"description\"}}}}}</c>, types in the views language.</summary>");
        w.Line("public const string Description = " + Naming.Literal(Describe(set)) + ";");
        w.Line();
        w.Line($"public static void Write({writer} w, {set.InterfaceOf(root)}? document) => Write{root}(w, document);");
        foreach (var view in set.Views)
        {
            w.Line();
            w.Open($"private static void Write{view.Name}({writer} w, {set.InterfaceOf(view.Name)}? v)");
            w.Open("if (v is null)");
            w.Line("w.WriteNullValue();");
            w.Line("return;");
            w.Close();
            w.Line();
            w.Line("w.WriteStartObject();");
            foreach (var m in view.Members)
            {
                w.Line($"w.WritePropertyName({Naming.Utf8Literal(m.JsonName)});");
                string value = "v." + m.PropertyName;
                string write = m.Kind switch
                {
                    ViewValueKind.Bool => $"w.WriteBooleanValue({value});",
                    ViewValueKind.Int or ViewValueKind.Float => $"{values}.Number(w, {value});",
                    ViewValueKind.String => $"{values}.Text(w, {value});",
                    ViewValueKind.Vec2 or ViewValueKind.Vec3 or ViewValueKind.Vec4 => $"{values}.Vector(w, {value});",
                    ViewValueKind.Mat3 or ViewValueKind.Mat4 => $"{values}.Matrix(w, {value});",
                    ViewValueKind.IntMap => $"{values}.Map(w, {value});",
                    ViewValueKind.View => $"Write{m.ViewName}(w, {value});",
                    _ => $"WriteList(w, {value}, Write{m.ViewName});",
                };
                w.Line(m.IsReference ? write : $"if (v.Has{m.PropertyName}) {write} else w.WriteNullValue();");
            }

            w.Line("w.WriteEndObject();");
            w.Close();
        }

        w.Line();
        w.Open($"private static void WriteList<T>({writer} w, {ReadOnlyList}<T>? items, global::System.Action<{writer}, T?> write) where T : class");
        w.Open("if (items is null)");
        w.Line("w.WriteNullValue();");
        w.Line("return;");
        w.Close();
        w.Line();
        w.Line("w.WriteStartArray();");
        w.Line("foreach (var item in items) write(w, item);");
        w.Line("w.WriteEndArray();");
        w.Close();
        w.Close();
    }

    // The views file restated as JSON (member order kept): what the writer's output means, for readers in other languages.
    private static string Describe(ViewSetSpec set)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("{\"format\":").Append(Naming.Literal(set.FormatId)).Append(",\"root\":").Append(Naming.Literal(set.RootView ?? "")).Append(",\"views\":{");
        bool firstView = true;
        foreach (var view in set.Views)
        {
            if (!firstView) sb.Append(',');
            firstView = false;
            sb.Append(Naming.Literal(view.Name)).Append(":{\"description\":").Append(Naming.Literal(view.Description ?? "")).Append(",\"members\":{");
            bool firstMember = true;
            foreach (var m in view.Members)
            {
                if (!firstMember) sb.Append(',');
                firstMember = false;
                sb.Append(Naming.Literal(m.JsonName)).Append(":{\"type\":").Append(Naming.Literal(m.Describe())).Append(",\"description\":").Append(Naming.Literal(m.Description ?? "")).Append('}');
            }

            sb.Append("}}");
        }

        return sb.Append("}}").ToString();
    }

    public static string EmitImplementations(SharedTypesSpec shared) => EmitImplementations(shared.AsHolder());

    public static string EmitImplementations(FormatSpec spec)
    {
        var w = SourceWriter.StartFile(spec.SchemaPath, spec.VersionNamespace, spec.Aliases);
        bool any = spec.RootType.Length > 0;
        if (any)
        {
            w.Open($"partial class {spec.RootType} : {CodecDocument}");
            w.Line($"string {CodecDocument}.FormatId => {Naming.Literal(spec.FormatId)};");
            w.Line($"string {CodecDocument}.SchemaVersion => SchemaVersion;");
            w.Close();
        }

        foreach (var group in spec.ViewImpls.GroupBy(i => i.TypeName))
        {
            if (any) w.Line();
            any = true;
            w.Open($"partial class {group.Key} : " + string.Join(", ", group.Select(i => i.Interface)));
            bool first = true;
            foreach (var impl in group)
            {
                foreach (var b in impl.Bindings)
                {
                    if (!first && b.Member.IsReference) w.Line();
                    first = false;
                    EmitBinding(w, impl.Interface, b);
                }
            }

            w.Close();
        }

        return w.ToString();
    }

    private static void EmitBinding(SourceWriter w, string iface, ViewBindingSpec b)
    {
        var m = b.Member;
        string type = TypeOf(m, b.Helper);
        string name = iface + "." + m.PropertyName;
        if (b.Absent)
        {
            if (m.IsReference)
            {
                w.Line($"{type}? {name} => null;");
            }
            else
            {
                w.Line($"{type} {name} => default;");
                w.Line($"bool {iface}.Has{m.PropertyName} => false;");
            }

            return;
        }

        if (b.Steps.Count == 0)
        {
            w.Line($"{type}? {name} => this;");
            return;
        }

        string has = string.Join(" && ", b.Steps.Select((s, i) => string.Concat(b.Steps.Take(i).Select(p => p.PropertyName + ".")) + "Has" + s.PropertyName));
        string value = string.Join(".", b.Steps.Select(s => s.PropertyName));
        if (m.IsReference)
        {
            w.Line($"{type}? {name} => {has} ? {value} : null;");
            return;
        }

        value = b.Conversion switch
        {
            ViewConversion.IntToFloat => "(double)" + value,
            ViewConversion.EnumText when b.OpenEnum => value + "Text",
            ViewConversion.EnumText => b.Helper + ".TextOf(" + value + ")",
            _ => b.Add == 0 ? value : $"{value} + {b.Add}".Replace("+ -", "- "),
        };
        w.Line($"{type} {name} => {value};");
        w.Line($"bool {iface}.Has{m.PropertyName} => {has};");
    }

    private static string TypeOf(ViewSetSpec set, ViewMemberSpec m) => TypeOf(m, m.ViewName is null ? null : set.InterfaceOf(m.ViewName));

    private static string TypeOf(ViewMemberSpec m, string? viewInterface) => m.Kind switch
    {
        ViewValueKind.Bool => "bool",
        ViewValueKind.Int => "long",
        ViewValueKind.Float => "double",
        ViewValueKind.String => TypeNames.Runtime + ".Text.Utf8Text",
        ViewValueKind.Vec2 => TypeNames.Runtime + ".Geometry.Vec2d",
        ViewValueKind.Vec3 => TypeNames.Runtime + ".Geometry.Vec3d",
        ViewValueKind.Vec4 => TypeNames.Runtime + ".Geometry.Vec4d",
        ViewValueKind.Mat3 => TypeNames.Runtime + ".Geometry.Mat3d",
        ViewValueKind.Mat4 => TypeNames.Runtime + ".Geometry.Mat4d",
        ViewValueKind.IntMap => TypeNames.Runtime + ".Collections.NameValueMap",
        ViewValueKind.View => viewInterface!,
        _ => ReadOnlyList + "<" + viewInterface + ">",
    };
}
