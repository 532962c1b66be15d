namespace Codec.Runtime.Findings;

/// <summary>How serious a finding is. Only <see cref="Error"/> makes <c>codec validate</c> fail.</summary>
public enum Severity
{
    Info = 0,
    Warning = 1,
    Error = 2,
}
