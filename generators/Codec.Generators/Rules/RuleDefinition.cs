using System.Collections.Generic;
using System.Linq;
using Codec.Generators.Model;

namespace Codec.Generators.Rules;

/// <summary>Where a rule runs: inside one decoded document of a format, or across the files of a dataset.</summary>
internal enum RuleScope
{
    Format,
    Dataset,

    /// <summary>On one file of a render of an output folder, against the render's info.json and its other files.</summary>
    Render,
}

/// <summary>What a rule needs of the reference table it names, if any.</summary>
internal enum TableUse
{
    None,
    AnyTable,
    LocatedTable,
}

/// <summary>What a dataset rule's argument holds; the schema writes it as the JSON type named here.</summary>
internal enum ArgumentType
{
    /// <summary>A file or folder of the dataset, or a file and an archive member (<c>bs_data/bs_skin.npz#neutral</c>): a JSON string.</summary>
    Path,

    /// <summary>A finite number: a JSON number.</summary>
    Number,

    /// <summary>A whole number of zero or more: a JSON number.</summary>
    Count,

    /// <summary>A non-empty list of words: a JSON array of strings without spaces.</summary>
    Words,

    /// <summary>A placeholder the layout's paths use (<c>shot</c> for <c>{shot}</c>): a JSON string.</summary>
    Placeholder,

    /// <summary>A dimension the layout declares (<c>F</c>): a JSON string.</summary>
    Dimension,

    /// <summary>true or false: a JSON boolean.</summary>
    Flag,

    /// <summary><c>"error"</c> or <c>"warning"</c>.</summary>
    Severity,

    /// <summary>A non-empty name (an archive member's key): a JSON string.</summary>
    Text,

    /// <summary>Render rules: a file the render contract declares, by its name (<c>segments</c>): a JSON string.</summary>
    File,

    /// <summary>Render rules: a tolerance the render contract declares, by its name (<c>normalLength</c>): a JSON string.</summary>
    Tolerance,
}

/// <summary>
/// One parameter of a rule. A format rule's parameter is a JSON pointer into the format whose value has one of
/// <see cref="Kinds"/>; a dataset rule's is a typed value (<see cref="Type"/>), required unless it has a
/// <see cref="Default"/> (the JSON text the schema would write).
/// </summary>
internal sealed class RuleParameter
{
    public RuleParameter(string name, string description, ValueKind[]? kinds, bool perItem, ArgumentType type, string? defaultJson)
    {
        Name = name;
        Description = description;
        Kinds = kinds ?? new ValueKind[0];
        PerItem = perItem;
        Type = type;
        Default = defaultJson;
    }

    public string Name { get; }
    public string Description { get; }

    /// <summary>Format rules: the kinds of value the pointer may reach.</summary>
    public ValueKind[] Kinds { get; }

    /// <summary>Format rules: the pointer must run through the items of a list (<c>/points/*/id</c>).</summary>
    public bool PerItem { get; }

    /// <summary>Dataset rules: the argument's type.</summary>
    public ArgumentType Type { get; }

    /// <summary>Dataset rules: the value used when the schema leaves the argument out, as JSON; null when required.</summary>
    public string? Default { get; }

    public bool Required => Default is null;

    /// <summary>Dataset rules: the file arrays this argument names are kept for the rule (read once, compared later).</summary>
    public bool ReadsValues { get; init; }
}

/// <summary>
/// A rule, registered once: its name, what it checks (the documentation), the finding codes it reports, its typed
/// parameters and options, and the runtime call the generator emits for it. The schema checker, the emitters, the
/// JSON Schema and the schema documentation all follow this registration (tests hold the last two to it).
/// </summary>
/// <remarks>
/// <see cref="Call"/> is C# with holes: <c>{parameter}</c> for a format rule's value at its pointer or a dataset
/// rule's typed argument, and <c>{tolerance}</c>, <c>{path}</c> (where findings are reported), <c>{table}</c>,
/// <c>{idOffset}</c>, <c>{knownBug}</c>, <c>{knownOffset}</c>, <c>{state}</c> (the rule's per-validator state).
/// </remarks>
internal sealed class RuleDefinition
{
    private readonly List<RuleParameter> _parameters = new();

    public RuleDefinition(RuleScope scope, string name, string summary, params string[] codes)
    {
        Scope = scope;
        Name = name;
        Summary = summary;
        Codes = codes;
    }

