using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Codec.Generators.Model;

namespace Codec.Generators.Emitting;

/// <summary>
/// Emits the validator of one format version: the schema's numeric ranges, walked from the root with the JSON
/// pointer of every value, then the named semantic rules, each a call into <c>Codec.Runtime.Semantics</c>.
/// Paths are only formatted when a check fails, so a clean document allocates nothing.
/// </summary>
internal static class ValidatorEmitter
{
    private const string Sink = TypeNames.Runtime + ".Findings.FindingSink";
    private const string Severity = TypeNames.Runtime + ".Findings.Severity";
    private const string Codes = TypeNames.Runtime + ".Findings.FindingCodes";
    private const string Semantics = TypeNames.Runtime + ".Semantics";

    public static string Emit(FormatSpec format)
    {
        var w = SourceWriter.StartFile(format.SchemaPath, format.VersionNamespace);
        string root = format.RootType;
        w.Line($"/// <summary>Checks a decoded <see cref=\"{root}\"/> against the ranges and semantic rules of {format.FormatId} version {format.Version}. Reusable; not thread-safe.</summary>");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Codec.Generators\", \"" + GeneratorInfo.Version + "\")]");
        w.Open($"public sealed partial class {root}Validator");
        var trackers = TrackerFields(format);
        foreach (var (rule, i) in format.Rules.Select((r, i) => (r, i)).Where(x => x.r.Name is "unique" or "location_constraints"))
        {
            w.Line(rule.Name == "unique"
                ? $"private readonly {Semantics}.UniqueKeys {trackers[i]} = new();"
                : $"private readonly {Semantics}.LocationConstraintCheck<{rule.TableClass}> {trackers[i]} = new();");
        }

        if (format.Rules.Any(r => r.Name is "unique" or "location_constraints")) w.Line();

        w.Line("/// <summary>Adds findings for <paramref name=\"document\"/> to <paramref name=\"sink\"/>.</summary>");
        w.Open($"public void Validate({root} document, {Sink} sink)");
        w.Line("CheckRanges(document, sink);");
        w.Line("CheckRules(document, sink);");
        w.Close();
        w.Line();

        w.Open($"private static void CheckRanges({root} doc, {Sink} sink)");
        var counter = 0;
        EmitRanges(w, format, format.FindType(root)!, "doc", new List<string>(), ref counter);
        w.Close();
        w.Line();

