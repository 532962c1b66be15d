using System.Diagnostics.CodeAnalysis;
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
/// Finding codes with their documentation, read from the classes that register them (<see cref="FindingCodes"/> and
/// the code classes of the layers above), in family order then by number. The built-in catalog is the single source
/// of <c>codec explain</c>, <c>docs/findings.md</c>, the SARIF rules and the HTML report's code table.
/// </summary>
public sealed class FindingCatalog
{
    // The order the families are listed in, which is the order readers meet them (the native build keeps no metadata
    // tokens, so the declaration order cannot be read back).
    public const string Families = "JSRKVBFXD";

    private readonly List<FieldInfo> _fields;
    private readonly Lazy<IReadOnlyList<FindingDoc>> _docs;
    private readonly Lazy<Dictionary<string, FindingDoc>> _byCode;

    private FindingCatalog(List<FieldInfo> fields)
    {
        _fields = fields;
        _docs = new(Load);
        _byCode = new(() => _docs.Value.ToDictionary(d => d.Code, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>A catalog of the codes the static class <paramref name="codes"/> registers (its public string constants).</summary>
    public static FindingCatalog Of([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] Type codes) => new([.. CodesOf(codes)]);

    /// <summary>This catalog with the codes <paramref name="codes"/> registers too.</summary>
    public FindingCatalog And([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] Type codes) => new([.. _fields, .. CodesOf(codes)]);

    public IReadOnlyList<FindingDoc> All => _docs.Value;

    /// <summary>The documentation of <paramref name="code"/> (any case), or null for a code that does not exist.</summary>
    public FindingDoc? Find(string code) => _byCode.Value.GetValueOrDefault(code);

    /// <summary>Every code's value, documented or not.</summary>
    public IReadOnlyList<string> Codes => _fields.Select(f => (string)f.GetRawConstantValue()!).ToList();

    /// <summary>Constants without a <see cref="FindingAttribute"/>: none in a release (a test keeps it so).</summary>
    public IReadOnlyList<string> Undocumented() => _fields.Where(f => f.GetCustomAttribute<FindingAttribute>() is null).Select(f => f.Name).ToList();

    private static IEnumerable<FieldInfo> CodesOf([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string));

    // By family, then by number.
    private IReadOnlyList<FindingDoc> Load() => _fields
        .OrderBy(f => Families.IndexOf(((string)f.GetRawConstantValue()!)[0])).ThenBy(f => (string)f.GetRawConstantValue()!, StringComparer.Ordinal)
        .Select(f => (Field: f, Doc: f.GetCustomAttribute<FindingAttribute>()))
        .Where(x => x.Doc is not null)
        .Select(x => new FindingDoc((string)x.Field.GetRawConstantValue()!, x.Field.Name, x.Doc!.Severity, x.Doc.AlsoAs, x.Doc.Meaning, x.Doc.Action, x.Doc.Example))
        .ToList();
}
