using Microsoft.CodeAnalysis;

namespace Codec.Generators.Model;

/// <summary>A diagnostic waiting to be reported, as equatable data.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo Location, EquatableArray<string> Arguments)
{
    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Diagnostics.DiagnosticDescriptors.ById(Id), Location.ToLocation(), Arguments.ToArrayOfObjects());
}

internal static class DiagnosticArgumentExtensions
{
    public static object[] ToArrayOfObjects(this EquatableArray<string> args)
    {
        var result = new object[args.Count];
        for (int i = 0; i < args.Count; i++) result[i] = args[i];
        return result;
    }
}
