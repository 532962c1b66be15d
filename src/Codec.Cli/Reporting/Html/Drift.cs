namespace Codec.Cli.Reporting.Html;

/// <summary>How one distribution moved from the baseline run to this one.</summary>
/// <param name="Change">A one-line summary (means, or the categories whose share moved most).</param>
/// <param name="Distance">Kolmogorov–Smirnov distance for numbers, total variation distance for categories (0 same, 1 disjoint).</param>
/// <param name="Moved">Whether the distance is beyond what sampling alone explains (and at least <see cref="Drift.MinDistance"/>).</param>
public sealed record DistributionDrift(string Name, long Before, long After, string Change, double Distance, bool Moved);

/// <summary>How one finding code's count moved.</summary>
public sealed record CodeDrift(string Code, long Before, long After)
{
    public bool Moved => Before != After;
}

/// <summary>
/// What moved between an earlier delivery (the baseline) and this one: every distribution the report draws and every
/// finding code's count. Numbers are compared with the two-sample Kolmogorov–Smirnov distance, flagged when beyond
/// its 1% critical value; categories with the total variation distance of their shares, flagged from 0.1.
/// </summary>
public static class Drift
{
    /// <summary>Smaller distances are never flagged, however many renders (a million renders make every wobble significant).</summary>
    public const double MinDistance = 0.05;

    /// <summary>Categories whose shares differ by this much in total are flagged.</summary>
    public const double CategoryDistance = 0.1;

    public static IReadOnlyList<DistributionDrift> Distributions(RunStats before, RunStats after)
    {
        var drifts = new List<DistributionDrift>();
        foreach (var (name, unit) in RunStats.NumberNames)
        {
            var a = before.Numbers[name];
            var b = after.Numbers[name];
            if (a.Count == 0 && b.Count == 0) continue;
            if (a.Count == 0 || b.Count == 0)
            {
                drifts.Add(new DistributionDrift(name, a.Count, b.Count, a.Count == 0 ? "new in this run" : "absent from this run", 1, true));
                continue;
            }

            double d = KolmogorovSmirnov(a, b);
            double critical = 1.628 * Math.Sqrt((a.Count + b.Count) / ((double)a.Count * b.Count));
            string change = $"mean {Html.Number(a.Average())} → {Html.Number(b.Average())} {unit}, median {Html.Number(RunStats.Quantile(a, 0.5))} → {Html.Number(RunStats.Quantile(b, 0.5))} {unit}".Replace("  ", " ", StringComparison.Ordinal).TrimEnd();
            drifts.Add(new DistributionDrift(name, a.Count, b.Count, change, d, d > Math.Max(critical, MinDistance)));
        }

        foreach (var name in RunStats.CategoryNames)
        {
            var a = before.Categories[name];
            var b = after.Categories[name];
            long na = a.Values.Sum(), nb = b.Values.Sum();
            if (na == 0 && nb == 0) continue;
            if (na == 0 || nb == 0)
            {
                drifts.Add(new DistributionDrift(name, na, nb, na == 0 ? "new in this run" : "absent from this run", 1, true));
                continue;
            }

            var shifts = a.Keys.Union(b.Keys)
                .Select(k => (Key: k, From: a.GetValueOrDefault(k) / (double)na, To: b.GetValueOrDefault(k) / (double)nb))
                .OrderByDescending(s => Math.Abs(s.To - s.From)).ToList();
            double tvd = shifts.Sum(s => Math.Abs(s.To - s.From)) / 2;
            string change = string.Join(", ", shifts.Take(3).Where(s => s.From != s.To).Select(s => $"{s.Key} {s.From:P0} → {s.To:P0}"));
            drifts.Add(new DistributionDrift(name, na, nb, change.Length == 0 ? "the same shares" : change, tvd, tvd >= CategoryDistance));
        }

        return drifts;
    }

    public static IReadOnlyList<CodeDrift> Codes(RunStats before, RunStats after)
    {
        var a = before.Codes.ToDictionary(c => c.Code, c => c.Findings);
        var b = after.Codes.ToDictionary(c => c.Code, c => c.Findings);
        return a.Keys.Union(b.Keys).Order(StringComparer.Ordinal)
            .Select(code => new CodeDrift(code, a.GetValueOrDefault(code), b.GetValueOrDefault(code)))
            .OrderByDescending(c => Math.Abs(c.After - c.Before)).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>The largest distance between the two samples' empirical distribution functions.</summary>
    public static double KolmogorovSmirnov(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var x = a.Order().ToArray();
        var y = b.Order().ToArray();
        int i = 0, j = 0;
        double d = 0;
        while (i < x.Length && j < y.Length)
        {
            double v = Math.Min(x[i], y[j]);
            while (i < x.Length && x[i] <= v) i++;
            while (j < y.Length && y[j] <= v) j++;
            d = Math.Max(d, Math.Abs(((double)i / x.Length) - ((double)j / y.Length)));
        }

        return d;
    }
}
