using Codec.Generators.Model;

namespace Codec.Generators.Emitting;

/// <summary>The C# type each schema value kind decodes to (runtime types, fully qualified).</summary>
internal static class TypeNames
{
    public const string Runtime = "global::Codec.Runtime";

    public static string Of(TypeRef type) => type.Kind switch
    {
        ValueKind.Bool => "bool",
        ValueKind.Int => "long",
        ValueKind.Float => "double",
        ValueKind.String => Runtime + ".Text.Utf8Text",
        ValueKind.NumberOrString => Runtime + ".Numbers.FlexNumber",
        ValueKind.Vec2 => Runtime + ".Geometry.Vec2d",
        ValueKind.Vec3 => Runtime + ".Geometry.Vec3d",
        ValueKind.Vec4 => Runtime + ".Geometry.Vec4d",
        ValueKind.Mat3 => Runtime + ".Geometry.Mat3d",
        ValueKind.Mat4 => Runtime + ".Geometry.Mat4d",
        ValueKind.Object or ValueKind.Enum => type.TypeName!,
        ValueKind.IntMap => Runtime + ".Collections.NameValueMap",
        ValueKind.List => type.Element!.Kind == ValueKind.Object
            ? Runtime + ".Collections.ObjectList<" + type.Element.TypeName + ">"
            : Runtime + ".Collections.ValueList<" + Of(type.Element) + ">",
        _ => "object",
    };

    /// <summary>True for members held as a reused instance (objects, lists, maps): get-only properties.</summary>
    public static bool IsReusedInstance(TypeRef type) => type.Kind is ValueKind.Object or ValueKind.List or ValueKind.IntMap;

    /// <summary>Name of the helper class with an enum's UTF-8 names.</summary>
    public static string EnumNames(string enumName) => enumName + "Names";
}
