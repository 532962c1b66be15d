using System.Linq;
using System.Text;
using Codec.Generators.Model;

namespace Codec.Generators.Emitting;

/// <summary>
/// Emits the decoder of one format version: a method per object type that walks the JSON once with
/// <c>JsonCursor</c>, dispatching member names by length and bytes, writing into the reused model.
/// </summary>
internal static class DecoderEmitter
{
    private const string Cursor = TypeNames.Runtime + ".Json.JsonCursor";
    private const string Severity = TypeNames.Runtime + ".Findings.Severity";
    private const string Codes = TypeNames.Runtime + ".Findings.FindingCodes";

    public static string Emit(FormatSpec format)
    {
        var w = SourceWriter.StartFile(format.SchemaPath, format.VersionNamespace, format.Aliases);
        string root = format.RootType;
        w.Line($"/// <summary>Decodes {format.FormatId} version {format.Version} from UTF-8 JSON into a reused <see cref=\"{root}\"/>.</summary>");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Codec.Generators\", \"" + GeneratorInfo.Version + "\")]");
        w.Open($"public static partial class {root}Decoder");
        w.Line("/// <summary>");
        w.Line($"/// Decodes like <see cref=\"Decode\"/>, after checking that the document declares version {Naming.Xml(format.Version)}: a document of");
        w.Line("/// another version is a <c>V506</c> finding (and is still decoded with this version's schema).");
        w.Line("/// </summary>");
        w.Open($"public static bool DecodeThisVersion(global::System.ReadOnlySpan<byte> utf8, {root} result, {TypeNames.Runtime}.Json.DecodeContext context)");
        if (format.VersionMember is { } member)
            w.Line($"{TypeNames.Runtime}.Json.VersionProbe.Expect(utf8, {Naming.Utf8Literal(member)}, {Naming.Utf8Literal(format.Version)}, {(format.MatchesMissingVersion ? "true" : "false")}, context);");
        w.Line("return Decode(utf8, result, context);");
        w.Close();
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Decodes <paramref name=\"utf8\"/> into <paramref name=\"result\"/>. Problems become findings in");
        w.Line("/// <c>context.Sink</c>, located by JSON pointer, line and column; nothing is thrown for bad input.");
        w.Line("/// Returns false when the document could not be decoded completely.");
        w.Line("/// </summary>");
        w.Open($"public static bool Decode(global::System.ReadOnlySpan<byte> utf8, {root} result, {TypeNames.Runtime}.Json.DecodeContext context)");
        w.Line("result.Reset();");
        w.Line("context.Arena = result.Arena;");
        w.Line("context.Sink.StartDocument();");
        w.Line($"var c = new {Cursor}(utf8, context);");
        w.Open("try");
        w.Line($"bool ok = Read{root}(ref c, result);");
        w.Line("c.ExpectEnd();");
        w.Line("return ok;");
        w.Close();
        w.Open($"catch ({TypeNames.Runtime}.Json.JsonDecodeException e)");
        w.Line($"context.Sink.Report(e.Code, {Severity}.Error, c.CurrentPath(), e.Message, utf8, e.Offset);");
        w.Line("return false;");
        w.Close();
        w.Close();

        foreach (var type in format.Types.Where(t => t.Kind == TypeKind.Object))
        {
            w.Line();
            EmitReadObject(w, format, type);
        }

        w.Close();
        return w.ToString();
    }

    private static void EmitReadObject(SourceWriter w, FormatSpec format, TypeSpec type)
    {
        w.Open($"private static bool Read{type.Name}(ref {Cursor} c, {type.Name} o)");
        if (type.Name != format.RootType) w.Line("o.Reset();");
        w.Line("if (!c.TryBeginObject()) return false;");
        if (type.Members.Count > 0) w.Line("ulong seen = 0;");
        w.Line("int state = 0;");
        w.Open("while (c.NextMember(ref state, out var name))");
        if (type.Members.Count > 0)
        {
            w.Open("switch (name.Length)");
            // Every name a member is written under (its aliases too) dispatches to the same bit and property.
            var groups = type.Members.SelectMany((m, i) => new[] { m.JsonName }.Concat(m.Aliases).Select((name, spelling) => (Name: name, Member: m, Bit: i, Spelling: spelling)))
                .GroupBy(x => Encoding.UTF8.GetByteCount(x.Name)).OrderBy(g => g.Key);
            foreach (var group in groups)
            {
                w.Line($"case {group.Key}:");
                w.Indent();
                foreach (var (jsonName, m, bit, spelling) in group)
                {
                    w.Open($"if (global::System.MemoryExtensions.SequenceEqual(name, {Naming.Utf8Literal(jsonName)}))");
                    w.Line($"if ((seen & (1UL << {bit})) != 0) c.ReportDuplicateMember();");
                    w.Line($"seen |= 1UL << {bit};");
                    if (m.Aliases.Count > 0) w.Line($"o.{m.PropertyName}Spelling = {spelling};");
                    if (m.Nullable) w.Line($"if (c.TryReadNull()) {{ o.{m.PropertyName}IsNull = true; o.Has{m.PropertyName} = true; continue; }}");
                    EmitReadMember(w, format, m);
                    w.Line("continue;");
                    w.Close();
                }

                w.Line("break;");
                w.Outdent();
            }

            w.Close();
        }

        w.Line(type.UnknownMembers switch
        {
            UnknownMemberPolicy.Ignore => "c.Skip();",
            UnknownMemberPolicy.Error => $"c.SkipUnknownMember({Severity}.Error);",
            _ => $"c.SkipUnknownMember({Severity}.Warning);",
        });
        w.Close();

        var required = type.Members.Select((m, i) => (m, i)).Where(x => x.m.Required).ToList();
        if (required.Count > 0)
        {
            ulong mask = 0;
            foreach (var (_, i) in required) mask |= 1UL << i;
            w.Open($"if ((seen & 0x{mask:X}UL) != 0x{mask:X}UL)");
            foreach (var (m, i) in required)
            {
                string message = m.Aliases.Count == 0 ? "required member is missing" : "required member is missing (also accepted as " + string.Join(", ", m.Aliases.Select(a => "'" + a + "'")) + ")";
                w.Line($"if ((seen & (1UL << {i})) == 0) c.ReportChild({Codes}.MissingMember, {Severity}.Error, {Naming.Literal(Pointer(m.JsonName))}, {Naming.Literal(message)});");
            }

            w.Close();
        }

        w.Line("return true;");
        w.Close();
    }

    private static string Pointer(string name) => name.Replace("~", "~0").Replace("/", "~1");

    private static void EmitReadMember(SourceWriter w, FormatSpec format, MemberSpec m)
    {
        string p = m.PropertyName;
        switch (m.Type.Kind)
        {
            case ValueKind.Bool:
                w.Line($"if (c.ReadBoolean(out var v)) {{ o.{p} = v; o.Has{p} = true; }}");
                break;
            case ValueKind.Int:
                w.Line($"if (c.ReadInt64(out var v)) {{ o.{p} = v; o.Has{p} = true; }}");
                break;
            case ValueKind.Float:
                w.Line($"if (c.ReadDouble(out var v)) {{ o.{p} = v; o.Has{p} = true; }}");
                break;
            case ValueKind.String:
                w.Line($"if (c.ReadText(out var v)) {{ o.{p} = v; o.Has{p} = true; }}");
                break;
            case ValueKind.NumberOrString:
                w.Line($"if (c.ReadFlexNumber(out var v)) {{ o.{p} = v; o.Has{p} = true; }}");
                break;
            case ValueKind.Vec2:
            case ValueKind.Vec3:
            case ValueKind.Vec4:
            case ValueKind.Mat3:
            case ValueKind.Mat4:
            {
                string t = TypeNames.Of(m.Type);
                string read = m.Type.Kind switch
                {
                    ValueKind.Mat3 => $"c.ReadNumberRows({t}.AsSpan(ref v), 3)",
                    ValueKind.Mat4 => $"c.ReadNumberRows({t}.AsSpan(ref v), 4)",
                    _ => $"c.ReadNumbers({t}.AsSpan(ref v))",
                };
                w.Line($"{t} v = default;");
                w.Line($"if ({read}) {{ o.{p} = v; o.Has{p} = true; }}");
                break;
            }
            case ValueKind.Object:
                w.Line($"o.Has{p} = Read{m.Type.TypeName}(ref c, o.{p});");
                break;
            case ValueKind.Enum:
                EmitReadEnum(w, format, m);
                break;
            case ValueKind.IntMap:
                EmitReadMap(w, m);
                break;
            case ValueKind.List:
                EmitReadList(w, m);
                break;
        }
    }

    private static void EmitReadEnum(SourceWriter w, FormatSpec format, MemberSpec m)
    {
        string p = m.PropertyName;
        string names = TypeNames.EnumNames(m.Type.TypeName!);
        bool open = ModelEmitter.IsOpen(format, m.Type);
        w.Open("if (c.ReadTextSpan(out var text))");
        if (open)
        {
            w.Line($"{names}.TryParse(text, out var e);");
            w.Line($"o.{p} = e;");
            w.Line($"o.{p}Text = c.Store(text);");
            w.Line($"o.Has{p} = true;");
        }
        else
        {
            w.Line($"if ({names}.TryParse(text, out var e)) {{ o.{p} = e; o.Has{p} = true; }}");
            w.Line($"else c.Report({Codes}.UnknownEnumValue, {Severity}.Error, \"'\" + global::System.Text.Encoding.UTF8.GetString(text) + \"' is not one of: \" + string.Join(\", \", {names}.All));");
        }

        w.Close();
    }

    private static void EmitReadMap(SourceWriter w, MemberSpec m)
    {
        string p = m.PropertyName;
        w.Line($"o.{p}.Clear(); // a repeated member replaces the earlier one");
        w.Open("if (c.TryBeginObject())");
        w.Line("int entryState = 0;");
        w.Open("while (c.NextMember(ref entryState, out var key))");
        w.Line($"var stored = c.Store(key);");
        w.Line($"if (c.ReadInt64(out var v)) o.{p}.Add(stored, v);");
        w.Close();
        w.Line($"o.Has{p} = true;");
        EmitCountCheck(w, m, $"o.{p}.Count");
        w.Close();
    }

    private static void EmitReadList(SourceWriter w, MemberSpec m)
    {
        string p = m.PropertyName;
        var element = m.Type.Element!;
        w.Line($"o.{p}.Clear(); // a repeated member replaces the earlier one");
        w.Open("if (c.TryBeginArray())");
        w.Line("int itemState = 0;");
        if (m.MaxItems is not null) w.Line("int extra = 0;");
        w.Open("while (c.NextElement(ref itemState))");
        if (m.MaxItems is { } max)
        {
            w.Line($"if (o.{p}.Count >= {max}) {{ extra++; c.Skip(); continue; }}");
        }

        switch (element.Kind)
        {
            case ValueKind.Object:
                w.Line($"if (!Read{element.TypeName}(ref c, o.{p}.AddSlot())) o.{p}.RemoveLast();");
                break;
            case ValueKind.Int:
                w.Line($"if (c.ReadInt64(out var v)) o.{p}.Add(v);");
                break;
            case ValueKind.Float:
                w.Line($"if (c.ReadDouble(out var v)) o.{p}.Add(v);");
                break;
            case ValueKind.String:
                w.Line($"if (c.ReadText(out var v)) o.{p}.Add(v);");
                break;
        }

        w.Close();
        w.Line($"o.Has{p} = true;");
        string count = m.MaxItems is not null ? $"o.{p}.Count + extra" : $"o.{p}.Count";
        EmitCountCheck(w, m, count);
        w.Close();
    }

    private static void EmitCountCheck(SourceWriter w, MemberSpec m, string count)
    {
        if (m.MinItems is null && m.MaxItems is null) return;
        var conditions = new System.Collections.Generic.List<string>();
        if (m.MinItems is { } min) conditions.Add($"n < {min}");
        if (m.MaxItems is { } max) conditions.Add($"n > {max}");
        string expected = m.MinItems == m.MaxItems ? $"exactly {m.MinItems}" : $"{m.MinItems ?? 0} to {(m.MaxItems?.ToString() ?? "any number of")}";
        w.Line($"int n = {count};");
        w.Line($"if ({string.Join(" || ", conditions)}) c.Report({Codes}.CountOutOfBounds, {Severity}.Error, \"expected {expected} items, found \" + n);");
    }
}
