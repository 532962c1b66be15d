using Codec.Runtime.Datasets;
using Codec.Runtime.Findings;

namespace Codec.Formats.Datasets;

/// <summary>
/// Unifies symbolic dimensions across files: the first file to show a dimension binds it (per shot for per-shot
/// dimensions such as F), and every later file that disagrees gets an error naming the file that bound it.
/// </summary>
public sealed class DimensionBinder
{
    private readonly IReadOnlyDictionary<string, DimensionSpec> _dimensions;
    private readonly Dictionary<string, (long Value, string Source)> _bound = new(StringComparer.Ordinal);

    public DimensionBinder(DatasetContract contract) => _dimensions = contract.Dimensions.ToDictionary(d => d.Symbol);

    /// <summary>A global dimension's value, or null when no file showed it.</summary>
    public long? Get(string symbol, string? shot = null) =>
        _bound.TryGetValue(Key(symbol, shot), out var b) ? b.Value : null;

    public long? Evaluate(DimensionExpression? expression, string? shot = null) =>
        expression is not { } e ? null : e.IsConstant ? e.Offset : Get(e.Symbol!, shot) is { } v ? e.Evaluate(v) : null;

    /// <summary>Binds or checks every symbolic entry of an observed shape.</summary>
    public void Observe(IReadOnlyList<DimensionExpression>? expected, IReadOnlyList<long>? shape, string? shot, string source, FileFacts facts, string where)
    {
        if (expected is null || shape is null || shape.Count != expected.Count) return;
        for (int i = 0; i < shape.Count; i++)
        {
            var e = expected[i];
            if (e.IsConstant) continue;
            Observe(e, shape[i], shot, source, facts, where, $"dimension {i} of shape ({string.Join(", ", shape)})");
        }
    }

    /// <summary>Binds or checks one expression against an observed size.</summary>
    public void Observe(DimensionExpression e, long observed, string? shot, string source, FileFacts facts, string where, string what)
    {
        if (e.Symbol is null || !_dimensions.TryGetValue(e.Symbol, out var dimension)) return;
        if (dimension.PerShot && shot is null) return;
        string key = Key(e.Symbol, dimension.PerShot ? shot : null);
        long value = e.Solve(observed);
        if (!_bound.TryGetValue(key, out var bound))
        {
            _bound[key] = (value, source);
            return;
        }

        if (bound.Value != value)
        {
            string shotText = dimension.PerShot ? $" of shot {shot}" : "";
            facts.Error(FindingCodes.DimensionMismatch, where,
                $"{what} makes {e.Symbol} ({dimension.Description}{shotText}) {value}, but {bound.Source} makes it {bound.Value}");
        }
    }

    private static string Key(string symbol, string? shot) => shot is null ? symbol : symbol + "@" + shot;
}
