using System.Collections.Generic;
using Codec.Generators.Model;
using Codec.Generators.Reading;

namespace Codec.Generators.Checking;

/// <summary>
/// How the checkers of dataset layouts and render contracts report: a diagnostic at the value a schema path names
/// (or, when the reader kept no position for it, its parent's).
/// </summary>
internal static class LocatedErrors
{
    public static System.Action<string, string> For(IReadOnlyDictionary<string, TextPosition> positions, SchemaSource source, string descriptorId, List<DiagnosticInfo> diagnostics) =>
        (at, message) =>
        {
            var position = positions.TryGetValue(at, out var p) ? p : positions.TryGetValue(Parent(at), out var q) ? q : default;
            diagnostics.Add(JsonObjectReader.Diag(source, descriptorId, position, 1, at, message));
        };

    /// <summary>The schema path one level up (<c>/rules/2</c> of <c>/rules/2/in</c>).</summary>
    public static string Parent(string at) => at.Contains("/") ? at.Substring(0, at.LastIndexOf('/')) : at;
}
