using System.Collections.Generic;
using System.Linq;
using Codec.Generators.Model;

namespace Codec.Generators.Checking;

/// <summary>A semantic rule the runtime implements: its parameters and which one locates its findings.</summary>
internal sealed class RuleDefinition
{
    public RuleDefinition(string name, double defaultTolerance, string reportAt, params (string Name, ValueKind[] Kinds)[] parameters)
        : this(name, defaultTolerance, reportAt, TableUse.None, parameters)
    {
    }

    public RuleDefinition(string name, double defaultTolerance, string reportAt, TableUse table, params (string Name, ValueKind[] Kinds)[] parameters)
    {
        Name = name;
        Table = table;
        DefaultTolerance = defaultTolerance;
        ReportAt = reportAt;
        Parameters = parameters;
    }

    public string Name { get; }
    public double DefaultTolerance { get; }
    public string ReportAt { get; }
    public (string Name, ValueKind[] Kinds)[] Parameters { get; }

    /// <summary>Whether the rule names a reference table (<c>"table"</c>) and which kind.</summary>
    public TableUse Table { get; }
}

/// <summary>What a rule needs of the reference table it names, if any.</summary>
internal enum TableUse
{
    None,
    AnyTable,
    LocatedTable,
}

/// <summary>
/// The semantic rules a schema may name. Each is implemented once in <c>Codec.Runtime.Semantics</c>; the generator
/// checks arguments against these signatures so a schema typo is a compile-time diagnostic, not a runtime surprise.
/// </summary>
internal static class RuleCatalog
{
    private static readonly ValueKind[] Mat4 = { ValueKind.Mat4 };
    private static readonly ValueKind[] Mat3 = { ValueKind.Mat3 };
    private static readonly ValueKind[] Vec2 = { ValueKind.Vec2 };
    private static readonly ValueKind[] Vec3 = { ValueKind.Vec3 };
    private static readonly ValueKind[] Vec4 = { ValueKind.Vec4 };
    private static readonly ValueKind[] Number = { ValueKind.Float, ValueKind.Int };
    private static readonly ValueKind[] Bool = { ValueKind.Bool };
    private static readonly ValueKind[] Key = { ValueKind.Int, ValueKind.String };
    private static readonly ValueKind[] Map = { ValueKind.IntMap };
    private static readonly ValueKind[] Text = { ValueKind.String };
    private static readonly ValueKind[] Integer = { ValueKind.Int };

    public static readonly IReadOnlyDictionary<string, RuleDefinition> Rules = new[]
    {
        new RuleDefinition("rigid_transform", 1e-5, "matrix", ("matrix", Mat4)),
        new RuleDefinition("inverse_transforms", 1e-9, "b", ("a", Mat4), ("b", Mat4)),
        new RuleDefinition("translation_matches", 1e-9, "translation", ("matrix", Mat4), ("translation", Vec3)),
        new RuleDefinition("quaternion_matches", 1e-6, "quaternion", ("matrix", Mat4), ("quaternion", Vec4)),
        new RuleDefinition("camera_space_matches_world", 1e-5, "camera", ("world2cam", Mat4), ("world", Vec3), ("camera", Vec3)),
        new RuleDefinition("distance_to_camera", 1e-5, "distance", ("camera", Vec3), ("distance", Number)),
        new RuleDefinition("projects_to_screen", 0.25, "screen", ("intrinsics", Mat3), ("camera", Vec3), ("screen", Vec2)),
        new RuleDefinition("in_frustum_agrees", 1e-9, "in_frustum", ("screen", Vec2), ("in_frustum", Bool)),
        new RuleDefinition("field_of_view", 1e-6, "fov", ("fov", Number), ("sensor", Number), ("focal", Number)),
        new RuleDefinition("unit_vector", 1e-4, "vector", ("vector", Vec3)),
        new RuleDefinition("distinct_points", 0, "b", ("a", Vec3), ("b", Vec3)),
        new RuleDefinition("unique", 0, "key", ("key", Key)),
        new RuleDefinition("dense_mapping", 0, "map", ("map", Map)),
        new RuleDefinition("table_name", 0, "name", TableUse.AnyTable, ("name", Text)),
        new RuleDefinition("table_id", 0, "id", TableUse.AnyTable, ("id", Integer)),
        new RuleDefinition("table_entry", 0, "name", TableUse.AnyTable, ("id", Integer), ("name", Text)),
        new RuleDefinition("location_constraints", 0.005, "world", TableUse.LocatedTable, ("head2world", Mat4), ("name", Text), ("world", Vec3)),
    }.ToDictionary(r => r.Name);

    public static string Names => string.Join(", ", Rules.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
}
