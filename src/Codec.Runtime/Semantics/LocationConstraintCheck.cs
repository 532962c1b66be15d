using Codec.Runtime.Findings;
using Codec.Runtime.Geometry;
using Codec.Runtime.Tables;
using Codec.Runtime.Text;

namespace Codec.Runtime.Semantics;

/// <summary>
/// <c>location_constraints</c>: each feature point of a list is placed where its reference table recommends,
/// measured in the head's own frame (world positions taken through the inverse of <c>transform_head2world</c>).
/// A constraint naming an absent point uses that point's own equality or midpoint constraint when it has one, and
/// the table's frame origin (MPEG-4 7.1, the centre of head rotation) as (0, 0, 0). Constraints with an
/// uncheckable alternative ("… or nose bump") are not checked. Violations are warnings: the table recommends, it
/// does not define. Reusable; keeps its buffers between documents.
/// </summary>
public sealed class LocationConstraintCheck<TTable> where TTable : ILocatedReferenceTable
{
    private const int MaxDerivationDepth = 4;

    // Indexed by table id; sized once from the table. _present marks the points of the current document.
    private readonly Vec3d[] _world;
    private readonly Vec3d[] _head;
    private readonly int[] _index;
    private readonly bool[] _present;

    public LocationConstraintCheck()
    {
        int size = 0;
        foreach (var row in TTable.Rows) size = Math.Max(size, row.Id + 1);
        _world = new Vec3d[size];
        _head = new Vec3d[size];
        _index = new int[size];
        _present = new bool[size];
    }

    /// <summary>Starts a document.</summary>
    public void Begin() => Array.Clear(_present);

    /// <summary>Adds the list item at <paramref name="index"/>; unknown and repeated names are other rules' business (the first wins).</summary>
    public void Add(Utf8Text name, in Vec3d world, int index)
    {
        if (TTable.TryGetId(name.Span, out int id) && (uint)id < (uint)_present.Length && !_present[id])
        {
            _present[id] = true;
            _world[id] = world;
            _index[id] = index;
        }
    }

    /// <summary>Checks every added point; <paramref name="listPointer"/> is the list's pointer with a trailing slash.</summary>
    public void Finish(in Mat4d head2world, double tolerance, FindingSink sink, string listPointer)
    {
        var world2head = InverseRigid(head2world);
        bool any = false;
        for (int id = 0; id < _present.Length; id++)
        {
            if (!_present[id]) continue;
            _head[id] = world2head.TransformPoint(_world[id]);
            any = true;
        }

        if (!any) return;
        foreach (var constraint in TTable.Constraints)
        {
            if (constraint.Alternative is not null || !IsPresent(constraint.Point)) continue;
            double value = Coordinate(_head[constraint.Point], constraint.Axis);
            if (!TryResolve(constraint.First, constraint.Axis, 0, out double first, out int firstSource)) continue;
            double second = 0;
            int secondSource = Measured;
            if (constraint.Second >= 0 && !TryResolve(constraint.Second, constraint.Axis, 0, out second, out secondSource)) continue;
            if (constraint.IsSatisfied(value, first, second, tolerance)) continue;

            string firstNote = SourceNote(firstSource), secondNote = SourceNote(secondSource);
            string pointName = TTable.NameOf(constraint.Point) ?? constraint.Point.ToString(System.Globalization.CultureInfo.InvariantCulture);
            string description = Description(TTable.Rows, constraint.Point);
            string axis = AxisName(constraint.Axis);
            string values = constraint.Second >= 0
                ? $"{Ref(constraint.First, axis)} = {Mm(first)}{firstNote}, {Ref(constraint.Second, axis)} = {Mm(second)}{secondNote}"
                : $"{Ref(constraint.First, axis)} = {Mm(first)}{firstNote}";
            sink.Report(FindingCodes.LocationConstraint, Severity.Warning,
                string.Concat(listPointer, _index[constraint.Point].ToString(System.Globalization.CultureInfo.InvariantCulture), "/world_space_pos"),
                $"{pointName} ({description}): head-frame {axis} = {Mm(value)}, but the table recommends {constraint.Text} ({values}; tolerance {Mm(tolerance)})");
        }
    }

    private bool IsPresent(int id) => (uint)id < (uint)_present.Length && _present[id];

    // Where a resolved coordinate came from: measured, the frame's origin, or the index of the constraint it was
    // derived by (kept as a number so that a satisfied check builds no text).
    private const int Measured = -1;
    private const int Origin = -2;

    private bool TryResolve(int id, Axis axis, int depth, out double value, out int source)
    {
        source = Measured;
        if (IsPresent(id))
        {
            value = Coordinate(_head[id], axis);
            return true;
        }

        value = 0;
        if (id == TTable.FrameOrigin)
        {
            source = Origin;
            return true;
        }

        if (depth >= MaxDerivationDepth) return false;
        var constraints = TTable.Constraints;
        for (int i = 0; i < constraints.Length; i++)
        {
            var c = constraints[i];
            if (c.Point != id || c.Axis != axis || c.Alternative is not null) continue;
            if (c.Kind == ConstraintKind.EqualTo && TryResolve(c.First, axis, depth + 1, out value, out _))
            {
                source = i;
                return true;
            }

            if (c.Kind == ConstraintKind.MidpointOf
                && TryResolve(c.First, axis, depth + 1, out double a, out _)
                && TryResolve(c.Second, axis, depth + 1, out double b, out _))
            {
                value = (a + b) / 2;
                source = i;
                return true;
            }
        }

        return false;
    }

    private static string SourceNote(int source) => source switch
    {
        Measured => "",
        Origin => " (absent: the head frame's origin)",
        _ => $" (absent: from {TTable.Constraints[source].Text})",
    };

    private static string Description(ReadOnlySpan<TableRow> rows, int id)
    {
        foreach (var row in rows) if (row.Id == id) return row.Description ?? row.Name;
        return "?";
    }

    private static string Ref(int id, string axis) => (TTable.NameOf(id) ?? "?") + "." + axis;

    private static string AxisName(Axis axis) => axis switch { Axis.X => "x", Axis.Y => "y", _ => "z" };

    private static double Coordinate(in Vec3d p, Axis axis) => axis switch { Axis.X => p.X, Axis.Y => p.Y, _ => p.Z };

    private static string Mm(double metres) => (metres * 1000).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " mm";

    /// <summary>The inverse of a rigid transform: Rᵀ and −Rᵀt (a non-rigid matrix is another rule's finding).</summary>
    private static Mat4d InverseRigid(in Mat4d m)
    {
        var r = new Mat4d();
        for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
            r[i, j] = m[j, i];
        for (int i = 0; i < 3; i++) r[i, 3] = -(r[i, 0] * m[0, 3] + r[i, 1] * m[1, 3] + r[i, 2] * m[2, 3]);
        r[3, 3] = 1;
        return r;
    }
}
