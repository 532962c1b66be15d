using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Codec.Generators.Diagnostics;
using Codec.Generators.Model;
using Codec.Generators.Reading;

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
    private static readonly HashSet<string> Kinds = new() { "wav", "npy", "npz", "pc2", "maya", "json" };
    private static readonly HashSet<string> FieldTypes = new() { "int", "number", "int[]", "number[]" };

    /// <summary>What a dataset rule argument holds; the schema writes it as that JSON type.</summary>
    internal enum ArgumentType
    {
        /// <summary>A file of the dataset, or a file and an archive member (<c>bs_data/bs_skin.npz#neutral</c>).</summary>
        Path,
        /// <summary>A finite number, written as a JSON number.</summary>
        Number,
        /// <summary>A whole number of zero or more, written as a JSON number.</summary>
        Count,
        /// <summary>A non-empty list of words, written as a JSON array of strings.</summary>
        Words,
    }

    /// <summary>The named cross-file rules the runtime implements, with the arguments each needs and may take, typed.</summary>
    public static readonly IReadOnlyDictionary<string, (string[] Required, string[] Optional)> Rules = new Dictionary<string, (string[], string[])>
    {
        ["shots_agree"] = (new string[0], new string[0]),
        ["audio_duration"] = (new string[0], new[] { "defaultFps" }),
        ["aug_substring"] = (new string[0], new string[0]),
        ["blendshape_npz"] = (new[] { "npz" }, new[] { "config" }),
        ["same_values"] = (new[] { "a", "b" }, new[] { "tolerance" }),
        ["recommendations"] = (new string[0], new[] { "minShots", "minSeconds", "maxSeconds", "minShotsPerEmotion", "minFps", "emotions" }),
    };

    /// <summary>The type of every rule argument (names are unique across the rules).</summary>
    internal static readonly IReadOnlyDictionary<string, ArgumentType> ArgumentTypes = new Dictionary<string, ArgumentType>
    {
        ["defaultFps"] = ArgumentType.Number,
        ["npz"] = ArgumentType.Path,
        ["config"] = ArgumentType.Path,
        ["a"] = ArgumentType.Path,
        ["b"] = ArgumentType.Path,
        ["tolerance"] = ArgumentType.Number,
        ["minShots"] = ArgumentType.Count,
        ["minSeconds"] = ArgumentType.Number,
        ["maxSeconds"] = ArgumentType.Number,
        ["minShotsPerEmotion"] = ArgumentType.Count,
        ["minFps"] = ArgumentType.Number,
        ["emotions"] = ArgumentType.Words,
    };

    public static DatasetSpec? Check(DatasetDraft draft, List<DiagnosticInfo> diagnostics)
    {
        var spec = draft.Spec;
        int before = diagnostics.Count;
        void Error(string at, string message)
        {
            var position = draft.Positions.TryGetValue(at, out var p) ? p : draft.Positions.TryGetValue(Parent(at), out var q) ? q : default;
            diagnostics.Add(JsonObjectReader.Diag(draft.Source, DiagnosticDescriptors.BadDataset.Id, position, 1, at, message));
        }

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
        for (int f = 0; f < spec.Folders.Count; f++)
        {
            var folder = spec.Folders[f];
            string at = $"/folders/{f}";
            var segments = folder.Path.Split('/');
            if (!paths.Add(folder.Path)) Error(at, $"folder '{folder.Path}' is declared twice");
            if (segments.Any(s => s.Length == 0 || s == "." || s == "..")) Error(at, $"'{folder.Path}' is not a relative folder path");
            var placeholders = segments.Where(s => s.StartsWith("{", System.StringComparison.Ordinal)).ToList();
            if (placeholders.Count > 1 || placeholders.Any(p => p is not ("{shot}" or "{voice}")))
                Error(at, "a folder path may have one placeholder segment, {shot} or {voice}");
            if (folder.Strays is not (null or "error" or "warning")) Error(at + "/strays", "strays are \"error\" or \"warning\"");

            for (int i = 0; i < folder.Files.Count; i++)
            {
                var file = folder.Files[i];
                string fileAt = $"{at}/files/{i}";
                if (!Kinds.Contains(file.Kind)) Error(fileAt + "/kind", $"unknown kind '{file.Kind}'; known: {string.Join(", ", Kinds)}");
                if (file.Name.Contains("/") || (file.Name.Contains("{") && !file.Name.Contains("{shot}"))) Error(fileAt, $"'{file.Name}' is not a file name ({{shot}} is the only placeholder)");
                if (file.DType is { } dtype && !DType.IsMatch(dtype)) Error(fileAt, $"'{dtype}' is not a NumPy dtype string (<f4, |S, <i4)");
                foreach (var entry in file.Shape ?? EquatableArray<string>.Empty) CheckExpression(entry, fileAt + "/shape");
                for (int m = 0; m < file.Members.Count; m++)
                {
                    var member = file.Members[m];
                    string memberAt = $"{fileAt}/members/{m}";
                    if (file.Kind != "npz") Error(memberAt, "members belong to npz files");
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
                    if (!FieldTypes.Contains(field.Type)) Error(fieldAt + "/type", $"unknown field type '{field.Type}'; known: {string.Join(", ", FieldTypes)}");
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

        for (int r = 0; r < spec.Rules.Count; r++)
        {
            var rule = spec.Rules[r];
            string at = $"/rules/{r}";
            if (!Rules.TryGetValue(rule.Name, out var signature))
            {
                Error(at, $"unknown rule '{rule.Name}'; known: {string.Join(", ", Rules.Keys.OrderBy(k => k, System.StringComparer.Ordinal))}");
                continue;
            }

            if (rule.Severity is not ("error" or "warning")) Error(at + "/severity", "severity is \"error\" or \"warning\"");
            var given = new List<string>();
            for (int i = 0; i + 1 < rule.Arguments.Count; i += 2) given.Add(rule.Arguments[i]);
            foreach (var required in signature.Required.Where(x => !given.Contains(x))) Error(at, $"rule '{rule.Name}' needs '{required}'");
            foreach (var extra in given.Where(x => !signature.Required.Contains(x) && !signature.Optional.Contains(x)))
                Error($"{at}/{extra}", $"rule '{rule.Name}' takes no '{extra}'; it takes {string.Join(", ", signature.Required.Concat(signature.Optional))}");
            for (int i = 0; i + 1 < rule.Arguments.Count; i += 2)
            {
                string name = rule.Arguments[i], value = rule.Arguments[i + 1];
                if (!ArgumentTypes.TryGetValue(name, out var type)) continue;
                string written = draft.ArgumentKinds.TryGetValue($"{at}/{name}", out var k) ? k : "string";
                string? problem = type switch
                {
                    ArgumentType.Path when written != "string" || value.Length == 0 => "a file of the dataset, as a string",
                    ArgumentType.Number when written != "number" || !double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double n) || double.IsInfinity(n) || double.IsNaN(n) => "a number (a JSON number, not a string)",
                    ArgumentType.Count when written != "number" || !long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _) => "a whole number of zero or more (a JSON number)",
                    ArgumentType.Words when written != "list" || value.Length == 0 => "a non-empty list of words (a JSON array of strings)",
                    _ => null,
                };
                if (problem is not null) Error($"{at}/{name}", $"'{name}' of rule '{rule.Name}' is {problem}; it is written {(written == "string" ? "\"" + value + "\"" : value)}");
            }
        }

        return diagnostics.Count > before ? null : spec;
    }

    private static string Parent(string at) => at.Contains("/") ? at.Substring(0, at.LastIndexOf('/')) : at;
}
