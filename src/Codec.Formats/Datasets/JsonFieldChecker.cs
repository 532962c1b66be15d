using Codec.Runtime.Semantics;
using System.Globalization;
using Codec.Formats.Findings;
using Codec.Runtime.Findings;
using Codec.Runtime.Json;

namespace Codec.Formats.Datasets;

/// <summary>Checks a JSON file's declared fields: presence, type, range, allowed values, lengths and index bounds.</summary>
public static class JsonFieldChecker
{
    public static void Check(FileFacts facts, DimensionBinder dimensions)
    {
        if (facts.Json is not { } root) return;
        var spec = facts.File.Spec;
        var lengths = new Dictionary<string, int>(StringComparer.Ordinal);
        // A pointer may carry a hard and a soft bound (3 rigid vertices or NVIDIA fails, 4 as NVIDIA's guide asks): one finding.
        var tooShort = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in spec.Fields)
        {
            void Report(string at, string message) => facts.Findings.Add(new Finding(DatasetFindingCodes.BadField, field.Severity, at, message));

            var value = root.At(field.Pointer);
            string at = field.Pointer.Length == 0 ? "/" : field.Pointer;
            if (value is not { } v)
            {
                if (field.Required) Report(at, $"{at} is missing ({field.Type} expected)");
                continue;
            }

            // The schema language's types: int, float, list<int>, list<float>.
            bool isArray = field.Type.StartsWith("list<", StringComparison.Ordinal);
            bool integers = field.Type is "int" or "list<int>";
            var numbers = new List<double>();
            if (isArray)
            {
                if (!v.IsArray)
                {
                    Report(at, $"{at} is {v.Describe()}, not an array of {(integers ? "integers" : "numbers")}");
                    continue;
                }

                int index = 0;
                bool ok = true;
                foreach (var item in v.Items)
                {
                    if (!Number(item, integers, out double n))
                    {
                        Report($"{field.Pointer}/{index}", $"{at}[{index}] is {item.Describe()}, not {(integers ? "an integer" : "a number")}");
                        ok = false;
                        break;
                    }

                    numbers.Add(n);
                    index++;
                }

                if (!ok) continue;
                lengths[field.Pointer] = numbers.Count;
            }
            else
            {
                if (!Number(v, integers, out double n))
                {
                    Report(at, $"{at} is {v.Describe()}, not {(integers ? "an integer" : "a number")}");
                    continue;
                }

                numbers.Add(n);
            }

            for (int i = 0; i < numbers.Count; i++)
            {
                double n = numbers[i];
                string where = isArray ? $"{field.Pointer}/{i}" : at;
                if (!ValueRange.Contains(n, field.Min, field.Max))
                {
                    Report(where, $"{where}: {ValueRange.Outside(n, field.Min, field.Max)}");
                    break;
                }

                if (field.Allowed.Count > 0 && !field.Allowed.Contains(n))
                {
                    Report(where, $"{where} is {F(n)}; allowed: {string.Join(", ", field.Allowed.Select(F))}");
                    break;
                }
            }

            if (field.MinItems > 0 && numbers.Count < field.MinItems && tooShort.Add(field.Pointer))
                Report(at, $"{at} has {numbers.Count} entries; at least {field.MinItems} are needed");
            if (dimensions.Evaluate(field.EqualsDimension, facts.File.Bindings) is { } expected && numbers.Count == 1 && numbers[0] != expected)
                Report(at, $"{at} is {F(numbers[0])}, but {field.EqualsDimension} is {expected} (from the other files)");
            if (isArray && dimensions.Evaluate(field.Length, facts.File.Bindings) is { } length && numbers.Count != length)
                Report(at, $"{at} has {numbers.Count} entries; {field.Length} is {length}");
            if (dimensions.Evaluate(field.IndexBelow, facts.File.Bindings) is { } bound)
            {
                int bad = numbers.FindIndex(n => n < 0 || n >= bound);
                if (bad >= 0)
                    Report(isArray ? $"{field.Pointer}/{bad}" : at, $"index {F(numbers[bad])} is outside 0..{bound - 1} ({field.IndexBelow} = {bound})");
            }
        }

        foreach (var (a, b) in spec.SameLength)
        {
            if (lengths.TryGetValue(a, out int la) && lengths.TryGetValue(b, out int lb) && la != lb)
                facts.Error(DatasetFindingCodes.BadField, a, $"{a} has {la} entries and {b} {lb}: they are paired one to one");
        }
    }

    private static bool Number(JsonNode e, bool integer, out double value)
    {
        value = 0;
        if (!e.IsNumber) return false;
        if (integer)
        {
            value = e.Integer;
            return e.IsInteger;
        }

        value = e.Number;
        return double.IsFinite(value);
    }

    private static string F(double v) => v.ToString(CultureInfo.InvariantCulture);
}
