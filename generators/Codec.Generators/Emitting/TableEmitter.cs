using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Codec.Generators.Model;

namespace Codec.Generators.Emitting;

/// <summary>
/// Emits one reference table: an enum with a member per row, and a <c>…Table</c> class implementing
/// <c>IReferenceTable</c> (and <c>ILocatedReferenceTable</c> when rows carry location constraints). Name → id is a
/// switch on the length and then on the most telling byte, comparing UTF-8 literals: no hashing, no allocation.
/// </summary>
internal static class TableEmitter
{
    private const string Tables = "global::Codec.Runtime.Tables";
    private const string Span = "global::System.ReadOnlySpan";

    /// <summary>Buckets larger than this are split again on one byte before comparing whole names.</summary>
    private const int LinearBucketLimit = 6;

    public static GeneratedFile Emit(TableSpec table)
    {
        var w = SourceWriter.StartFile(table.SchemaPath, table.Namespace);
        EmitEnum(w, table);
        w.Line();
        EmitClass(w, table);
        return new GeneratedFile(table.Namespace + "." + table.ClassName + ".g.cs", w.ToString());
    }

    private static void EmitEnum(SourceWriter w, TableSpec table)
    {
        w.Summary(table.Description, $"Rows of reference table {table.TableId}; the value is the row's id.");
        w.Open($"public enum {table.EnumName}");
        foreach (var row in table.Rows)
        {
            w.Summary(RowSummary(row));
            w.Line($"{row.Identifier} = {row.Id.ToString(CultureInfo.InvariantCulture)},");
        }

        w.Close();
    }

    private static string RowSummary(TableRowSpec row)
    {
        var parts = new List<string> { "\"" + row.Name + "\"" + (row.Description is null ? "" : ": " + row.Description) };
        if (row.Shares) parts.Add("Shares its id with an earlier row (a deliberate merge).");
        if (row.FormerId >= 0) parts.Add($"Formerly {row.FormerId.ToString(CultureInfo.InvariantCulture)}.");
        if (row.Note is not null) parts.Add(row.Note);
        return string.Join("\n", parts);
    }

    private static void EmitClass(SourceWriter w, TableSpec table)
    {
        bool located = table.Constraints.Count > 0 || table.FrameOrigin >= 0;
        string iface = located ? Tables + ".ILocatedReferenceTable" : Tables + ".IReferenceTable";
        w.Summary($"Reference table {table.TableId}: {table.Rows.Count} rows; names {(table.MatchCase ? "match exactly" : "match ignoring ASCII case")}.",
            table.Origin is null ? null : "Source: " + Naming.Xml(table.Origin));
        w.Open($"public sealed class {table.ClassName} : {iface}");
        w.Line($"private {table.ClassName}() {{ }}");
        w.Line();
        w.Line($"public static string TableId => {Naming.Literal(table.TableId)};");
        w.Line();
        w.Line("/// <summary>The number of rows (names); ids may be fewer where rows share one.</summary>");
        w.Line($"public const int Count = {table.Rows.Count.ToString(CultureInfo.InvariantCulture)};");
        w.Line();

        w.Open($"private static readonly {Tables}.TableRow[] s_rows =");
        foreach (var r in table.Rows)
        {
            w.Line($"new({Int(r.Id)}, {Naming.Literal(r.Name)}, {Naming.Literal(r.Identifier)}, {Optional(r.Description)}, {(r.Shares ? "true" : "false")}, {Int(r.FormerId)}, {Optional(r.Note)}),");
        }

        w.Close(";");
        w.Line();
        w.Line($"public static {Span}<{Tables}.TableRow> Rows => s_rows;");
        w.Line();

        int maxId = table.Rows.Max(r => r.Id);
        w.Line("// Names by id; an empty entry is an id no row has.");
        w.Open("private static readonly string[][] s_namesById =");
        for (int id = 0; id <= maxId; id++)
        {
            var names = table.Rows.Where(r => r.Id == id).Select(r => Naming.Literal(r.Name)).ToList();
            w.Line(names.Count == 0 ? "global::System.Array.Empty<string>()," : $"new[] {{ {string.Join(", ", names)} }},");
        }

        w.Close(";");
        w.Line();
        w.Line("public static bool IsDefined(int id) => (uint)id < (uint)s_namesById.Length && s_namesById[id].Length > 0;");
        w.Line();
        w.Line("public static string? NameOf(int id) => IsDefined(id) ? s_namesById[id][0] : null;");
        w.Line();
        w.Line($"public static {Span}<string> NamesOf(int id) => (uint)id < (uint)s_namesById.Length ? s_namesById[id] : default;");
        w.Line();
        w.Line($"public static string? NameOf({table.EnumName} value) => NameOf((int)value);");
        w.Line();
        w.Open($"public static bool TryGet({Span}<byte> utf8Name, out {table.EnumName} value)");
        w.Line("bool found = TryGetId(utf8Name, out int id);");
        w.Line($"value = ({table.EnumName})id;");
        w.Line("return found;");
        w.Close();
        w.Line();
        EmitLookup(w, table, utf8: true);
        w.Line();
        EmitLookup(w, table, utf8: false);

        if (located)
        {
            w.Line();
            w.Line($"public static int FrameOrigin => {Int(table.FrameOrigin)};");
            w.Line();
            w.Open($"private static readonly {Tables}.LocationConstraint[] s_constraints =");
            foreach (var c in table.Constraints)
            {
                w.Line($"new({Int(c.Point)}, {Tables}.Axis.{"XYZ"[c.Axis]}, {Tables}.ConstraintKind.{c.Kind}, {Int(c.First)}, {Int(c.Second)}, {Naming.Literal(c.Text)}, {Optional(c.Alternative)}),");
            }

            w.Close(";");
            w.Line();
            w.Line($"public static {Span}<{Tables}.LocationConstraint> Constraints => s_constraints;");
        }

        w.Close();
    }

