using Codec.Runtime.Findings;
using Codec.Runtime.Tables;
using Codec.Runtime.Text;

namespace Codec.Runtime.Semantics;

/// <summary>
/// <c>table_name</c>, <c>table_id</c>, <c>table_entry</c>: a landmark's name and id belong to its system's reference
/// table and agree with each other. The id offset is what a file adds to the table's id (1 for the
/// 1-based iBUG contour of 1.2, 468/473 for the MediaPipe irises). Nothing is allocated unless a finding is reported.
/// </summary>
public static class TableRules
{
    public static void KnownName<TTable>(Utf8Text name, FindingSink sink, RulePath path) where TTable : IReferenceTable
    {
        if (!TTable.TryGetId(name.Span, out _))
        {
            sink.Report(FindingCodes.UnknownTableName, Severity.Error, path.ToString(),
                $"\"{name}\" is not a name of {TTable.TableId} ({TTable.Rows.Length} names, e.g. {Examples<TTable>()})");
        }
    }

    public static void KnownId<TTable>(long id, long idOffset, FindingSink sink, RulePath path) where TTable : IReferenceTable
    {
        long tableId = id - idOffset;
        if (tableId < int.MinValue || tableId > int.MaxValue || !TTable.IsDefined((int)tableId))
        {
            sink.Report(FindingCodes.UnknownTableId, Severity.Error, path.ToString(),
                $"id {id} is not an id of {TTable.TableId}{OffsetText(idOffset)} ({Range<TTable>(idOffset)})");
        }
    }

    public static void Entry<TTable>(long id, Utf8Text name, long idOffset, FindingSink sink, RulePath path) where TTable : IReferenceTable
    {
        if (!TTable.TryGetId(name.Span, out int expected))
        {
            KnownName<TTable>(name, sink, path.WithSuffix("/name"));
            KnownId<TTable>(id, idOffset, sink, path.WithSuffix("/id"));
            return;
        }

        if (id - idOffset != expected)
        {
            sink.Report(FindingCodes.IdNameMismatch, Severity.Error, path.WithSuffix("/id").ToString(),
                $"id {id} does not match \"{name}\": {TTable.TableId} gives it id {expected + idOffset}{OffsetText(idOffset)}");
        }
    }

    private static string OffsetText(long offset) => offset == 0 ? "" : $" (files add {offset} to the table's ids)";

    private static string Examples<TTable>() where TTable : IReferenceTable
    {
        var rows = TTable.Rows;
        return rows.Length switch
        {
            0 => "none",
            1 => $"\"{rows[0].Name}\"",
            _ => $"\"{rows[0].Name}\" … \"{rows[^1].Name}\"",
        };
    }

    private static string Range<TTable>(long offset) where TTable : IReferenceTable
    {
        var rows = TTable.Rows;
        if (rows.Length == 0) return "the table is empty";
        int min = int.MaxValue, max = int.MinValue;
        foreach (var row in rows)
        {
            min = Math.Min(min, row.Id);
            max = Math.Max(max, row.Id);
        }

        return $"ids {min + offset}..{max + offset}";
    }
}
