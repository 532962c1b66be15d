namespace Codec.Generators.Model;

/// <summary>
/// A checked render contract (a schema file with <c>"render"</c>), ready to emit as a
/// <c>Codec.Formats.Validation.Folders.RenderContract</c>: how a render's files are named, the files a render has, the tolerances of its checks and the
/// rules that apply to which files.
/// </summary>
internal sealed record RenderSpec(
    string RenderId,
    string Namespace,
    string ClassName,
    string Description,
    string SchemaPath,
    string MetadataFile,
    EquatableArray<RenderNameSpec> Names,
    EquatableArray<RenderFileSpec> Files,
    EquatableArray<RenderToleranceSpec> Tolerances,
    EquatableArray<RenderRuleSpec> Rules);

/// <summary>
/// One shape of a render's part of its files' names (<c>{render_id}.cam_{camera}.f_{frame}</c>): placeholders
/// <c>{render_id}</c>, <c>{camera}</c> and <c>{frame}</c> between literal text; what follows it is a file's suffix.
/// </summary>
internal sealed record RenderNameSpec(string Shape, string Description);

/// <summary>
/// One file of a render, named by what follows the render's part of its file name (<see cref="Suffixes"/>:
/// <c>rgb.png</c>, <c>exr</c>); <see cref="Kind"/> says how it is read; an EXR's <see cref="Passes"/> are checked as
/// the files they stand for; a mask's <see cref="Mapping"/> is the info.json member naming its values.
/// </summary>
internal sealed record RenderFileSpec(string Name, EquatableArray<string> Suffixes, string Kind, string Description, string? Mapping, EquatableArray<RenderPassSpec> Passes);

/// <summary>Channels of an EXR that together stand for a file of the render (<c>R, G, B</c> as <c>rgb</c>).</summary>
internal sealed record RenderPassSpec(string As, EquatableArray<string> Channels);

/// <summary>A tolerance: its default, the range a setting may take, and why it is what it is.</summary>
internal sealed record RenderToleranceSpec(string Name, string ValueText, double? Minimum, double? Maximum, string Description);

/// <summary>A rule use: the registered rule, the files it applies to, its arguments as written and the call the checker fills in.</summary>
internal sealed record RenderRuleSpec(string Name, string Description, EquatableArray<string> In, EquatableArray<DatasetRuleArgument> Arguments, string Call);
