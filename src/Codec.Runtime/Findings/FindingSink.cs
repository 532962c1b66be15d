namespace Codec.Runtime.Findings;

/// <summary>
/// Collects findings for one document. Reusable: <see cref="Reset"/> keeps the list's capacity, so a
/// clean document costs no allocation. Caps the count so a hostile file cannot flood memory.
/// </summary>
public sealed class FindingSink
{
    private readonly List<Finding> _findings = new();
    private LineIndex _lines;

    public FindingSink(int maxFindings = 1000) => MaxFindings = maxFindings;

    /// <summary>Findings past this count are dropped, counted by severity, and summarised by one <see cref="FindingCodes.TooManyFindings"/> warning.</summary>
    public int MaxFindings { get; }

    /// <summary>The listed findings, ended (when some were dropped) by one warning that counts the rest.</summary>
    public IReadOnlyList<Finding> Findings => Dropped == 0 ? _findings : [.. _findings, Unlisted.CutShortFinding(_findings.Count)];
    public int ErrorCount { get; private set; }
    public int WarningCount { get; private set; }
    public int Count => _findings.Count;
    public bool HasErrors => ErrorCount > 0;

    /// <summary>Dropped findings, beyond <see cref="MaxFindings"/>.</summary>
    public int Dropped { get; private set; }

    /// <summary>The dropped findings by severity: counted in a report's totals, not listed.</summary>
    public FindingCounts Unlisted { get; private set; }

    public void Reset()
    {
        _findings.Clear();
        ErrorCount = 0;
        WarningCount = 0;
        Dropped = 0;
        Unlisted = default;
        _lines = default;
    }

    /// <summary>
    /// Starts a new document: byte offsets reported from now on refer to it (line and column are computed
    /// incrementally, so the previous document's position must be forgotten).
    /// </summary>
    public void StartDocument() => _lines = default;

    /// <summary>Where the list stands now, to <see cref="Rewind"/> to later.</summary>
    public FindingMark Mark() => new(_findings.Count, ErrorCount, WarningCount, Dropped, Unlisted);

    /// <summary>
    /// Forgets every finding since <paramref name="mark"/> — used when a document turns out to be something else
    /// entirely (another product), where one finding saying so beats a wall of structural ones.
    /// </summary>
    public void Rewind(FindingMark mark)
    {
        if (mark.Count > _findings.Count) throw new ArgumentOutOfRangeException(nameof(mark), "the mark is from a later state or another document");
        _findings.RemoveRange(mark.Count, _findings.Count - mark.Count);
        ErrorCount = mark.Errors;
        WarningCount = mark.Warnings;
        Dropped = mark.Dropped;
        Unlisted = mark.Unlisted;
    }

    /// <summary>
    /// Turns the errors reported since <paramref name="mark"/> into warnings that say why (a rule the schema marks
    /// as a known producer bug of the version): still visible, no longer failing the file.
    /// </summary>
    public void DowngradeSince(FindingMark mark, string reason)
    {
        for (int i = mark.Count; i < _findings.Count; i++)
        {
            var f = _findings[i];
            if (f.Severity != Severity.Error) continue;
            _findings[i] = f with { Severity = Severity.Warning, Message = reason + ": " + f.Message };
            ErrorCount--;
            WarningCount++;
        }
    }

    /// <summary>Reports an error located at a byte offset of a binary file (<see cref="Finding.Offset"/>).</summary>
    public void ReportAt(string code, string path, long offset, string message) =>
        Add(new Finding(code, Severity.Error, path, message) { Offset = offset });

    public void Report(string code, Severity severity, string path, string message) =>
        Add(new Finding(code, severity, path, message));

    /// <summary>Reports a finding located at a byte offset of <paramref name="document"/>.</summary>
    public void Report(string code, Severity severity, string path, string message, ReadOnlySpan<byte> document, int offset)
    {
        var (line, column) = _lines.Locate(document, offset);
        Add(new Finding(code, severity, path, message, line, column) { Offset = offset });
    }

    public void Add(Finding finding)
    {
        if (finding.Severity == Severity.Error) ErrorCount++;
        else if (finding.Severity == Severity.Warning) WarningCount++;
        if (_findings.Count < MaxFindings)
        {
            _findings.Add(finding);
            return;
        }

        // The list ends with one finding saying so; its counts are written when the document is done (see Findings).
        Dropped++;
        Unlisted = Unlisted.Add(finding.Severity);
    }
}

/// <summary>A position in a <see cref="FindingSink"/>'s list (see <see cref="FindingSink.Mark"/>).</summary>
public readonly record struct FindingMark(int Count, int Errors, int Warnings, int Dropped, FindingCounts Unlisted);
