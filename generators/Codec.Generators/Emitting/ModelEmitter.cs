using System.Globalization;
using System.Linq;
using Codec.Generators.Model;

namespace Codec.Generators.Emitting;

/// <summary>
/// Emits the reusable result model of one format version: a class per object type, an enum per string enum — those
/// whose home is the version (the others it shares, see <see cref="Checking.TypeSharing"/>); or the types versions
/// share from a type library.
/// </summary>
internal static class ModelEmitter
{
    public static string Emit(SharedTypesSpec shared) => Emit(shared.AsHolder());

    public static string Emit(FormatSpec format)
    {
        var w = SourceWriter.StartFile(format.SchemaPath, format.VersionNamespace, format.Aliases);
        foreach (var type in format.Types.Where(format.Emits))
        {
            if (type.Kind == TypeKind.Enum) EmitEnum(w, type);
            else EmitObject(w, format, type);
        }

        return w.ToString();
    }

    private static void EmitObject(SourceWriter w, FormatSpec format, TypeSpec type)
    {
        bool isRoot = type.Name == format.RootType;
        string extra = isRoot
            ? $"Root of {format.FormatId} version {format.Version}. Reusable: decode into the same instance again and nothing is allocated."
            : null!;
        w.Summary(type.Description, extra);
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Codec.Generators\", \"" + GeneratorInfo.Version + "\")]");
        w.Open("public sealed partial class " + type.Name);
        if (isRoot)
        {
            w.Line("/// <summary>The format version this model was generated for.</summary>");
            w.Line("public const string SchemaVersion = " + Naming.Literal(format.Version) + ";");
            w.Line();
            w.Line("/// <summary>Storage of this document's strings; reused across decodes.</summary>");
            w.Line("public " + TypeNames.Runtime + ".Text.Utf8Arena Arena { get; } = new();");
            w.Line();
        }

        foreach (var m in type.Members)
        {
            string typeName = TypeNames.Of(m.Type);
            if (TypeNames.IsReusedInstance(m.Type))
            {
                w.Summary(m.Description, Facts(m));
                w.Line($"public {typeName} {m.PropertyName} {{ get; }} = new();");
            }
            else
            {
                // Setting a value marks it present, so models built by hand encode what was set. The field comes
                // first so that the summary documents the property.
                string field = FieldName(m);
                w.Line($"private {typeName} {field};");
                w.Summary(m.Description, Facts(m));
                w.Line($"public {typeName} {m.PropertyName} {{ get => {field}; set {{ {field} = value; Has{m.PropertyName} = true; }} }}");
            }

            if (m.Type.Kind == ValueKind.Enum && IsOpen(format, m.Type))
            {
                w.Line($"/// <summary>The text of <see cref=\"{m.PropertyName}\"/> as written (kept for values this schema does not know).</summary>");
                w.Line($"public {TypeNames.Runtime}.Text.Utf8Text {m.PropertyName}Text {{ get; set; }}");
            }

            if (m.Nullable)
            {
                w.Line($"/// <summary>True when <c>{Naming.Xml(m.JsonName)}</c> was written as <c>null</c> (then <see cref=\"Has{m.PropertyName}\"/> is true too).</summary>");
                w.Line($"public bool {m.PropertyName}IsNull {{ get; set; }}");
            }

            if (m.Aliases.Count > 0)
            {
                string names = string.Join(", ", new[] { m.JsonName }.Concat(m.Aliases).Select((n, i) => $"{i} = <c>{Naming.Xml(n)}</c>"));
                w.Line($"/// <summary>Which name the document used for <see cref=\"{m.PropertyName}\"/> ({names}); the encoder writes the same.</summary>");
                w.Line($"public byte {m.PropertyName}Spelling {{ get; set; }}");
            }

            w.Line(TypeNames.IsReusedInstance(m.Type)
                ? $"/// <summary>True when <c>{Naming.Xml(m.JsonName)}</c> was present and decoded (set it when building a model by hand).</summary>"
                : $"/// <summary>True when <c>{Naming.Xml(m.JsonName)}</c> was present and decoded, or a value was set.</summary>");
            w.Line($"public bool Has{m.PropertyName} {{ get; set; }}");
            w.Line();
        }

        w.Line("/// <summary>Forgets the previous document's values, keeping allocated storage for reuse.</summary>");
        w.Open("public void Reset()");
        if (isRoot) w.Line("Arena.Reset();");
        foreach (var m in type.Members)
        {
            w.Line($"Has{m.PropertyName} = false;");
            switch (m.Type.Kind)
            {
                case ValueKind.Object: w.Line($"{m.PropertyName}.Reset();"); break;
                case ValueKind.List:
                case ValueKind.IntMap: w.Line($"{m.PropertyName}.Clear();"); break;
                default: w.Line($"{FieldName(m)} = default;"); break;
            }

            if (m.Type.Kind == ValueKind.Enum && IsOpen(format, m.Type)) w.Line($"{m.PropertyName}Text = default;");
            if (m.Aliases.Count > 0) w.Line($"{m.PropertyName}Spelling = 0;");
            if (m.Nullable) w.Line($"{m.PropertyName}IsNull = false;");
        }

