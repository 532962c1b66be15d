using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Codec.Generators.Diagnostics;
using Codec.Generators.Emitting;
using Codec.Generators.Model;
using Codec.Generators.Reading;
using Codec.Generators.Rules;

namespace Codec.Generators.Checking;

/// <summary>
/// Checks a render contract (CODEC026): one <c>info</c> file to check the others against, file names and suffixes
/// declared once, kinds codec reads, passes that stand for declared files, tolerances whose default lies in their
/// range, and rules the runtime implements, applied to files of the kinds they take, with the arguments their
/// registration types; then fills each rule's call.
/// </summary>
internal static class RenderChecker
{
    private static readonly Regex Identifier = new("^[A-Za-z_][A-Za-z0-9_]*$");
    private static readonly Regex Suffix = new(@"^([A-Za-z0-9_]+\.)?[A-Za-z0-9]+$");
    private static readonly Regex Namespace = new(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$");

    public static RenderSpec? Check(RenderDraft draft, List<DiagnosticInfo> diagnostics)
    {
        var spec = draft.Spec;
        int before = diagnostics.Count;
        var Error = LocatedErrors.For(draft.Positions, draft.Source, DiagnosticDescriptors.BadRender.Id, diagnostics);

        if (!Namespace.IsMatch(spec.Namespace)) Error("/namespace", "not a C# namespace");
        if (!Identifier.IsMatch(spec.ClassName)) Error("/name", "the class name is a C# identifier");
        if (spec.MetadataFile.IndexOfAny(new[] { '/', '\\' }) >= 0) Error("/metadata", "the metadata file is a file name in the output folder");

        CheckNames(spec, Error);
        var files = new Dictionary<string, RenderFileSpec>();
        var suffixes = new Dictionary<string, string>();
        for (int i = 0; i < spec.Files.Count; i++)
        {
            var file = spec.Files[i];
            string at = $"/files/{i}";
            if (!Identifier.IsMatch(file.Name) || files.ContainsKey(file.Name)) Error(at, $"'{file.Name}' is not an identifier or names two files");
            else files[file.Name] = file;
            if (!FileKindWords.Render.Contains(file.Kind)) Error(at + "/kind", $"unknown kind '{file.Kind}'; known: {string.Join(", ", FileKindWords.Render)}");
            if (file.Kind == "pass" && file.Suffixes.Count > 0) Error(at + "/suffixes", "a pass lives inside an EXR: it has no file name of its own");
            if (file.Kind != "pass" && file.Suffixes.Count == 0) Error(at + "/suffixes", "name the file by what follows the render's part of its name, e.g. [\"rgb.png\"]");
            if (file.Kind != "exr" && file.Passes.Count > 0) Error(at, "passes belong to an exr file");
            if (file.Kind == "mask" && string.IsNullOrEmpty(file.Mapping)) Error(at, "a mask names the info.json member that names its values: \"mapping\": \"segments_mapping\"");
            if (file.Kind != "mask" && file.Mapping is not null) Error(at, "a mapping belongs to a mask");
            foreach (var suffix in file.Suffixes)
            {
                if (!Suffix.IsMatch(suffix)) Error(at + "/suffixes", $"'{suffix}' is not <name>.<extension> or an extension alone");
                else if (suffixes.TryGetValue(suffix, out var owner)) Error(at + "/suffixes", $"'{suffix}' is already the file '{owner}'");
                else suffixes[suffix] = file.Name;
            }
        }

        if (spec.Files.Count(f => f.Kind == "info") != 1) Error("/render", "a render has exactly one file of kind info, which the others are checked against");
        for (int i = 0; i < spec.Files.Count; i++)
        {
            for (int p = 0; p < spec.Files[i].Passes.Count; p++)
            {
                string standsFor = spec.Files[i].Passes[p].As;
                if (!files.TryGetValue(standsFor, out var target) || target.Kind is not ("image" or "pass"))
                    Error($"/files/{i}/passes/{p}", $"a pass stands for an image or pass file the contract declares; '{standsFor}' is not one");
            }
        }

        var tolerances = new List<string>();
        foreach (var t in spec.Tolerances)
        {
            double value = double.Parse(t.ValueText, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (!Identifier.IsMatch(t.Name)) Error("/tolerances/" + t.Name, "a tolerance's name is an identifier (codec.json sets it by that name)");
            if (value < (t.Minimum ?? 0) || value > (t.Maximum ?? double.MaxValue))
                Error("/tolerances/" + t.Name, string.Format(CultureInfo.InvariantCulture, "the value {0} lies outside its range [{1}, {2}] (a tolerance is never negative)",
                    t.ValueText, t.Minimum ?? 0, t.Maximum?.ToString(CultureInfo.InvariantCulture) ?? "no maximum"));
            tolerances.Add(t.Name);
        }

        var rules = new List<RenderRuleSpec>();
        for (int r = 0; r < spec.Rules.Count; r++)
        {
            if (CheckRule(spec.Rules[r], $"/rules/{r}", files, tolerances, Error) is { } rule) rules.Add(rule);
        }

        return diagnostics.Count > before ? null : spec with { Rules = rules.ToEquatableArray() };
    }

    private static RenderRuleSpec? CheckRule(RenderRuleSpec rule, string at, Dictionary<string, RenderFileSpec> files, List<string> tolerances, System.Action<string, string> error)
    {
        if (!RuleRegistry.RenderRules.TryGetValue(rule.Name, out var definition))
        {
            error(at, $"unknown rule '{rule.Name}'; known: {RuleRegistry.Names(RuleScope.Render)}");
            return null;
        }

        bool ok = true;
        void Bad(string where, string message)
        {
            error(where, message);
            ok = false;
        }

        foreach (var name in rule.In)
        {
            if (!files.TryGetValue(name, out var file)) Bad(at + "/in", $"'{name}' is not a file of the render; declared: {string.Join(", ", files.Keys)}");
            else if (!definition.FileKinds.Contains(file.Kind)) Bad(at + "/in", $"rule '{rule.Name}' applies to files of kind {string.Join(", ", definition.FileKinds)}; '{name}' is of kind {file.Kind}");
        }

        foreach (var extra in rule.Arguments.Where(a => definition.Parameter(a.Name) is null))
            Bad($"{at}/{extra.Name}", $"rule '{rule.Name}' takes no '{extra.Name}'; it takes {string.Join(", ", definition.Parameters.Select(p => p.Name).DefaultIfEmpty("only 'in'"))}");

        var literals = new Dictionary<string, string>();
        foreach (var parameter in definition.Parameters)
        {
            var given = rule.Arguments.FirstOrDefault(a => a.Name == parameter.Name);
            if (given is null)
            {
                if (parameter.Required) Bad(at, $"rule '{rule.Name}' needs '{parameter.Name}' ({parameter.Description})");
                else literals[parameter.Name] = DatasetChecker.Literal(parameter.Type, DatasetChecker.Default(parameter));
                continue;
            }

            string where = $"{at}/{parameter.Name}";
            string? problem = parameter.Type switch
            {
                ArgumentType.File => given.JsonType == "string" && files.ContainsKey(given.Text) ? null : $"a file the render declares ({string.Join(", ", files.Keys)})",
                ArgumentType.Tolerance => given.JsonType == "string" && tolerances.Contains(given.Text) ? null : $"a tolerance the contract declares ({string.Join(", ", tolerances)})",
                _ => DatasetChecker.Problem(parameter.Type, given, new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>()),
            };
            if (problem is not null)
            {
                Bad(where, $"'{parameter.Name}' of rule '{rule.Name}' is {problem}; it is written {DatasetChecker.Written(given)}");
                continue;
            }

            // A tolerance is read from the folder's settings when the rule runs: codec.json may override its default.
            literals[parameter.Name] = parameter.Type == ArgumentType.Tolerance
                ? $"context.Tolerance({tolerances.IndexOf(given.Text).ToString(CultureInfo.InvariantCulture)})"
                : DatasetChecker.Literal(parameter.Type, given);
        }

        if (!ok) return null;
        string call = DatasetChecker.PlaceholderInName.Replace(definition.Call, m => literals[m.Groups[1].Value]);
        return rule with { Call = call };
    }

    // {render_id}, then literal text and {camera} / {frame} (both or neither): a render's part of a file name.
    private static readonly Regex NamePart = new(@"\{([a-z_]+)\}|[A-Za-z0-9_.]+");

    private static void CheckNames(RenderSpec spec, System.Action<string, string> error)
    {
        if (spec.Names.Count == 0) error("/render", "say how a render's files are named: \"names\": [{ \"shape\": \"{render_id}\" }]");
        var shapes = new HashSet<string>();
        for (int i = 0; i < spec.Names.Count; i++)
        {
            string shape = spec.Names[i].Shape, at = $"/names/{i}";
            var placeholders = new List<string>();
            int covered = 0;
            foreach (Match m in NamePart.Matches(shape))
            {
                if (m.Index != covered) break;
                covered += m.Length;
                if (m.Groups[1].Success) placeholders.Add(m.Groups[1].Value);
            }

            if (covered != shape.Length) error(at, $"'{shape}' holds a character that is neither a placeholder nor a letter, digit, '_' or '.'");
            else if (!shape.StartsWith("{render_id}", System.StringComparison.Ordinal) || placeholders.Count(p => p == "render_id") != 1)
                error(at, $"'{shape}' starts with {{render_id}}, once: a render's files are named by its metadata line's render_id");
            else if (placeholders.FirstOrDefault(p => p is not ("render_id" or "camera" or "frame")) is { } unknown)
                error(at, $"'{{{unknown}}}' is not a placeholder of a render's name; known: {{render_id}}, {{camera}}, {{frame}}");
            else if (placeholders.Contains("camera") != placeholders.Contains("frame") || placeholders.Count != placeholders.Distinct().Count())
                error(at, $"'{shape}' names {{camera}} and {{frame}} together, once each, or neither");
            else if (!shapes.Add(string.Join(",", placeholders.OrderBy(p => p, System.StringComparer.Ordinal))))
                error(at, $"'{shape}' has the placeholders of another shape: a render's key would name two files");
        }
    }
}