    private static void EmitLookup(SourceWriter w, TableSpec table, bool utf8)
    {
        w.Open($"public static bool TryGetId({Span}<{(utf8 ? "byte" : "char")}> {(utf8 ? "utf8Name" : "name")}, out int id)");
        string arg = utf8 ? "utf8Name" : "name";
        // Lengths are UTF-8 byte counts for the byte overload and UTF-16 code units for the char overload.
        var buckets = table.Rows
            .GroupBy(r => utf8 ? System.Text.Encoding.UTF8.GetByteCount(r.Name) : r.Name.Length)
            .OrderBy(g => g.Key);
        w.Open($"switch ({arg}.Length)");
        foreach (var bucket in buckets)
        {
            w.Line($"case {Int(bucket.Key)}:");
            w.Indent();
            var rows = bucket.ToList();
            int position = table.MatchCase && rows.Count > LinearBucketLimit ? MostTellingPosition(rows, utf8) : -1;
            if (position < 0)
            {
                foreach (var row in rows) w.Line(Compare(table, row, arg, utf8));
            }
            else
            {
                w.Open($"switch ({arg}[{Int(position)}])");
                foreach (var group in rows.GroupBy(r => Unit(r.Name, position, utf8)).OrderBy(g => g.Key))
                {
                    w.Line($"case {UnitLiteral(group.Key, utf8)}:");
                    w.Indent();
                    foreach (var row in group) w.Line(Compare(table, row, arg, utf8));
                    w.Line("break;");
                    w.Outdent();
                }

                w.Close();
            }

            w.Line("break;");
            w.Outdent();
        }

        w.Close();
        w.Line("id = -1;");
        w.Line("return false;");
        w.Close();
    }

    private static string Compare(TableSpec table, TableRowSpec row, string arg, bool utf8)
    {
        string test = (utf8, table.MatchCase) switch
        {
            (true, true) => $"global::System.MemoryExtensions.SequenceEqual({arg}, {Naming.Utf8Literal(row.Name)})",
            (true, false) => $"global::System.Text.Ascii.EqualsIgnoreCase({arg}, {Naming.Utf8Literal(row.Name)})",
            (false, true) => $"global::System.MemoryExtensions.SequenceEqual({arg}, {Naming.Literal(row.Name)})",
            (false, false) => $"global::System.MemoryExtensions.Equals({arg}, {Naming.Literal(row.Name)}, global::System.StringComparison.OrdinalIgnoreCase)",
        };
        return $"if ({test}) {{ id = {Int(row.Id)}; return true; }}";
    }

    /// <summary>The position whose byte (or char) splits the bucket into the most groups.</summary>
    private static int MostTellingPosition(List<TableRowSpec> rows, bool utf8)
    {
        int length = utf8 ? System.Text.Encoding.UTF8.GetByteCount(rows[0].Name) : rows[0].Name.Length;
        int best = 0, bestCount = 0;
        for (int p = 0; p < length; p++)
        {
            int count = rows.Select(r => Unit(r.Name, p, utf8)).Distinct().Count();
            if (count > bestCount)
            {
                best = p;
                bestCount = count;
            }
        }

        return best;
    }

    private static int Unit(string name, int position, bool utf8) => utf8 ? System.Text.Encoding.UTF8.GetBytes(name)[position] : name[position];

    private static string UnitLiteral(int unit, bool utf8)
    {
        string literal = unit is >= 0x20 and < 0x7F and not '\'' and not '\\' ? "'" + (char)unit + "'" : "(char)" + Int(unit);
        return utf8 ? "(byte)" + literal : literal;
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Optional(string? text) => text is null ? "null" : Naming.Literal(text);
}
