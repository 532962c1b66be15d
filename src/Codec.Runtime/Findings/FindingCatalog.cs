using System.Reflection;

namespace Codec.Runtime.Findings;

/// <summary>One documented finding code (see <see cref="FindingAttribute"/>).</summary>
/// <param name="Code">The code, such as <c>R307</c>.</param>
/// <param name="Name">Its constant's name in <see cref="FindingCodes"/>, such as <c>ProjectionMismatch</c>.</param>
public sealed record FindingDoc(string Code, string Name, Severity Severity, IReadOnlyList<Severity> AlsoAs, string Meaning, string Action, string Example)
{
    /// <summary>"ProjectionMismatch" as words: "Projection mismatch".</summary>
    public string Title
    {
        get
        {
            var text = new System.Text.StringBuilder();
            foreach (char c in Name)
            {
                if (char.IsUpper(c) && text.Length > 0) text.Append(' ').Append(char.ToLowerInvariant(c));
                else text.Append(c);
            }

            return text.ToString();
        }
    }

    /// <summary>"error", or "error (or warning)" for a code reported at more than one severity.</summary>
    public string Severities => AlsoAs.Count == 0
        ? Severity.ToString().ToLowerInvariant()
        : $"{Severity.ToString().ToLowerInvariant()} (or {string.Join(", ", AlsoAs.Select(s => s.ToString().ToLowerInvariant()))})";

    /// <summary>The code's anchor in the catalog's Markdown and HTML: its lower-case code (<c>r307</c>).</summary>
    public string Anchor => Code.ToLowerInvariant();
}

/// <summary>
/// Every finding code with its documentation, read once from <see cref="FindingCodes"/>, in registration order. The single
/// source of <c>codec explain</c>, <c>docs/findings.md</c>, the SARIF rules and the HTML report's code table.
/// </summary>
public static class FindingCatalog
{
    private static readonly Lazy<IReadOnlyList<FindingDoc>> Docs = new(Load);
    private static readonly Lazy<Dictionary<string, FindingDoc>> ByCode = new(() => Docs.Value.ToDictionary(d => d.Code, StringComparer.OrdinalIgnoreCase));

    public static IReadOnlyList<FindingDoc> All => Docs.Value;

    /// <summary>The documentation of <paramref name="code"/> (any case), or null for a code that does not exist.</summary>
    public static FindingDoc? Find(string code) => ByCode.Value.GetValueOrDefault(code);

    /// <summary>Constants without a <see cref="FindingAttribute"/>: none in a release (a test keeps it so).</summary>
    public static IReadOnlyList<string> Undocumented() => Fields().Where(f => f.GetCustomAttribute<FindingAttribute>() is null).Select(f => f.Name).ToList();

    // The order the families are registered in, which is the order readers meet them (the native build keeps no
    // metadata tokens, so the declaration order cannot be read back).
    private const string Families = "JSRKVBFXD";

    // By family, then by number.
    private static IEnumerable<FieldInfo> Fields() =>
        typeof(FindingCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .OrderBy(f => Families.IndexOf(((string)f.GetRawConstantValue()!)[0])).ThenBy(f => (string)f.GetRawConstantValue()!, StringComparer.Ordinal);

    private static IReadOnlyList<FindingDoc> Load() => Fields()
        .Select(f => (Field: f, Doc: f.GetCustomAttribute<FindingAttribute>()))
        .Where(x => x.Doc is not null)
        .Select(x => new FindingDoc((string)x.Field.GetRawConstantValue()!, x.Field.Name, x.Doc!.Severity, x.Doc.AlsoAs, x.Doc.Meaning, x.Doc.Action, x.Doc.Example))
        .ToList();
}
