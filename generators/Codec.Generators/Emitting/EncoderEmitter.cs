using System.Linq;
using Codec.Generators.Model;

namespace Codec.Generators.Emitting;

/// <summary>
/// Emits the encoder of one format version: writes a model back as JSON in schema member order, leaving out what
/// was absent, so decode → encode → decode gives the same model.
/// </summary>
internal static class EncoderEmitter
{
    private const string Writer = TypeNames.Runtime + ".Json.CodecJsonWriter";

    public static string Emit(FormatSpec format)
    {
        var w = SourceWriter.StartFile(format.SchemaPath, format.VersionNamespace, format.Aliases);
        string root = format.RootType;
        w.Line($"/// <summary>Encodes a <see cref=\"{root}\"/> as {format.FormatId} version {format.Version} JSON. Reuse one instance: after the first document it allocates nothing.</summary>");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Codec.Generators\", \"" + GeneratorInfo.Version + "\")]");
        w.Open($"public sealed partial class {root}Encoder");
        w.Line($"private readonly {Writer} _writer;");
        w.Line();
        w.Line(format.LineLayout
            ? "/// <param name=\"indented\">Compact, on one line, as a line of a JSON Lines file (default), or 4-space indented.</param>"
            : "/// <param name=\"indented\">4-space indentation as the producers write (default), or compact.</param>");
        w.Line($"public {root}Encoder(bool indented = {(format.LineLayout ? "false" : "true")}) => _writer = new {Writer}(indented);");
        w.Line();
        w.Line("/// <summary>Writes <paramref name=\"document\"/> to <paramref name=\"output\"/>, ending with a newline.</summary>");
        w.Open($"public void Encode({root} document, global::System.Buffers.IBufferWriter<byte> output)");
        w.Line("_writer.Begin(output);");
        w.Line($"Write{root}(_writer, document);");
        w.Line("_writer.End(output);");
        w.Close();

        foreach (var type in format.Types.Where(t => t.Kind == TypeKind.Object))
        {
            w.Line();
            w.Open($"private static void Write{type.Name}({Writer} w, {type.Name} o)");
            w.Line("w.StartObject();");
            foreach (var m in type.Members)
            {
                w.Open($"if (o.Has{m.PropertyName})");
                if (m.Aliases.Count == 0)
                {
                    w.Line($"w.Name({Naming.Utf8Literal(m.JsonName)});");
                }
                else
                {
                    var names = new[] { m.JsonName }.Concat(m.Aliases).Select((n, i) => $"{i} => {Naming.Utf8Literal(n)}, ");
                    w.Line($"w.Name(o.{m.PropertyName}Spelling switch {{ {string.Join("", names.Skip(1))}_ => {Naming.Utf8Literal(m.JsonName)} }});");
                }
                if (m.Nullable)
                {
                    w.Line($"if (o.{m.PropertyName}IsNull) w.Null();");
                    w.Open("else");
                    EmitValue(w, format, m);
                    w.Close();
                }
                else
                {
                    EmitValue(w, format, m);
                }

                w.Close();
            }

            w.Line("w.EndObject();");
            w.Close();
        }

        w.Close();
        return w.ToString();
    }

    private static void EmitValue(SourceWriter w, FormatSpec format, MemberSpec m)
    {
        string v = "o." + m.PropertyName;
        switch (m.Type.Kind)
        {
            case ValueKind.Bool: w.Line($"w.Boolean({v});"); break;
            case ValueKind.Int: w.Line($"w.Integer({v});"); break;
            case ValueKind.Float: w.Line($"w.Double({v});"); break;
            case ValueKind.String: w.Line($"w.Text({v});"); break;
            case ValueKind.NumberOrString: w.Line($"w.Flex({v});"); break;
            case ValueKind.Vec2:
            case ValueKind.Vec3:
            case ValueKind.Vec4: w.Line($"w.Vector({v});"); break;
            case ValueKind.Mat3:
            case ValueKind.Mat4: w.Line($"w.Matrix({v});"); break;
            case ValueKind.Object: w.Line($"Write{m.Type.TypeName}(w, {v});"); break;
            case ValueKind.Enum:
                w.Line(ModelEmitter.IsOpen(format, m.Type)
                    ? $"w.Text({v}Text.IsEmpty ? {TypeNames.EnumNames(m.Type.TypeName!)}.ToUtf8({v}) : {v}Text.Span);"
                    : $"w.Text({TypeNames.EnumNames(m.Type.TypeName!)}.ToUtf8({v}));");
                break;
            case ValueKind.IntMap:
                w.Line("w.StartObject();");
                w.Line($"foreach (var entry in {v}.Entries) {{ w.Name(entry.Name.Span); w.Integer(entry.Value); }}");
                w.Line("w.EndObject();");
                break;
            case ValueKind.List:
                w.Line("w.StartArray();");
                string item = m.Type.Element!.Kind switch
                {
                    ValueKind.Object => $"Write{m.Type.Element.TypeName}(w, item);",
                    ValueKind.Int => "w.Integer(item);",
                    ValueKind.Float => "w.Double(item);",
                    _ => "w.Text(item);",
                };
                w.Line($"foreach (var item in {v}) {item}");
                w.Line("w.EndArray();");
                break;
        }
    }
}
