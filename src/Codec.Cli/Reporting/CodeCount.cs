using Codec.Formats.Validation;
using Codec.Runtime.Findings;

namespace Codec.Cli.Reporting;

/// <summary>One code's count in a run (<see cref="RunTally.Codes"/>): its most serious severity, its findings and the files they are in.</summary>
public sealed record CodeCount(string Code, Severity Severity, long Findings, int Files);
