using Codec.Runtime.Findings;

namespace Codec.Runtime.Datasets;

/// <summary>
/// A dataset layout generated from a <c>*.codec.json</c> dataset schema: the folders, the files each may hold, what
/// every file must contain (format, dtype, shape in symbolic dimensions, values), and the named cross-file rules.
/// A validator walks a folder against it; dimensions are unified across every file that names them.
/// </summary>
public sealed record DatasetContract(
    string Id,
    string Description,
    IReadOnlyList<string> RecognizedBy,
    IReadOnlyList<DimensionSpec> Dimensions,
    IReadOnlyList<FolderSpec> Folders,
    IReadOnlyList<DatasetRuleUse> Rules);

/// <summary>A symbolic dimension (<c>V</c> skin vertices); <see cref="PerShot"/> ones (<c>F</c>) are unified per shot.</summary>
public sealed record DimensionSpec(string Symbol, bool PerShot, string Description);

/// <summary>
/// A folder relative to the dataset root. One path segment may be a placeholder, <c>{shot}</c> or <c>{voice}</c>:
/// every sub-folder there is an instance. <see cref="OneOf"/>: exactly one of the files (the first found wins, as
/// NVIDIA's reader takes it). <see cref="Strays"/>: how entries no file spec claims are reported (null: not at all).
/// </summary>
public sealed record FolderSpec(string Path, bool Required, string Description, bool OneOf, Severity? Strays, IReadOnlyList<FileSpec> Files);

/// <summary>The kinds of file a dataset contract knows how to read.</summary>
public enum DatasetFileKind
{
    Wav,
    Npy,
    Npz,
    Pc2,
    Maya,
    Json,
}

/// <summary>
/// One file: its name (may contain <c>{shot}</c>), kind, and what it must hold. <see cref="Shape"/> entries are
/// dimension expressions (<c>F</c>, <c>P+1</c>, <c>3</c>); WAV minimums bound a shot's audio.
/// </summary>
public sealed record FileSpec(
    string Name,
    DatasetFileKind Kind,
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
    IReadOnlyList<(string A, string B)> SameLength);

/// <summary>
/// One NPZ member: its key (a name, <c>{shot}</c> for one per shot, or <c>*</c> for every key no other spec claims),
/// dtype (<c>|S</c> matches any byte-string width), shape, whether it may be absent, dtypes accepted with a warning,
/// and an index bound (values must be ids below a dimension).
/// </summary>
public sealed record MemberSpec(string Key, string? DType, IReadOnlyList<DimensionExpression>? Shape, bool Optional, IReadOnlyList<string> WarnDTypes, DimensionExpression? IndexBelow);

/// <summary>
/// A value inside a JSON file, by JSON pointer (<c>""</c> the root): its type (<c>int</c>, <c>number</c>,
/// <c>int[]</c>, <c>number[]</c>), whether it must be present, bounds, an exact value or array length as a dimension,
/// the values allowed, an index bound, and how severe a violation is (the guide's "should" is a warning).
/// </summary>
public sealed record JsonFieldSpec(
    string Pointer,
    string Type,
    bool Required,
    double? Min,
    double? Max,
    DimensionExpression? EqualsDimension,
    DimensionExpression? Length,
    int MinItems,
    IReadOnlyList<double> Allowed,
    DimensionExpression? IndexBelow,
    Severity Severity = Severity.Error);

/// <summary>A named cross-file rule with its arguments (file paths, tolerances), as the schema gives them.</summary>
public sealed record DatasetRuleUse(string Name, Severity Severity, IReadOnlyDictionary<string, string> Arguments);
