namespace Codec.Runtime.Findings;

/// <summary>
/// How many findings of each severity there are. Used for the findings a report counts but does not list (past a
/// file's listing limit), so that its totals still count every one.
/// </summary>
public readonly record struct FindingCounts(long Errors, long Warnings, long Infos)
{
    public static FindingCounts None => default;

    public long Total => Errors + Warnings + Infos;

    public FindingCounts Add(Severity severity) => severity switch
    {
        Severity.Error => this with { Errors = Errors + 1 },
        Severity.Warning => this with { Warnings = Warnings + 1 },
        _ => this with { Infos = Infos + 1 },
    };

    public static FindingCounts operator +(FindingCounts a, FindingCounts b) => new(a.Errors + b.Errors, a.Warnings + b.Warnings, a.Infos + b.Infos);

    /// <summary>
    /// The one finding that says a listing was cut short: a warning, so that the file is not called clean and the
    /// cut is seen without <c>--info</c>.
    /// </summary>
    public Finding CutShortFinding(long listed) => new(FindingCodes.TooManyFindings, Severity.Warning, "",
        $"{Total} more findings ({Errors} errors, {Warnings} warnings, {Infos} info) are counted in the totals but not listed; {listed} are listed");
}
