namespace Codec.Runtime.Findings;

/// <summary>
/// The documentation of one finding code, written once beside its constant in <see cref="FindingCodes"/>: what it
/// means, how serious it usually is, what to do about it and an example of its message. The catalog
/// (<see cref="FindingCatalog"/>), <c>codec explain</c>, <c>docs/findings.md</c>, the SARIF rules and the HTML report
/// all read it from here.
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false)]
public sealed class FindingAttribute(Severity severity, string meaning, string action) : Attribute
{
    /// <summary>The severity the code is usually reported with.</summary>
    public Severity Severity { get; } = severity;

    /// <summary>One sentence: what the finding says about the file.</summary>
    public string Meaning { get; } = meaning;

    /// <summary>What to do about it.</summary>
    public string Action { get; } = action;

    /// <summary>A typical message, as a report prints it (path and message).</summary>
    public string Example { get; set; } = "";

    /// <summary>Other severities the same code is reported with in some cases (the docs say when).</summary>
    public Severity[] AlsoAs { get; set; } = [];
}
