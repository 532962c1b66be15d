using Codec.Runtime.Collections;
using Codec.Runtime.Findings;
using Codec.Runtime.Text;

namespace Codec.Runtime.Semantics;

/// <summary>
/// <c>unique</c>: a key (an integer id or a name) must not repeat within one list. Reusable: the sets keep their
/// capacity between documents, so clean files allocate nothing.
/// </summary>
public sealed class UniqueKeys
{
    private readonly HashSet<long> _numbers = new();
    private readonly HashSet<Utf8Text> _texts = new();

    public void Begin()
    {
        _numbers.Clear();
        _texts.Clear();
    }

    public void Check(long key, bool repeatIsKnownBug, FindingSink sink, RulePath path)
    {
        if (!_numbers.Add(key)) ReportRepeat(key.ToString(System.Globalization.CultureInfo.InvariantCulture), repeatIsKnownBug, sink, path);
    }

    public void Check(Utf8Text key, bool repeatIsKnownBug, FindingSink sink, RulePath path)
    {
        if (!_texts.Add(key)) ReportRepeat($"\"{key}\"", repeatIsKnownBug, sink, path);
    }

    private static void ReportRepeat(string key, bool knownBug, FindingSink sink, RulePath path)
    {
        if (knownBug)
        {
            sink.Report(FindingCodes.RepeatedId, Severity.Warning, path.ToString(),
                $"{key} repeats in this list; a known producer bug where the name, not the id, is the real key");
            return;
        }

        sink.Report(FindingCodes.DuplicateKey, Severity.Error, path.ToString(), $"{key} repeats in this list; it must be unique");
    }
}

/// <summary>Rules on name → value maps such as <c>segments_mapping</c>.</summary>
public static class MappingRules
{
    /// <summary>
    /// <c>dense_mapping</c>: <c>background</c> = 0, names unique, values unique and exactly 0..n−1 (real files number
    /// only the classes present in the scene, so gaps mean a broken file).
    /// </summary>
    public static void DenseMapping(NameValueMap map, FindingSink sink, RulePath path)
    {
        var entries = map.Entries;
        int n = entries.Length;
        if (!map.TryGetValue("background"u8, out long background))
        {
            sink.Report(FindingCodes.MappingNotDense, Severity.Error, path.ToString(), "mapping has no \"background\" entry");
        }
        else if (background != 0)
        {
            sink.Report(FindingCodes.MappingNotDense, Severity.Error, path.ToString() + "/background", $"\"background\" is {background}, expected 0");
        }

        // n is small (tens to hundreds); quadratic checks avoid any allocation.
        Span<bool> seen = n <= 1024 ? stackalloc bool[n] : new bool[n];
        for (int i = 0; i < n; i++)
        {
            long v = entries[i].Value;
            for (int j = 0; j < i; j++)
            {
                if (entries[j].Name.Equals(entries[i].Name))
                {
                    sink.Report(FindingCodes.DuplicateKey, Severity.Error, path.ToString(), $"name \"{entries[i].Name}\" appears more than once");
                }
            }

            if (v < 0 || v >= n)
            {
                sink.Report(FindingCodes.MappingNotDense, Severity.Error, path.ToString() + "/" + Escape(entries[i].Name.ToString()),
                    $"value {v} is outside 0..{n - 1}: values must number the {n} entries without gaps");
                continue;
            }

            if (seen[(int)v])
            {
                sink.Report(FindingCodes.MappingNotDense, Severity.Error, path.ToString() + "/" + Escape(entries[i].Name.ToString()),
                    $"value {v} is used by more than one name");
            }

            seen[(int)v] = true;
        }
    }

    private static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");
}
