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
/// Checks a dataset layout: placeholders, file kinds, dtypes, shapes and dimension expressions whose symbols are
/// declared, JSON field types and pointers, and rules the runtime implements with the arguments they need (CODEC024).
/// </summary>
internal static class DatasetChecker
{
    private static readonly Regex Identifier = new("^[A-Za-z_][A-Za-z0-9_]*$");
    private static readonly Regex DatasetId = new(@"^[a-z0-9]+([._-][a-z0-9]+)*$");
    private static readonly Regex Namespace = new(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$");
    private static readonly Regex DType = new(@"^[<>|=][biufcSUV]\d*$");
    private static readonly Regex Expression = new(@"^(\d+|[A-Za-z][A-Za-z0-9]*([+-]\d+)?)$");

    private static readonly Regex PlaceholderSegment = new(@"^\{[A-Za-z_][A-Za-z0-9_]*\}$");
    internal static readonly Regex PlaceholderInName = new(@"\{([A-Za-z_][A-Za-z0-9_]*)\}");

    public static DatasetSpec? Check(DatasetDraft draft, List<DiagnosticInfo> diagnostics)
    {
        var spec = draft.Spec;
        int before = diagnostics.Count;
        var Error = LocatedErrors.For(draft.Positions, draft.Source, DiagnosticDescriptors.BadDataset.Id, diagnostics);

        if (!DatasetId.IsMatch(spec.DatasetId)) Error("/dataset", "a dataset id is lower-case words joined by '.', '_' or '-'");
        if (!Namespace.IsMatch(spec.Namespace)) Error("/namespace", "not a C# namespace");
        if (!Identifier.IsMatch(spec.ClassName)) Error("/name", "the class name is a C# identifier");

        var symbols = new HashSet<string>();
        for (int i = 0; i < spec.Dimensions.Count; i++)
        {
            var d = spec.Dimensions[i];
            if (!Identifier.IsMatch(d.Symbol) || !symbols.Add(d.Symbol)) Error($"/dimensions/{i}", $"dimension '{d.Symbol}' is not an identifier or is declared twice");
        }

        void CheckExpression(string? text, string at)
        {
            if (text is null) return;
            if (!Expression.IsMatch(text))
            {
                Error(at, $"'{text}' is not a dimension expression (V, P+1, 3)");
                return;
            }

            string symbol = new string(text.TakeWhile(char.IsLetterOrDigit).ToArray());
            if (!char.IsDigit(text[0]) && !symbols.Contains(symbol))
                Error(at, $"dimension '{symbol}' is not declared; declared: {string.Join(", ", symbols)}");
        }

        var paths = new HashSet<string>();
        var filePaths = new HashSet<string>();
        var usedPlaceholders = new HashSet<string>();
        for (int f = 0; f < spec.Folders.Count; f++)
        {
            var folder = spec.Folders[f];
            string at = $"/folders/{f}";
            var segments = folder.Path.Split('/');
            if (!paths.Add(folder.Path)) Error(at, $"folder '{folder.Path}' is declared twice");
            if (segments.Any(s => s.Length == 0 || s == "." || s == "..")) Error(at, $"'{folder.Path}' is not a relative folder path");
            var placeholders = segments.Where(s => s.Contains("{") || s.Contains("}")).ToList();
            if (placeholders.Count > 1 || placeholders.Any(p => !PlaceholderSegment.IsMatch(p)))
                Error(at, "a folder path may have one placeholder, a whole segment such as {shot}");
            foreach (var p in placeholders.Where(x => PlaceholderSegment.IsMatch(x))) usedPlaceholders.Add(p.Substring(1, p.Length - 2));
            if (folder.Strays is not (null or "error" or "warning")) Error(at + "/strays", "strays are \"error\" or \"warning\"");
            if (folder.FilesBeside is not (null or "error" or "warning")) Error(at + "/filesBeside", "filesBeside is \"error\" or \"warning\"");
            if (folder.FilesBeside is not null && placeholders.Count == 0) Error(at + "/filesBeside", "filesBeside applies to a folder path with a placeholder");

            for (int i = 0; i < folder.Files.Count; i++)
            {
                var file = folder.Files[i];
                string fileAt = $"{at}/files/{i}";
                if (!FileKindWords.Dataset.Contains(file.Kind)) Error(fileAt + "/kind", $"unknown kind '{file.Kind}'; known: {string.Join(", ", FileKindWords.Dataset)}");
                var inName = PlaceholderInName.Matches(file.Name);
                if (file.Name.Contains("/") || inName.Count > 1 || file.Name.Count(c => c == '{') != inName.Count || file.Name.Count(c => c == '}') != inName.Count)
                    Error(fileAt, $"'{file.Name}' is not a file name with at most one placeholder such as {{shot}}");
                foreach (Match m in inName) usedPlaceholders.Add(m.Groups[1].Value);
                filePaths.Add(folder.Path + "/" + file.Name);
                if (file.DType is { } dtype && !DType.IsMatch(dtype)) Error(fileAt, $"'{dtype}' is not a NumPy dtype string (<f4, |S, <i4)");
                foreach (var entry in file.Shape ?? EquatableArray<string>.Empty) CheckExpression(entry, fileAt + "/shape");
                for (int m = 0; m < file.Members.Count; m++)
                {
                    var member = file.Members[m];
                    string memberAt = $"{fileAt}/members/{m}";
                    if (file.Kind != "npz") Error(memberAt, "members belong to npz files");
                    if ((member.Key.Contains("{") || member.Key.Contains("}")) && !PlaceholderSegment.IsMatch(member.Key))
                        Error(memberAt, $"'{member.Key}' is not a member key: a name, * or one placeholder such as {{shot}}");
                    else if (PlaceholderSegment.IsMatch(member.Key)) usedPlaceholders.Add(member.Key.Substring(1, member.Key.Length - 2));
                    if (member.DType is { } md && !DType.IsMatch(md)) Error(memberAt, $"'{md}' is not a NumPy dtype string");
                    foreach (var entry in member.Shape ?? EquatableArray<string>.Empty) CheckExpression(entry, fileAt + "/shape");
                    CheckExpression(member.IndexBelow, memberAt + "/indexBelow");
                }

                for (int j = 0; j < file.Fields.Count; j++)
                {
                    var field = file.Fields[j];
                    string fieldAt = $"{fileAt}/fields/{j}";
                    if (file.Kind != "json") Error(fieldAt, "fields belong to json files");
                    if (field.Pointer.Length > 0 && field.Pointer[0] != '/') Error(fieldAt, $"'{field.Pointer}' is not a JSON pointer (\"\" or \"/a/b\")");
                    if (DatasetFieldTypes.Member(field.Type) is null) Error(fieldAt + "/type", $"unknown field type '{field.Type}'; known: {string.Join(", ", DatasetFieldTypes.Words)}");
                    else if (file.Fields.Take(j).FirstOrDefault(x => x.Pointer == field.Pointer) is { } earlier && earlier.Type != field.Type)
                        Error(fieldAt + "/type", $"'{field.Pointer}' is declared {earlier.Type} by an earlier field; one value has one type");
                    if (file.Fields.Take(j).FirstOrDefault(x => Encloses(x.Pointer, field.Pointer) || Encloses(field.Pointer, x.Pointer)) is { } outer)
                        Error(fieldAt, $"'{field.Pointer}' and '{outer.Pointer}' cannot both be fields: a number or a list has no members");
                    CheckExpression(field.EqualsDimension, fieldAt + "/equals");
                    CheckExpression(field.Length, fieldAt + "/length");
                    CheckExpression(field.IndexBelow, fieldAt + "/indexBelow");
                    if (field.Severity is not ("error" or "warning")) Error(fieldAt + "/severity", "severity is \"error\" or \"warning\"");
                }

                foreach (var pair in file.SameLength)
                {
                    foreach (var pointer in pair.Split('|'))
                    {
                        if (file.Fields.All(x => x.Pointer != pointer)) Error(fileAt, $"sameLength names '{pointer}', which no field of the file declares");
                    }
                }
            }
        }

        foreach (var recognized in spec.RecognizedBy)
        {
            if (spec.Folders.All(x => x.Path != recognized && !x.Path.StartsWith(recognized + "/", System.StringComparison.Ordinal)))
                Error("/dataset", $"recognizedBy names '{recognized}', which no folder is or contains");
        }

        for (int i = 0; i < spec.Dimensions.Count; i++)
        {
            if (spec.Dimensions[i].Per is { } per && !usedPlaceholders.Contains(per))
                Error($"/dimensions/{i}/per", $"'{per}' is not a placeholder of the layout's paths; they use {Listed(usedPlaceholders)}");
        }

        var rules = new List<DatasetRuleSpec>();
        for (int r = 0; r < spec.Rules.Count; r++)
        {
            var rule = CheckRule(spec.Rules[r], $"/rules/{r}", symbols, usedPlaceholders, paths, filePaths, Error);
            if (rule is not null) rules.Add(rule);
        }

        return diagnostics.Count > before ? null : spec with { Rules = rules.ToEquatableArray() };
    }

    // Holds one rule use to its registration: known name, every required argument, no unknown one, each of its
    // registered type and naming what the layout declares; then fills the registered call, defaults included.
    private static DatasetRuleSpec? CheckRule(DatasetRuleSpec rule, string at, HashSet<string> dimensions, HashSet<string> placeholders,
        HashSet<string> folders, HashSet<string> files, System.Action<string, string> error)
    {
        if (!RuleRegistry.DatasetRules.TryGetValue(rule.Name, out var definition))
        {
            error(at, $"unknown rule '{rule.Name}'; known: {RuleRegistry.Names(RuleScope.Dataset)}");
            return null;
        }

        bool ok = true;
        void Bad(string where, string message)
        {
            error(where, message);
            ok = false;
        }

        if (rule.Severity is not ("error" or "warning")) Bad(at + "/severity", "severity is \"error\" or \"warning\"");
        foreach (var extra in rule.Arguments.Where(a => definition.Parameter(a.Name) is null))
            Bad($"{at}/{extra.Name}", $"rule '{rule.Name}' takes no '{extra.Name}'; it takes {string.Join(", ", definition.Parameters.Select(p => p.Name))}");

        var literals = new Dictionary<string, string>();
        var valuesRead = new List<string>();
        foreach (var parameter in definition.Parameters)
        {
            var given = rule.Arguments.FirstOrDefault(a => a.Name == parameter.Name);
            if (given is null)
            {
                if (parameter.Required) Bad(at, $"rule '{rule.Name}' needs '{parameter.Name}' ({parameter.Description})");
                else literals[parameter.Name] = Literal(parameter.Type, Default(parameter));
                continue;
            }

            string where = $"{at}/{parameter.Name}";
            string? problem = Problem(parameter.Type, given, dimensions, placeholders, folders, files);
            if (problem is not null)
            {
                Bad(where, $"'{parameter.Name}' of rule '{rule.Name}' is {problem}; it is written {Written(given)}");
                continue;
            }

            literals[parameter.Name] = Literal(parameter.Type, given);
            if (parameter.ReadsValues) valuesRead.Add(given.Text);
        }

        if (!ok) return null;
        // The registered call's holes are its parameters; "context" and "severity" are the generated lambda's own.
        string call = PlaceholderInName.Replace(definition.Call, m => literals[m.Groups[1].Value]);
        return rule with { Call = call, ValuesRead = valuesRead.ToEquatableArray() };
    }

    // A registered default is JSON text, read as a written argument is.
    internal static DatasetRuleArgument Default(RuleParameter parameter) =>
        DatasetReader.Argument(parameter.Name, SchemaJsonParser.Parse(new SchemaSource("(default of " + parameter.Name + ")", parameter.Default!)));

    internal static string? Problem(ArgumentType type, DatasetRuleArgument given, HashSet<string> dimensions, HashSet<string> placeholders, HashSet<string> folders, HashSet<string> files)
    {
        bool IsPath(string path)
        {
            int hash = path.IndexOf('#');
            string file = hash < 0 ? path : path.Substring(0, hash);
            return (hash < 0 && folders.Contains(file)) || files.Contains(file);
        }

        switch (type)
        {
            case ArgumentType.Path:
                if (given.JsonType != "string") return "a folder or file of the layout, as a string";
                return IsPath(given.Text) ? null : $"a folder or file the layout declares ({string.Join(", ", folders.OrderBy(f => f, System.StringComparer.Ordinal))}, or one of their files)";
            case ArgumentType.Number:
                return given.JsonType == "number" ? null : "a number (a JSON number, not a string)";
            case ArgumentType.Count:
                return given.JsonType == "number" && long.TryParse(given.Text, NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n <= int.MaxValue
                    ? null : "a whole number of zero or more (a JSON number)";
            case ArgumentType.Words:
                return given.JsonType == "list" && given.Items.Count > 0 && given.Items.All(w => w.Length > 0 && w.IndexOf(' ') < 0) ? null : "a non-empty list of words (a JSON array of strings)";
            case ArgumentType.Placeholder:
                if (given.JsonType != "string") return "a placeholder's name, as a string";
                return placeholders.Contains(given.Text) ? null : $"a placeholder of the layout's paths ({Listed(placeholders)})";
            case ArgumentType.Dimension:
                if (given.JsonType != "string") return "a dimension's symbol, as a string";
                return dimensions.Contains(given.Text) ? null : $"a declared dimension ({Listed(dimensions)})";
            case ArgumentType.Flag:
                return given.JsonType == "boolean" ? null : "true or false";
            case ArgumentType.Severity:
                return given.JsonType == "string" && given.Text is "error" or "warning" ? null : "\"error\" or \"warning\"";
            case ArgumentType.Text:
                return given.JsonType == "string" && given.Text.Length > 0 ? null : "a non-empty string";
            default:
                return "of a type the generator does not know";
        }
    }

    internal static string Literal(ArgumentType type, DatasetRuleArgument value) => type switch
    {
        ArgumentType.Number => Naming.Double(double.Parse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture)),
        ArgumentType.Count => value.Text,
        ArgumentType.Flag => value.Text,
        ArgumentType.Severity => value.Text == "warning" ? "global::Codec.Runtime.Findings.Severity.Warning" : "global::Codec.Runtime.Findings.Severity.Error",
        ArgumentType.Words => "new string[] { " + string.Join(", ", value.Items.Select(Naming.Literal)) + " }",
        _ => Naming.Literal(value.Text),
    };

    internal static string Written(DatasetRuleArgument given) => given.JsonType switch
    {
        "string" => "\"" + given.Text + "\"",
        "list" => "[" + string.Join(", ", given.Items.Select(i => "\"" + i + "\"")) + "]",
        "other" => "as neither a string, a number, a boolean nor a list of strings",
        _ => given.Text,
    };

    private static string Listed(HashSet<string> names) => names.Count == 0 ? "none" : string.Join(", ", names.OrderBy(n => n, System.StringComparer.Ordinal));

    // "/a" encloses "/a/b" ("" encloses every other pointer).
    private static bool Encloses(string outer, string inner) => inner.Length > outer.Length && inner.StartsWith(outer + "/", System.StringComparison.Ordinal);
}
