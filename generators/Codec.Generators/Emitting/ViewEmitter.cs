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

        return new GeneratedFile(set.Namespace + ".Views.g.cs", w.ToString());
    }

    public static string EmitImplementations(FormatSpec spec)
    {
        var w = SourceWriter.StartFile(spec.SchemaPath, spec.VersionNamespace);
        w.Open($"partial class {spec.RootType} : {CodecDocument}");
        w.Line($"string {CodecDocument}.FormatId => {Naming.Literal(spec.FormatId)};");
        w.Line($"string {CodecDocument}.SchemaVersion => SchemaVersion;");
        w.Close();
        foreach (var group in spec.ViewImpls.GroupBy(i => i.TypeName))
        {
            w.Line();
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
