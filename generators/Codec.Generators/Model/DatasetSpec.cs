namespace Codec.Generators.Model;

/// <summary>A checked dataset layout, ready to emit as a <c>Codec.Formats.Datasets.DatasetContract</c>.</summary>
internal sealed record DatasetSpec(
    string DatasetId,
    string Namespace,
    string ClassName,
    string Title,
    string Description,
    string SchemaPath,
    EquatableArray<string> RecognizedBy,
    EquatableArray<DatasetDimensionSpec> Dimensions,
    EquatableArray<DatasetFolderSpec> Folders,
    EquatableArray<DatasetRuleSpec> Rules);

/// <summary>A symbolic dimension; <see cref="Per"/> names the placeholder it is unified per (<c>shot</c>), or null.</summary>
internal sealed record DatasetDimensionSpec(string Symbol, string? Per, string Description);

/// <summary>
/// <see cref="Strays"/>: "error", "warning", or null (entries no file claims are not reported);
/// <see cref="FilesBeside"/>: how files beside a placeholder folder's instances are reported (null: as strays).
/// </summary>
internal sealed record DatasetFolderSpec(string Path, bool Required, string Description, bool OneOf, string? Strays, string? FilesBeside, EquatableArray<DatasetFileSpec> Files);

/// <summary>One file of a folder; shapes and dimensions are kept as the schema writes them (<c>P+1</c>).</summary>
internal sealed record DatasetFileSpec(
    string Name,
    string Kind,
    bool Required,
    string Description,
    string? DType,
    EquatableArray<string>? Shape,
    bool Finite,
    double? Min,
    double? Max,
    int MinSampleRate,
    int MinBitsPerSample,
    EquatableArray<DatasetMemberSpec> Members,
    EquatableArray<DatasetFieldSpec> Fields,
    EquatableArray<string> SameLength);

internal sealed record DatasetMemberSpec(string Key, string? DType, EquatableArray<string>? Shape, bool Optional, EquatableArray<string> WarnDTypes, string? IndexBelow);

internal sealed record DatasetFieldSpec(
    string Pointer,
    string Type,
    bool Required,
    double? Min,
    double? Max,
    string? EqualsDimension,
    string? Length,
    int MinItems,
    EquatableArray<double> Allowed,
    string? IndexBelow,
    string Severity);

/// <summary>
/// A named cross-file rule as used: its arguments as written, and once checked, the registered call with every
/// argument (defaults included) filled in as C#, and the <c>path#member</c> arrays the rule compares.
/// </summary>
internal sealed record DatasetRuleSpec(string Name, string Severity, string Description, EquatableArray<DatasetRuleArgument> Arguments, string Call, EquatableArray<string> ValuesRead);

/// <summary>An argument as written: its JSON type (<c>string</c>, <c>number</c>, <c>boolean</c>, <c>list</c>, <c>other</c>) and value.</summary>
internal sealed record DatasetRuleArgument(string Name, string JsonType, string Text, EquatableArray<string> Items);
