using Codec.Runtime.Semantics;
using System.Globalization;
using Codec.Formats.Findings;
using Codec.Runtime.Findings;

namespace Codec.Formats.Datasets;

/// <summary>
/// Checks a JSON file's declared fields as its generated decoder read them: presence, range, allowed values, lengths
/// and index bounds (types were checked while decoding).
/// </summary>
public static class JsonFieldChecker
{
    public static void Check(FileFacts facts, DimensionBinder dimensions)
    {
        if (facts.JsonValues is not { } values) return;
        var spec = facts.File.Spec;
        var lengths = new Dictionary<string, int>(StringComparer.Ordinal);
        // A pointer may carry a hard and a soft bound (3 rigid vertices or NVIDIA fails, 4 as NVIDIA's guide asks): one finding.
        var tooShort = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in spec.Fields)
        {
            void Report(string at, string message) => facts.Findings.Add(new Finding(DatasetFindingCodes.BadField, field.Severity, at, message));

            string at = field.Pointer.Length == 0 ? "/" : field.Pointer;
            if (values.IsUnreadable(field.Slot)) continue;
            if (values.Numbers(field.Slot) is not { } numbers)
            {
                if (field.Required) Report(at, $"{at} is missing ({field.Type.Expected()} expected)");
                continue;
            }

            bool isArray = field.Type.IsList();
            if (isArray) lengths[field.Pointer] = numbers.Length;
            for (int i = 0; i < numbers.Length; i++)
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

            if (field.MinItems > 0 && numbers.Length < field.MinItems && tooShort.Add(field.Pointer))
                Report(at, $"{at} has {numbers.Length} entries; at least {field.MinItems} are needed");
            if (dimensions.Evaluate(field.EqualsDimension, facts.File.Bindings) is { } expected && numbers.Length == 1 && numbers[0] != expected)
                Report(at, $"{at} is {F(numbers[0])}, but {field.EqualsDimension} is {expected} (from the other files)");
            if (isArray && dimensions.Evaluate(field.Length, facts.File.Bindings) is { } length && numbers.Length != length)
                Report(at, $"{at} has {numbers.Length} entries; {field.Length} is {length}");
            if (dimensions.Evaluate(field.IndexBelow, facts.File.Bindings) is { } bound)
            {
                int bad = Array.FindIndex(numbers, n => n < 0 || n >= bound);
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

    private static string F(double v) => v.ToString(CultureInfo.InvariantCulture);
}
