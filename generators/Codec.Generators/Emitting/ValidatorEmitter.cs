using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Codec.Generators.Model;
using Codec.Generators.Rules;

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
        var w = SourceWriter.StartFile(format.SchemaPath, format.VersionNamespace, format.Aliases);
        string root = format.RootType;
        w.Line($"/// <summary>Checks a decoded <see cref=\"{root}\"/> against the ranges and semantic rules of {format.FormatId} version {format.Version}. Reusable; not thread-safe.</summary>");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Codec.Generators\", \"" + GeneratorInfo.Version + "\")]");
        w.Open($"public sealed partial class {root}Validator");
        var trackers = TrackerFields(format);
        for (int i = 0; i < format.Rules.Count; i++)
        {
            if (RuleRegistry.FormatRules[format.Rules[i].Name].State is { } state)
                w.Line($"private readonly {Fill(state, format.Rules[i], trackers[i], _ => "", "")} {trackers[i]} = new();");
        }

        if (trackers.Any(t => t.Length > 0)) w.Line();

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

    // One range test and one wording for every range Codec checks (Codec.Runtime.Semantics.ValueRange); NaN is outside.
    private const string ValueRange = "global::Codec.Runtime.Semantics.ValueRange";

    private static string OutOfRange(string value, MemberSpec m) =>
        $"!{ValueRange}.Contains({value}, {(m.Minimum is { } min ? Naming.Double(min) : "double.NegativeInfinity")}, {(m.Maximum is { } max ? Naming.Double(max) : "double.PositiveInfinity")})";

    private static string RangeMessage(string value, MemberSpec m) =>
        $"{ValueRange}.Outside({value}, {(m.Minimum is { } min ? Naming.Double(min) : "null")}, {(m.Maximum is { } max ? Naming.Double(max) : "null")})";

    private static string Escape(string name) =>
        name.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("~", "~0").Replace("/", "~1").Replace("{", "{{").Replace("}", "}}");

    private static string Interpolated(List<string> parts) => "$\"/" + string.Join("/", parts) + "\"";

    // ------------------------------------------------------------------ rules

    // A rule's state is named after the rule and the list items it watches: unique over /landmarks/kinect_v2/*/id →
    // _uniqueLandmarksKinectV2Id (with the rule's index added if two rules would share a name). Rules without state get "".
    private static List<string> TrackerFields(FormatSpec format)
    {
        var names = new List<string>();
        var used = new HashSet<string>();
        for (int i = 0; i < format.Rules.Count; i++)
        {
            var rule = format.Rules[i];
            string name = RuleRegistry.FormatRules[rule.Name].State is null ? ""
                : "_" + Naming.Camel(rule.Name) + Naming.Pascal(rule.Arguments.First(a => a.PerItem).Pointer.Replace("*", " "));
            if (name.Length > 0 && !used.Add(name)) name += i;
            names.Add(name);
        }

        return names;
    }

    private static void EmitRule(SourceWriter w, RuleSpec rule, string trackerField)
    {
        var definition = RuleRegistry.FormatRules[rule.Name];
        w.Line($"// {rule.Name}: {string.Join(", ", rule.Arguments.Select(a => a.Parameter + " = " + a.Pointer))}");
        var context = rule.Arguments.Where(a => !a.PerItem).ToList();
        var perItem = rule.Arguments.Where(a => a.PerItem).ToList();
        var guards = context.SelectMany(a => Guards("doc", a.Steps)).Distinct().ToList();
        if (rule.ListSteps.Count > 0) guards.AddRange(Guards("doc", rule.ListSteps, includeLast: true).Where(g => !guards.Contains(g)));
        w.Open(guards.Count > 0 ? "if (" + string.Join(" && ", guards) + ")" : "");

        // A known producer bug of this version: what the rule finds is still reported, as warnings (a rule that
        // handles knownBug itself, such as unique, reports its own way).
        bool downgrade = rule.KnownBug && !definition.HandlesKnownBug;
        if (downgrade) w.Line("var bugMark = sink.Mark();");
        var reportArg = rule.Arguments.First(a => a.Parameter == definition.ReportAt);
        if (rule.ListSteps.Count == 0)
        {
            string path = $"new {Semantics}.RulePath({Naming.Literal(reportArg.Pointer)})";
            w.Line(Fill(definition.Call, rule, trackerField, a => Access("doc", a.Steps), path) + ";");
        }
        else
        {
            string list = Access("doc", rule.ListSteps);
            if (definition.State is not null) w.Line($"{trackerField}.Begin();");
            w.Open($"for (int i = 0; i < {list}.Count; i++)");
            w.Line($"var item = {list}[i];");
            var itemGuards = perItem.SelectMany(a => Guards("item", a.Steps)).Distinct().ToList();
            string suffix = reportArg.PerItem ? "/" + string.Join("/", reportArg.Steps.Select(s => s.JsonName.Replace("~", "~0").Replace("/", "~1"))) : "";
            string path = $"new {Semantics}.RulePath({Naming.Literal(rule.ListPointer + "/")}, i, {Naming.Literal(suffix)})";
            string call = Fill(definition.Call, rule, trackerField, a => Access(a.PerItem ? "item" : "doc", a.Steps), path);
            w.Line(itemGuards.Count > 0 ? $"if ({string.Join(" && ", itemGuards)}) {call};" : call + ";");
            w.Close();
            if (definition.Finish is { } finish) w.Line(Fill(finish, rule, trackerField, a => Access("doc", a.Steps), "") + ";");
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

    // Fills the holes of a registered call (RuleDefinition's remarks list them) for one use of the rule.
    private static string Fill(string template, RuleSpec rule, string trackerField, System.Func<RuleArgument, string> arg, string path)
    {
        var text = new System.Text.StringBuilder();
        int at = 0;
        while (at < template.Length)
        {
            int open = template.IndexOf('{', at);
            if (open < 0)
            {
                text.Append(template, at, template.Length - at);
                break;
            }

            int close = template.IndexOf('}', open);
            text.Append(template, at, open - at);
            string hole = template.Substring(open + 1, close - open - 1);
            text.Append(hole switch
            {
                "tolerance" => Naming.Double(rule.Tolerance),
                "path" => path,
                "table" => rule.TableClass,
                "idOffset" => rule.IdOffset.ToString(CultureInfo.InvariantCulture),
                "knownBug" => rule.KnownBug ? "true" : "false",
                "knownOffset" => rule.KnownOffset is { } k
                    ? $", isKnownOffset: item.{k.KeyProperty} >= {k.From} && item.{k.KeyProperty} <= {k.To}, knownTolerancePx: {Naming.Double(k.Tolerance)}"
                    : "",
                "state" => trackerField,
                "listPointer" => Naming.Literal(rule.ListPointer + "/"),
                _ => arg(rule.Arguments.FirstOrDefault(a => a.Parameter == hole) ?? throw new System.InvalidOperationException($"rule {rule.Name}: the call names '{hole}', which is not a parameter")),
            });
            at = close + 1;
        }

        return text.ToString();
    }
}
