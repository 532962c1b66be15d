using System.Collections.Generic;
using System.Linq;

namespace Codec.Generators.Model;

/// <summary>
/// The type words of the schema language, defined once: what a format's member may be (<see cref="ValueKind"/>) and
/// what a view's member may be (<see cref="ViewValueKind"/>), by the word a schema writes. The checkers resolve words
/// here, type descriptions and diagnostics (CODEC004, the unsupported-type and view-type messages) list them from here,
/// and a test renders codec.schema.json's <c>typeExpression</c> and <c>viewType</c> from it.
/// </summary>
internal static class TypeVocabulary
{
    /// <summary>One word: the format member kind it names, and the view member kind (null where views have none).</summary>
    internal sealed record Word(string Text, ValueKind Model, ViewValueKind? View);

    public static IReadOnlyList<Word> Words { get; } =
    [
        new("bool", ValueKind.Bool, ViewValueKind.Bool),
        new("int", ValueKind.Int, ViewValueKind.Int),
        new("float", ValueKind.Float, ViewValueKind.Float),
        new("string", ValueKind.String, ViewValueKind.String),
        new("number-or-string", ValueKind.NumberOrString, null),
        new("float[2]", ValueKind.Vec2, ViewValueKind.Vec2),
        new("float[3]", ValueKind.Vec3, ViewValueKind.Vec3),
        new("float[4]", ValueKind.Vec4, ViewValueKind.Vec4),
        new("float[3][3]", ValueKind.Mat3, ViewValueKind.Mat3),
        new("float[4][4]", ValueKind.Mat4, ViewValueKind.Mat4),
        new("map<int>", ValueKind.IntMap, ViewValueKind.IntMap),
    ];

    /// <summary>What a <c>list&lt;T&gt;</c> of a format may hold besides object types.</summary>
    public static IReadOnlyList<ValueKind> ListElements { get; } = [ValueKind.Int, ValueKind.Float, ValueKind.String];

    public static ValueKind? ModelKind(string text) => Words.FirstOrDefault(w => w.Text == text)?.Model;

    public static ViewValueKind? ViewKind(string text) => Words.FirstOrDefault(w => w.Text == text && w.View is not null)?.View;

    /// <summary>The word of a kind that has one (every kind but objects, enums, lists and views).</summary>
    public static string? TextOf(ValueKind kind) => Words.FirstOrDefault(w => w.Model == kind)?.Text;

    public static string? TextOf(ViewValueKind kind) => Words.FirstOrDefault(w => w.View == kind)?.Text;

    /// <summary>The words of a format's members, for messages: <c>bool, int, float, …, map&lt;int&gt;</c>.</summary>
    public static string ModelWords => string.Join(", ", Words.Select(w => w.Text));

    /// <summary>The words of a view's members, for messages.</summary>
    public static string ViewWords => string.Join(", ", Words.Where(w => w.View is not null).Select(w => w.Text));

    /// <summary>The fixed-size arrays and maps, for the message about a shape the language does not have.</summary>
    public static string Shapes => string.Join(", ", Words.Where(w => w.Text.Contains("[")).Select(w => w.Text)) + "; maps are "
        + string.Join(", ", Words.Where(w => w.Text.StartsWith("map<", System.StringComparison.Ordinal)).Select(w => w.Text));

    /// <summary>The list words a format's member may use without a declared type: <c>list&lt;int&gt;</c>, ….</summary>
    public static IEnumerable<string> ListWords => ListElements.Select(k => "list<" + TextOf(k) + ">");
}