        w.Close();
        w.Close();
        w.Line();
    }

    private static string Facts(MemberSpec m)
    {
        string also = m.Aliases.Count == 0 ? "" : " (also written " + string.Join(", ", m.Aliases.Select(a => $"<c>{Naming.Xml(a)}</c>")) + ")";
        string facts = $"JSON member <c>{Naming.Xml(m.JsonName)}</c>{also}: {Naming.Xml(m.Type.Describe())}, {(m.Required ? "required" : "optional")}{(m.Nullable ? ", may be null" : "")}";
        if (m.Minimum is not null || m.Maximum is not null)
        {
            facts += ", range [" + (m.Minimum?.ToString("R", CultureInfo.InvariantCulture) ?? "-inf") + ", " + (m.Maximum?.ToString("R", CultureInfo.InvariantCulture) ?? "inf") + "]";
        }

        if (m.MinItems is not null || m.MaxItems is not null)
        {
            facts += ", " + (m.MinItems ?? 0) + ".." + (m.MaxItems?.ToString(CultureInfo.InvariantCulture) ?? "n") + " items";
        }

        return facts + ".";
    }

    // Backing field of a value member's property: FocalLengthMm → _focalLengthMm.
    private static string FieldName(MemberSpec m) => "_" + char.ToLowerInvariant(m.PropertyName[0]) + m.PropertyName.Substring(1);

    internal static bool IsOpen(FormatSpec format, TypeRef type) => format.FindType(type.TypeName!)?.OpenEnum == true;

    private static void EmitEnum(SourceWriter w, TypeSpec type)
    {
        w.Summary(type.Description, type.OpenEnum
            ? "Open vocabulary: values not listed decode as Unknown and keep their text."
            : "Closed vocabulary: other values are reported.");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Codec.Generators\", \"" + GeneratorInfo.Version + "\")]");
        w.Open("public enum " + type.Name);
        w.Line("/// <summary>Not present, or a value this schema does not list.</summary>");
        w.Line("Unknown = 0,");
        int i = 1;
        foreach (var v in type.Values)
        {
            w.Line($"/// <summary><c>{Naming.Xml(v.JsonValue)}</c></summary>");
            w.Line($"{v.Identifier} = {i++},");
        }

        w.Close();
        w.Line();
        w.Line($"/// <summary>UTF-8 names of <see cref=\"{type.Name}\"/> values, without allocation.</summary>");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Codec.Generators\", \"" + GeneratorInfo.Version + "\")]");
        w.Open("public static class " + TypeNames.EnumNames(type.Name));
        w.Line("/// <summary>Maps a name as written in files to its value.</summary>");
        w.Open($"public static bool TryParse(global::System.ReadOnlySpan<byte> utf8, out {type.Name} value)");
        w.Open("switch (utf8.Length)");
        foreach (var group in type.Values.GroupBy(v => System.Text.Encoding.UTF8.GetByteCount(v.JsonValue)).OrderBy(g => g.Key))
        {
            w.Line($"case {group.Key}:");
            w.Indent();
            foreach (var v in group)
            {
                w.Line($"if (global::System.MemoryExtensions.SequenceEqual(utf8, {Naming.Utf8Literal(v.JsonValue)})) {{ value = {type.Name}.{v.Identifier}; return true; }}");
            }

            w.Line("break;");
            w.Outdent();
        }

        w.Close();
        w.Line("value = " + type.Name + ".Unknown;");
        w.Line("return false;");
        w.Close();
        w.Line();
        w.Line("/// <summary>The name of a value as files write it (empty for Unknown).</summary>");
        w.Open($"public static global::System.ReadOnlySpan<byte> ToUtf8({type.Name} value) => value switch");
        foreach (var v in type.Values) w.Line($"{type.Name}.{v.Identifier} => {Naming.Utf8Literal(v.JsonValue)},");
        w.Line("_ => default,");
        w.Outdent().Line("};");
        w.Line();
        w.Line("/// <summary>The name of a value as text (empty for Unknown); each text is made once, when the class is first used.</summary>");
        w.Line($"public static {TypeNames.Runtime}.Text.Utf8Text TextOf({type.Name} value) => (uint)value < (uint)Texts.Length ? Texts[(int)value] : default;");
        w.Line();
        w.Line($"private static readonly {TypeNames.Runtime}.Text.Utf8Text[] Texts = {{ default, " + string.Join(", ", type.Values.Select(v => $"{TypeNames.Runtime}.Text.Utf8Text.From({Naming.Literal(v.JsonValue)})")) + " };");
        w.Line();
        w.Line("/// <summary>Every listed value, as files write it.</summary>");
        w.Line("public static global::System.Collections.Generic.IReadOnlyList<string> All { get; } = new[] { " + string.Join(", ", type.Values.Select(v => Naming.Literal(v.JsonValue))) + " };");
        w.Close();
        w.Line();
    }
}
