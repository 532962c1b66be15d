using Codec.Formats.Files;
using Codec.Runtime.Findings;

namespace Codec.Formats.Datasets;

/// <summary>
/// A dataset layout generated from a <c>*.codec.json</c> dataset schema: the folders, the files each may hold, what
/// every file must contain (format, dtype, shape in symbolic dimensions, values), and the named cross-file rules.
/// A validator walks a folder against it; dimensions are unified across every file that names them.
/// </summary>
public sealed record DatasetContract(
    string Id,
    string Title,
    string Description,
    IReadOnlyList<string> RecognizedBy,
    IReadOnlyList<DimensionSpec> Dimensions,
    IReadOnlyList<FolderSpec> Folders,
    IReadOnlyList<DatasetRuleUse> Rules)
{
    /// <summary>True when the folder has every part the contract recognises datasets by.</summary>
    public bool Recognizes(string root) => HasFolders(root, RecognizedBy);

    /// <summary>
    /// True when <paramref name="folders"/> is not empty and every one of them (relative to <paramref name="root"/>) is
    /// there: a folder, or a link in its place (a link that leads nowhere or loops is the dataset's finding, not a
    /// reason to pass the dataset by).
    /// </summary>
    public static bool HasFolders(string root, IReadOnlyList<string> folders) =>
        folders.Count > 0 && folders.All(p => Directory.Exists(Path.Combine(root, p)) || new FileInfo(Path.Combine(root, p)).LinkTarget is not null);
}

/// <summary>
/// A symbolic dimension (<c>V</c> skin vertices). One with <see cref="Per"/> (<c>F</c>, per <c>shot</c>) is unified
/// separately for each value of that placeholder.
/// </summary>
public sealed record DimensionSpec(string Symbol, string? Per, string Description);

/// <summary>
/// A folder relative to the dataset root. One path segment may be a placeholder such as <c>{shot}</c>: every
/// sub-folder there is an instance, and the placeholder takes its name. <see cref="OneOf"/>: exactly one of the files
/// (the first in the contract's order is the one read). <see cref="Strays"/>: how entries no file spec claims are
/// reported (null: not at all); <see cref="FilesBeside"/>: how files beside the instances are (null: as strays).
/// </summary>
public sealed record FolderSpec(string Path, bool Required, string Description, bool OneOf, Severity? Strays, Severity? FilesBeside, IReadOnlyList<FileSpec> Files);

/// <summary>
/// One file: its name (may contain one placeholder, <c>{shot}.wav</c>), kind, and what it must hold. <see cref="Shape"/> entries are
/// dimension expressions (<c>F</c>, <c>P+1</c>, <c>3</c>); WAV minimums bound a shot's audio. A JSON file's
/// <see cref="Fields"/> are read by <see cref="DecodeJson"/>, the decoder generated for them (null: the file is only
/// checked to be JSON).
/// </summary>
public sealed record FileSpec(
    string Name,
    FileKind Kind,
    bool Required,
    string Description,
    string? DType,
    IReadOnlyList<DimensionExpression>? Shape,
    bool Finite,
    double? Min,
    double? Max,
    int MinSampleRate,
    int MinBitsPerSample,
    IReadOnlyList<MemberSpec> Members,
    IReadOnlyList<JsonFieldSpec> Fields,
    IReadOnlyList<(string A, string B)> SameLength,
    JsonDocumentDecoder? DecodeJson = null)
{
    /// <summary>Slots a decoded JSON file fills: one per distinct pointer of <see cref="Fields"/>.</summary>
    public int JsonSlots { get; } = Fields.Count == 0 ? 0 : Fields.Max(f => f.Slot) + 1;
}

/// <summary>
/// One NPZ member: its key (a name, a placeholder such as <c>{shot}</c> for one per instance, or <c>*</c> for every key no other spec claims),
/// dtype (<c>|S</c> matches any byte-string width), shape, whether it may be absent, dtypes accepted with a warning,
/// and an index bound (values must be ids below a dimension).
/// </summary>
public sealed record MemberSpec(string Key, string? DType, IReadOnlyList<DimensionExpression>? Shape, bool Optional, IReadOnlyList<string> WarnDTypes, DimensionExpression? IndexBelow);

/// <summary>
/// A value inside a JSON file, by JSON pointer (<c>""</c> the root): the slot its file's generated decoder reads it
/// into (fields with one pointer share one), its type, whether it must be present, bounds, an exact value or array
/// length as a dimension, the values allowed, an index bound, and how severe a violation is (the guide's "should" is
/// a warning).
/// </summary>
public sealed record JsonFieldSpec(
    string Pointer,
    int Slot,
    JsonFieldType Type,
    bool Required,
    double? Min,
    double? Max,
    DimensionExpression? EqualsDimension,
    DimensionExpression? Length,
    int MinItems,
    IReadOnlyList<double> Allowed,
    DimensionExpression? IndexBelow,
    Severity Severity = Severity.Error);

/// <summary>Runs one cross-file rule over what the files showed; <paramref name="severity"/> is the rule's.</summary>
public delegate void DatasetRuleRun(DatasetRuleContext context, Severity severity);

/// <summary>
/// A named cross-file rule as the schema uses it: its severity, the <c>path</c> or <c>path#member</c> arrays it
/// compares (kept when the files are read), and the call into <see cref="DatasetRules"/> with its typed arguments.
/// </summary>
public sealed record DatasetRuleUse(string Name, Severity Severity, string Description, IReadOnlyList<string> ValuesRead, DatasetRuleRun Run);