        w.Open($"private void CheckRules({root} doc, {Sink} sink)");
        for (int i = 0; i < format.Rules.Count; i++) EmitRule(w, format.Rules[i], trackers[i]);
        w.Close();
        w.Close();
        return w.ToString();
    }

    // ------------------------------------------------------------------ ranges

    private static void EmitRanges(SourceWriter w, FormatSpec format, TypeSpec type, string obj, List<string> pathParts, ref int counter)
    {
        foreach (var m in type.Members)
        {
            var path = new List<string>(pathParts) { Escape(m.JsonName) };
            string value = obj + "." + m.PropertyName;
            string has = obj + ".Has" + m.PropertyName;
            switch (m.Type.Kind)
            {
                case ValueKind.Int:
                case ValueKind.Float:
                case ValueKind.NumberOrString:
                    if (m.Minimum is null && m.Maximum is null) break;
                    string number = m.Type.Kind == ValueKind.NumberOrString ? value + ".Value" : value;
                    w.Line($"if ({has} && {OutOfRange(number, m)}) sink.Report({Codes}.OutOfRange, {Severity}.Error, {Interpolated(path)}, {RangeMessage(number, m)});");
                    break;
                case ValueKind.Object:
                    if (!HasRanges(format, format.FindType(m.Type.TypeName!)!, new HashSet<string>())) break;
                    w.Open($"if ({has})");
                    EmitRanges(w, format, format.FindType(m.Type.TypeName!)!, value, path, ref counter);
                    w.Close();
                    break;
                case ValueKind.List:
                    var element = m.Type.Element!;
                    if (element.Kind == ValueKind.Object)
                    {
                        var itemType = format.FindType(element.TypeName!)!;
                        if (!HasRanges(format, itemType, new HashSet<string>())) break;
                        string index = "i" + counter++;
                        string item = "item" + index.Substring(1);
                        w.Open($"for (int {index} = 0; {index} < {value}.Count; {index}++)");
                        w.Line($"var {item} = {value}[{index}];");
                        EmitRanges(w, format, itemType, item, new List<string>(path) { "{" + index + "}" }, ref counter);
                        w.Close();
                    }
                    else if (element.IsScalarNumber && (m.Minimum is not null || m.Maximum is not null))
                    {
                        string index = "i" + counter++;
                        w.Open($"for (int {index} = 0; {index} < {value}.Count; {index}++)");
                        w.Line($"if ({OutOfRange(value + "[" + index + "]", m)}) sink.Report({Codes}.OutOfRange, {Severity}.Error, {Interpolated(new List<string>(path) { "{" + index + "}" })}, {RangeMessage(value + "[" + index + "]", m)});");
                        w.Close();
                    }

                    break;
            }
        }
    }

    private static bool HasRanges(FormatSpec format, TypeSpec type, HashSet<string> visited)
    {
        if (!visited.Add(type.Name)) return false;
        foreach (var m in type.Members)
        {
            if (m.Minimum is not null || m.Maximum is not null) return true;
            var target = m.Type.Kind == ValueKind.List ? m.Type.Element! : m.Type;
            if (target.Kind == ValueKind.Object && HasRanges(format, format.FindType(target.TypeName!)!, visited)) return true;
        }

        return false;
    }

    private static string OutOfRange(string value, MemberSpec m)
    {
        var parts = new List<string>();
        if (m.Minimum is { } min) parts.Add($"{value} < {Naming.Double(min)}");
        if (m.Maximum is { } max) parts.Add($"{value} > {Naming.Double(max)}");
        // NaN is outside every range.
        parts.Add($"double.IsNaN({value})");
        return "(" + string.Join(" || ", parts) + ")";
    }

    private static string RangeMessage(string value, MemberSpec m)
    {
        string lo = m.Minimum?.ToString("R", CultureInfo.InvariantCulture) ?? "-inf";
        string hi = m.Maximum?.ToString("R", CultureInfo.InvariantCulture) ?? "inf";
        return $"\"value \" + {value}.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \" is outside [{lo}, {hi}]\"";
    }

    private static string Escape(string name) =>
        name.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("~", "~0").Replace("/", "~1").Replace("{", "{{").Replace("}", "}}");

    private static string Interpolated(List<string> parts) => "$\"/" + string.Join("/", parts) + "\"";

    // ------------------------------------------------------------------ rules

    // A uniqueness tracker is named after what it keeps unique: /landmarks/kinect_v2/*/id → _uniqueLandmarksKinectV2Id
    // (with the rule's index added if two rules would share a name). Other rules keep no state.
    private static List<string> TrackerFields(FormatSpec format)
    {
        var names = new List<string>();
        var used = new HashSet<string>();
        for (int i = 0; i < format.Rules.Count; i++)
        {
            var rule = format.Rules[i];
            string name = rule.Name switch
            {
                "unique" => "_unique" + Naming.Pascal(rule.Arguments[0].Pointer.Replace("*", " ")),
                "location_constraints" => "_locations" + Naming.Pascal(rule.ListPointer),
                _ => "",
            };
            if (name.Length > 0 && !used.Add(name)) name += i;
            names.Add(name);
        }

        return names;
    }

    private static void EmitRule(SourceWriter w, RuleSpec rule, string trackerField)
    {
        w.Line($"// {rule.Name}: {string.Join(", ", rule.Arguments.Select(a => a.Parameter + " = " + a.Pointer))}");
        var context = rule.Arguments.Where(a => !a.PerItem).ToList();
        var perItem = rule.Arguments.Where(a => a.PerItem).ToList();
        var guards = context.SelectMany(a => Guards("doc", a.Steps)).Distinct().ToList();
        if (rule.ListSteps.Count > 0) guards.AddRange(Guards("doc", rule.ListSteps, includeLast: true).Where(g => !guards.Contains(g)));
        w.Open(guards.Count > 0 ? "if (" + string.Join(" && ", guards) + ")" : "");

        // A known producer bug of this version: what the rule finds is still reported, as warnings.
        bool downgrade = rule.KnownBug && rule.Name != "unique";
        if (downgrade) w.Line("var bugMark = sink.Mark();");
        var reportAt = Checking.RuleCatalog.Rules[rule.Name].ReportAt;
        var reportArg = rule.Arguments.First(a => a.Parameter == reportAt);
        if (rule.ListSteps.Count == 0)
        {
            string path = $"new {Semantics}.RulePath({Naming.Literal(reportArg.Pointer)})";
            w.Line(Call(rule, trackerField, a => Access("doc", a.Steps), path) + ";");
        }
        else
        {
            string list = Access("doc", rule.ListSteps);
            if (rule.Name is "unique" or "location_constraints") w.Line($"{trackerField}.Begin();");
            w.Open($"for (int i = 0; i < {list}.Count; i++)");
            w.Line($"var item = {list}[i];");
            var itemGuards = perItem.SelectMany(a => Guards("item", a.Steps)).Distinct().ToList();
            string suffix = reportArg.PerItem ? "/" + string.Join("/", reportArg.Steps.Select(s => s.JsonName.Replace("~", "~0").Replace("/", "~1"))) : "";
            string path = $"new {Semantics}.RulePath({Naming.Literal(rule.ListPointer + "/")}, i, {Naming.Literal(suffix)})";
            string call = Call(rule, trackerField, a => Access(a.PerItem ? "item" : "doc", a.Steps), path);
            w.Line(itemGuards.Count > 0 ? $"if ({string.Join(" && ", itemGuards)}) {call};" : call + ";");
            w.Close();
            if (rule.Name == "location_constraints")
            {
                var head2world = rule.Arguments.First(a => a.Parameter == "head2world");
                w.Line($"{trackerField}.Finish({Access("doc", head2world.Steps)}, {Naming.Double(rule.Tolerance)}, sink, {Naming.Literal(rule.ListPointer + "/")});");
            }
        }

        if (downgrade) w.Line("sink.DowngradeSince(bugMark, \"known producer bug of this version\");");
        w.Close();
    }

    private static IEnumerable<string> Guards(string root, EquatableArray<PathStep> steps, bool includeLast = true)
    {
        string current = root;
        for (int i = 0; i < steps.Count; i++)
        {
            if (i == steps.Count - 1 && !includeLast) break;
            yield return current + ".Has" + steps[i].PropertyName;
            current += "." + steps[i].PropertyName;
        }
    }

    private static string Access(string root, EquatableArray<PathStep> steps) =>
        root + string.Concat(steps.Select(s => "." + s.PropertyName));

    private static string Call(RuleSpec rule, string trackerField, System.Func<RuleArgument, string> arg, string path)
    {
        string A(string parameter) => arg(rule.Arguments.First(a => a.Parameter == parameter));
        string tol = Naming.Double(rule.Tolerance);
        switch (rule.Name)
        {
            case "rigid_transform": return $"{Semantics}.TransformRules.RigidTransform({A("matrix")}, {tol}, sink, {path})";
            case "inverse_transforms": return $"{Semantics}.TransformRules.InverseTransforms({A("a")}, {A("b")}, {tol}, sink, {path})";
            case "translation_matches": return $"{Semantics}.TransformRules.TranslationMatches({A("matrix")}, {A("translation")}, {tol}, sink, {path})";
            case "quaternion_matches": return $"{Semantics}.TransformRules.QuaternionMatches({A("matrix")}, {A("quaternion")}, {tol}, sink, {path})";
            case "camera_space_matches_world": return $"{Semantics}.CameraRules.CameraSpaceMatchesWorld({A("world2cam")}, {A("world")}, {A("camera")}, {tol}, sink, {path})";
            case "distance_to_camera": return $"{Semantics}.CameraRules.DistanceToCamera({A("camera")}, {A("distance")}, {tol}, sink, {path})";
            case "projects_to_screen":
                string known = rule.KnownOffset is { } k
                    ? $", isKnownOffset: item.{k.KeyProperty} >= {k.From} && item.{k.KeyProperty} <= {k.To}, knownTolerancePx: {Naming.Double(k.Tolerance)}"
                    : "";
                return $"{Semantics}.CameraRules.ProjectsToScreen({A("intrinsics")}, {A("camera")}, {A("screen")}, {tol}, sink, {path}{known})";
            case "in_frustum_agrees": return $"{Semantics}.CameraRules.InFrustumAgrees({A("screen")}, {A("in_frustum")}, {tol}, sink, {path})";
            case "field_of_view": return $"{Semantics}.CameraRules.FieldOfView({A("fov")}, {A("sensor")}, {A("focal")}, {tol}, sink, {path})";
            case "unit_vector": return $"{Semantics}.VectorRules.UnitVector({A("vector")}, {tol}, sink, {path})";
            case "distinct_points": return $"{Semantics}.VectorRules.DistinctPoints({A("a")}, {A("b")}, sink, {path})";
            case "unique": return $"{trackerField}.Check({A("key")}, {(rule.KnownBug ? "true" : "false")}, sink, {path})";
            case "dense_mapping": return $"{Semantics}.MappingRules.DenseMapping({A("map")}, sink, {path})";
            case "table_name": return $"{Semantics}.TableRules.KnownName<{rule.TableClass}>({A("name")}, sink, {path})";
            case "table_id": return $"{Semantics}.TableRules.KnownId<{rule.TableClass}>({A("id")}, {rule.IdOffset}, sink, {path})";
            case "table_entry": return $"{Semantics}.TableRules.Entry<{rule.TableClass}>({A("id")}, {A("name")}, {rule.IdOffset}, sink, {path})";
            case "location_constraints": return $"{trackerField}.Add({A("name")}, {A("world")}, i)";
            default: throw new System.InvalidOperationException("rule without an emitter: " + rule.Name);
        }
    }
}