    public RuleScope Scope { get; }
    public string Name { get; }

    /// <summary>What the rule checks, in the documentation's words (Markdown).</summary>
    public string Summary { get; }

    /// <summary>The finding codes the rule reports (<c>R301</c>).</summary>
    public string[] Codes { get; }

    public IReadOnlyList<RuleParameter> Parameters => _parameters;

    /// <summary>Format rules: the default tolerance, or null when the rule takes none.</summary>
    public double? DefaultTolerance { get; private set; }

    /// <summary>Format rules: the parameter whose pointer locates the findings.</summary>
    public string ReportAt { get; private set; } = "";

    public TableUse Table { get; private set; }

    /// <summary>
    /// Format rules: every rule takes <c>"knownBug": true</c>, which marks what it finds as a known producer bug of
    /// the version (reported as warnings); a rule that handles it itself (unique: repeats become <c>K404</c>) is given
    /// the flag as <c>{knownBug}</c>, any other is downgraded around its call.
    /// </summary>
    public bool HandlesKnownBug { get; private set; }

    /// <summary>Format rules: <c>"knownOffset"</c> bounds the deviation of listed ids, reported as warnings.</summary>
    public bool TakesKnownOffset { get; private set; }

    /// <summary>The runtime call, with holes (see the remarks).</summary>
    public string Call { get; private set; } = "";

    /// <summary>Format rules over a list: the type of the state kept across the list's items, or null.</summary>
    public string? State { get; private set; }

    /// <summary>Render rules: the kinds of render file the rule applies to (<c>image</c>, <c>mask</c>, <c>pass</c>, ...).</summary>
    public string[] FileKinds { get; private set; } = new string[0];

    /// <summary>Format rules with state: the call that reports once every item was seen, or null.</summary>
    public string? Finish { get; private set; }

    public RuleParameter? Parameter(string name) => _parameters.FirstOrDefault(p => p.Name == name);

    /// <summary>The options a format rule takes besides its pointer parameters, as the schema names them.</summary>
    public IEnumerable<string> Options()
    {
        if (DefaultTolerance is not null) yield return "tolerance";
        if (Table != TableUse.None)
        {
            yield return "table";
            yield return "idOffset";
        }

        yield return "knownBug";
        if (TakesKnownOffset) yield return "knownOffset";
    }

    // ------------------------------------------------------------------ registration

    /// <summary>A format rule's parameter: a pointer to a value of one of <paramref name="kinds"/>.</summary>
    public RuleDefinition Pointer(string name, string description, params ValueKind[] kinds) => Add(new RuleParameter(name, description, kinds, false, default, null));

    /// <summary>A format rule's parameter that must run through the items of a list.</summary>
    public RuleDefinition ItemPointer(string name, string description, params ValueKind[] kinds) => Add(new RuleParameter(name, description, kinds, true, default, null));

    /// <summary>A dataset rule's required argument.</summary>
    public RuleDefinition Argument(string name, ArgumentType type, string description, bool readsValues = false) =>
        Add(new RuleParameter(name, description, null, false, type, null) { ReadsValues = readsValues });

    /// <summary>A dataset rule's optional argument and the value it takes when left out (as JSON).</summary>
    public RuleDefinition Optional(string name, ArgumentType type, string defaultJson, string description) => Add(new RuleParameter(name, description, null, false, type, defaultJson));

    public RuleDefinition Tolerance(double value)
    {
        DefaultTolerance = value;
        return this;
    }

    public RuleDefinition ReportsAt(string parameter)
    {
        ReportAt = parameter;
        return this;
    }

    public RuleDefinition UsesTable(TableUse use)
    {
        Table = use;
        return this;
    }

    public RuleDefinition KnownBug()
    {
        HandlesKnownBug = true;
        return this;
    }

    public RuleDefinition KnownOffset()
    {
        TakesKnownOffset = true;
        return this;
    }

    public RuleDefinition AppliesTo(params string[] kinds)
    {
        FileKinds = kinds;
        return this;
    }

    public RuleDefinition Calls(string call)
    {
        Call = call;
        return this;
    }

    public RuleDefinition Keeps(string state, string? finish = null)
    {
        State = state;
        Finish = finish;
        return this;
    }

    private RuleDefinition Add(RuleParameter parameter)
    {
        _parameters.Add(parameter);
        return this;
    }
}
