using Codec.Formats.Findings;
using Codec.Runtime.Findings;

namespace Codec.Formats.Datasets;

/// <summary>
/// Unifies symbolic dimensions across files: the first file to show a dimension binds it (per instance for a
/// dimension declared per a placeholder, such as F per shot), and every later file that disagrees gets an error
/// naming the file that bound it.
/// </summary>
public sealed class DimensionBinder
{
    private readonly IReadOnlyDictionary<string, DimensionSpec> _dimensions;
    private readonly Dictionary<string, (long Value, string Source)> _bound = new(StringComparer.Ordinal);

    public DimensionBinder(DatasetContract contract) => _dimensions = contract.Dimensions.ToDictionary(d => d.Symbol);

    /// <summary>A dimension's value (for one declared per a placeholder, that of <paramref name="instance"/>), or null when no file showed it.</summary>
    public long? Get(string symbol, string? instance = null) =>
        _bound.TryGetValue(Key(symbol, instance), out var b) ? b.Value : null;

    /// <summary>An expression's value where its dimension is bound, for a file with <paramref name="bindings"/>.</summary>
    public long? Evaluate(DimensionExpression? expression, IReadOnlyList<KeyValuePair<string, string>> bindings)
    {
        if (expression is not { } e) return null;
        if (e.IsConstant) return e.Offset;
        string? instance = _dimensions.TryGetValue(e.Symbol!, out var d) && d.Per is { } per ? DatasetFile.Lookup(bindings, per) : null;
        return Get(e.Symbol!, instance) is { } v ? e.Evaluate(v) : null;
    }

    /// <summary>Binds or checks every symbolic entry of an observed shape, in a file with <paramref name="bindings"/>.</summary>
    public void Observe(IReadOnlyList<DimensionExpression>? expected, IReadOnlyList<long>? shape, IReadOnlyList<KeyValuePair<string, string>> bindings, string source, FileFacts facts, string where)
    {
        if (expected is null || shape is null || shape.Count != expected.Count) return;
        for (int i = 0; i < shape.Count; i++)
        {
            var e = expected[i];
            if (e.IsConstant) continue;
            Observe(e, shape[i], bindings, source, facts, where, $"dimension {i} of shape ({string.Join(", ", shape)})");
        }
    }

    /// <summary>Binds or checks one expression against an observed size.</summary>
    public void Observe(DimensionExpression e, long observed, IReadOnlyList<KeyValuePair<string, string>> bindings, string source, FileFacts facts, string where, string what)
    {
        if (e.Symbol is null || !_dimensions.TryGetValue(e.Symbol, out var dimension)) return;
        string? instance = dimension.Per is { } per ? DatasetFile.Lookup(bindings, per) : null;
        if (dimension.Per is not null && instance is null) return;
        string key = Key(e.Symbol, instance);
        long value = e.Solve(observed);
        if (!_bound.TryGetValue(key, out var bound))
        {
            _bound[key] = (value, source);
            return;
        }

        if (bound.Value != value)
        {
            string shotText = dimension.Per is { } perName ? $", {perName} {instance}" : "";
            facts.Error(DatasetFindingCodes.DimensionMismatch, where,
                $"{what} makes {e.Symbol} ({dimension.Description}{shotText}) {value}, but {bound.Source} makes it {bound.Value}");
        }
    }

    private static string Key(string symbol, string? instance) => instance is null ? symbol : symbol + "@" + instance;
}
