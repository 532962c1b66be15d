using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Codec.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. IDs are stable: a retired ID is never reused. Messages name the schema
/// path (e.g. <c>/types/Camera/members/sensor</c>) so that the location and the words agree.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string SchemaCategory = "Codec.Schema";

    public static readonly DiagnosticDescriptor InvalidJson = Create("CODEC001", "Schema file is not valid JSON",
        "Schema file is not valid JSON: {0}", "Fix the JSON syntax at the reported position; schema files are strict JSON (no comments, no trailing commas).");

    public static readonly DiagnosticDescriptor MissingProperty = Create("CODEC002", "Schema is missing a required property",
        "Schema property '{0}' is required at {1}", "Add the property; see schemas/README.md for the schema language.");

    public static readonly DiagnosticDescriptor MalformedVersion = Create("CODEC003", "Malformed format version",
        "Version '{0}' is malformed: use digits separated by dots, such as \"1.5\"", "Versions are compared part by part, so they must be numbers separated by dots.");

    public static readonly DiagnosticDescriptor UnknownType = Create("CODEC004", "Unknown type",
        "Unknown type '{0}' at {1}; known: " + Model.TypeVocabulary.ModelWords + ", list<T> and the types declared under /types",
        "Declare the type under /types or fix its spelling.");

    public static readonly DiagnosticDescriptor DuplicateMember = Create("CODEC005", "Duplicate member",
        "'{0}' is declared more than once at {1}", "Each member, type or enum value may be declared once.");

    public static readonly DiagnosticDescriptor BadRange = Create("CODEC006", "Bad range or count bounds",
        "Bad bounds at {0}: {1}", "A range is [minimum, maximum] with minimum <= maximum on a numeric member; minItems/maxItems are non-negative integers on lists.");

    public static readonly DiagnosticDescriptor UnknownRule = Create("CODEC007", "Unknown semantic rule",
        "Unknown rule '{0}'; known rules: {1}", "Semantic rules are implemented once in Codec.Runtime.Semantics; use one of the listed names.");

    public static readonly DiagnosticDescriptor BadRuleArgument = Create("CODEC008", "Bad rule argument",
        "Rule '{0}': {1}", "Give each parameter a JSON pointer into the format, e.g. \"/camera/intrinsics\"; use '*' for every element of one list.");

    public static readonly DiagnosticDescriptor UnknownSchemaProperty = Create("CODEC009", "Unknown schema property",
        "Unknown schema property '{0}' at {1}", "Check the spelling against schemas/codec.schema.json: a key the language does not know is an error, never ignored.", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateVersion = Create("CODEC010", "Format version defined twice",
        "Format '{0}' version '{1}' is also defined in {2}", "Each format version must come from exactly one schema file.");

    public static readonly DiagnosticDescriptor InvalidValue = Create("CODEC011", "Invalid value for a schema property",
        "Invalid value at {0}: {1}", "See schemas/README.md for the allowed values.");

    public static readonly DiagnosticDescriptor Unsupported = Create("CODEC012", "Unsupported schema construct",
        "Unsupported at {0}: {1}", "Restructure the schema; the limits are listed in schemas/README.md.");

    public static readonly DiagnosticDescriptor NameCollision = Create("CODEC013", "Generated names collide",
        "At {0}: {1}", "Give one of the members an explicit C# name with \"name\".");

    public static readonly DiagnosticDescriptor GeneratorFailure = new("CODEC014", "Generator failed on a schema",
        "Codec generator failed on this schema: {0}", "Codec.Generator", DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "An internal error; please report it with the schema file. Diagnostics are listed in schemas/README.md.");

    public static readonly DiagnosticDescriptor UnknownParent = Create("CODEC015", "Parent version not found",
        "Version '{0}' of '{1}' derives from version '{2}', which no schema defines; known versions: {3}",
        "A derived version names an existing version of the same format in \"parent\".");

    public static readonly DiagnosticDescriptor InheritanceCycle = Create("CODEC016", "Versions derive from each other in a cycle",
        "Version '{0}' of '{1}' derives from itself: {2}", "Make one version of the chain a full schema (no \"parent\").");

    public static readonly DiagnosticDescriptor NoSuchMember = Create("CODEC017", "A change names something the parent does not have",
        "At {0}: {1}", "A derived version can only remove, rename or retype members (and remove rules) that it inherits; check the spelling against the parent.");

    public static readonly DiagnosticDescriptor UnknownConsumerVersion = Create("CODEC018", "No schema defines this format version",
        "Format '{0}' has no version '{1}'; versions that exist: {2}", "Use one of the listed versions, or add a schema file for the new version.");

    public static readonly DiagnosticDescriptor UnknownConsumerFormat = Create("CODEC019", "No schema defines this format",
        "No schema defines format '{0}'; formats that exist: {1}", "Check the format id, or add the schema files (as AdditionalFiles ending in .codec.json).");

    public static readonly DiagnosticDescriptor ConsumerNotPartial = Create("CODEC020", "A [CodecFormat] class must be partial",
        "Class '{0}' has [CodecFormat] but is not partial (and not nested in a non-partial type)", "Declare the class (and any containing types) 'partial' so the generator can add the decoder.");

    public static readonly DiagnosticDescriptor TableRowConflict = Create("CODEC021", "Reference table rows conflict",
        "At {0}: {1}", "Names are unique; an id repeats only on a row marked \"shares\": true (a deliberate merge); enum identifiers are unique C# identifiers.");

    public static readonly DiagnosticDescriptor BadLocationConstraint = Create("CODEC022", "Location constraint not understood",
        "Location constraint '{0}' at {1}: {2}", "Write P.x, (P.x+Q.x)/2, > P.x and < Q.x, > P.x or < P.x with feature points of this table, read on the column's axis; free text may follow \"or\".");

    public static readonly DiagnosticDescriptor UnknownTable = Create("CODEC023", "Unknown reference table",
        "Rule '{0}' names table '{1}', which no table schema in this compilation defines; known: {2}", "Add the table's *.codec.json to the project (tables are generated into the assembly that uses them) or fix the table id.");

    public static readonly DiagnosticDescriptor BadDataset = Create("CODEC024", "Dataset schema problem",
        "At {0}: {1}", "Dataset schemas name folders, files, dimensions and rules; see 'Dataset layouts' in schemas/README.md.");

    public static readonly DiagnosticDescriptor ViewProblem = Create("CODEC025", "View not declared or not satisfied",
        "At {0}: {1}", "A format's views file declares version-independent views; every version maps its members onto them under \"implements\" (a path, \".\" for the object itself, or null when the version lacks the value). See 'Views' in schemas/README.md.");

    public static readonly DiagnosticDescriptor BadRender = Create("CODEC026", "Render contract problem",
        "At {0}: {1}", "A render contract names the files of one render of an output folder, their kinds, the tolerances and the rules that apply to which files; see 'Adding a modality to a Synthesis render' in schemas/README.md.");

    public static readonly DiagnosticDescriptor BadImport = Create("CODEC027", "Type library not found or not importable",
        "At {0}: {1}", "\"imports\" names type libraries (files with \"library\") by their id; each type name may come from one library only. See 'Type libraries' in schemas/README.md.");

    private static readonly Dictionary<string, DiagnosticDescriptor> All = new()
    {
        [BadImport.Id] = BadImport,
        [BadRender.Id] = BadRender,
        [ViewProblem.Id] = ViewProblem,
        [BadDataset.Id] = BadDataset,
        [TableRowConflict.Id] = TableRowConflict,
        [BadLocationConstraint.Id] = BadLocationConstraint,
        [UnknownTable.Id] = UnknownTable,
        [UnknownParent.Id] = UnknownParent,
        [InheritanceCycle.Id] = InheritanceCycle,
        [NoSuchMember.Id] = NoSuchMember,
        [UnknownConsumerVersion.Id] = UnknownConsumerVersion,
        [UnknownConsumerFormat.Id] = UnknownConsumerFormat,
        [ConsumerNotPartial.Id] = ConsumerNotPartial,
        [InvalidJson.Id] = InvalidJson,
        [MissingProperty.Id] = MissingProperty,
        [MalformedVersion.Id] = MalformedVersion,
        [UnknownType.Id] = UnknownType,
        [DuplicateMember.Id] = DuplicateMember,
        [BadRange.Id] = BadRange,
        [UnknownRule.Id] = UnknownRule,
        [BadRuleArgument.Id] = BadRuleArgument,
        [UnknownSchemaProperty.Id] = UnknownSchemaProperty,
        [DuplicateVersion.Id] = DuplicateVersion,
        [InvalidValue.Id] = InvalidValue,
        [Unsupported.Id] = Unsupported,
        [NameCollision.Id] = NameCollision,
        [GeneratorFailure.Id] = GeneratorFailure,
    };

    public static DiagnosticDescriptor ById(string id) => All[id];

    private static DiagnosticDescriptor Create(string id, string title, string message, string description,
        DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        new(id, title, message, SchemaCategory, severity, isEnabledByDefault: true,
            description: description + " Every Codec diagnostic is described in schemas/README.md.");
}
