using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Codec.Generators.Binding;
using Codec.Generators.Checking;
using Codec.Generators.Diagnostics;
using Codec.Generators.Emitting;
using Codec.Generators.Model;
using Codec.Generators.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Codec.Generators;

/// <summary>
/// Turns <c>*.codec.json</c> schema files (AdditionalFiles) into decoders, encoders and validators, and reference
/// table files into enums with name ↔ id lookups.
/// Pipeline: read all schemas → resolve derived versions → check → emit per version (cached by value) → one
/// dispatcher and one changelog per format; classes marked [CodecFormat] are bound to one version.
/// Models between steps are value-equatable records, so an unrelated edit re-runs nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class CodecGenerator : IIncrementalGenerator
{
    /// <summary>Schema files end with this; plain <c>.json</c> files are never read.</summary>
    public const string SchemaExtension = ".codec.json";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var texts = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(SchemaExtension, System.StringComparison.OrdinalIgnoreCase))
            .Select(static (text, ct) => new SchemaText(text.Path, text.GetText(ct)?.ToString() ?? ""))
            .WithTrackingName(TrackingNames.ParseSchema);

        // Versions derive from each other across files, so reading, resolving and checking see all schemas at once.
        // Schema files are small; what is expensive (emitting) stays per version and cached by value below.
        var resolved = texts.Collect()
            .Select(static (all, ct) => ResolveAll(all, ct))
            .WithTrackingName(TrackingNames.ResolveSchemas);

        var diagnostics = resolved
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, list) =>
        {
            foreach (var d in list) spc.ReportDiagnostic(d.ToDiagnostic());
        });

        var specs = resolved.SelectMany(static (result, _) => result.Specs);

        var datasetSources = resolved
            .SelectMany(static (result, _) => result.Datasets)
            .Select(static (dataset, ct) => EmitDataset(dataset, ct))
            .WithTrackingName(TrackingNames.EmitDatasets);
        RegisterOutput(context, datasetSources);

        var renderSources = resolved
            .SelectMany(static (result, _) => result.Renders)
            .Select(static (render, ct) => EmitOne(() => RenderEmitter.Emit(render), render.SchemaPath, ct))
            .WithTrackingName(TrackingNames.EmitRenders);
        RegisterOutput(context, renderSources);

        var viewSources = resolved
            .SelectMany(static (result, _) => result.ViewSets)
            .Select(static (views, ct) => EmitOne(() => ViewEmitter.EmitInterfaces(views), views.SchemaPath, ct))
            .WithTrackingName(TrackingNames.EmitViews);
        RegisterOutput(context, viewSources);

        var tableSources = resolved
            .SelectMany(static (result, _) => result.Tables)
            .Select(static (table, ct) => EmitTable(table, ct))
            .WithTrackingName(TrackingNames.EmitTables);
        RegisterOutput(context, tableSources);

        var libraryTypeSources = resolved
            .SelectMany(static (result, _) => result.SharedTypes)
            .Select(static (shared, ct) => EmitSharedTypes(shared, ct))
            .WithTrackingName(TrackingNames.EmitSharedTypes);
        RegisterOutput(context, libraryTypeSources);

        var versionSources = specs
            .Select(static (spec, ct) => EmitVersion(spec, ct))
            .WithTrackingName(TrackingNames.EmitVersion);
        RegisterOutput(context, versionSources);

        var entries = specs
            .Select(static (spec, _) => VersionEntry.From(spec))
            .WithTrackingName(TrackingNames.VersionEntries)
            .Collect();

        var dispatchers = entries
            .Select(static (entries, ct) => EmitDispatchers(entries, ct))
            .WithTrackingName(TrackingNames.EmitDispatchers);
        RegisterOutput(context, dispatchers);

        var changelogs = resolved
            .Select(static (result, _) => result.Changelogs)
            .WithTrackingName(TrackingNames.Changelogs);
        context.RegisterSourceOutput(changelogs, static (spc, list) =>
        {
            foreach (var file in list) spc.AddSource(file.HintName, SourceText.From(file.Source, System.Text.Encoding.UTF8));
        });

        ConsumerBinding.Register(context, entries);
    }

    private static void RegisterOutput(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<EmitOutput> outputs) =>
        context.RegisterSourceOutput(outputs, static (spc, output) => Add(spc, output));

    private static void RegisterOutput(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<EmitOutput> output) =>
        context.RegisterSourceOutput(output, static (spc, output) => Add(spc, output));

    private static void Add(SourceProductionContext spc, EmitOutput output)
    {
        foreach (var d in output.Diagnostics) spc.ReportDiagnostic(d.ToDiagnostic());
        foreach (var file in output.Files) spc.AddSource(file.HintName, SourceText.From(file.Source, System.Text.Encoding.UTF8));
    }

    /// <summary>Stages 1 and 2 for every schema file: read, resolve derived versions, check. Never throws: failures become CODEC014.</summary>
    internal static ResolveResult ResolveAll(ImmutableArray<SchemaText> texts, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var drafts = new List<SchemaDraft>();
        var tableDrafts = new List<TableDraft>();
        var viewDrafts = new List<ViewSetDraft>();
        var datasets = new List<DatasetSpec>();
        var renders = new List<RenderSpec>();
        var libraryDrafts = new List<LibraryDraft>();
        // A file listed twice (a project's own item plus the package's glob) is read once.
        foreach (var text in texts.GroupBy(t => t.Path).Select(g => g.First()).OrderBy(t => t.Path, System.StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var source = new SchemaSource(text.Path, text.Text);
                if (JsonObjectReader.Parse(source, diagnostics) is not { } root) continue;
                if (ViewReader.IsViews(root))
                {
                    if (ViewReader.Read(source, root, diagnostics) is { } views) viewDrafts.Add(views);
                }
                else if (DatasetReader.IsDataset(root))
                {
                    if (DatasetReader.Read(source, root, diagnostics) is { } dataset && DatasetChecker.Check(dataset, diagnostics) is { } checkedDataset)
                        datasets.Add(checkedDataset);
                }
                else if (RenderReader.IsRender(root))
                {
                    if (RenderReader.Read(source, root, diagnostics) is { } render && RenderChecker.Check(render, diagnostics) is { } checkedRender)
                        renders.Add(checkedRender);
                }
                else if (SchemaReader.IsLibrary(root))
                {
                    if (SchemaReader.ReadLibrary(source, root, diagnostics) is { } library) libraryDrafts.Add(library);
                }
                else if (TableReader.IsTable(root))
                {
                    if (TableReader.Read(source, root, diagnostics) is { } table) tableDrafts.Add(table);
                }
                else if (SchemaReader.Read(source, root, diagnostics) is { } draft)
                {
                    drafts.Add(draft);
                }
            }
            catch (System.Exception e) when (e is not System.OperationCanceledException)
            {
                diagnostics.Add(Failure(text.Path, e));
            }
        }

        List<TableSpec> tables;
        try
        {
            tables = TableChecker.CheckAll(tableDrafts, diagnostics);
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException)
        {
            diagnostics.Add(Failure(tableDrafts.Count > 0 ? tableDrafts[0].Source.Path : "", e));
            tables = new List<TableSpec>();
        }

        // One views file per format (the first by path; a second is CODEC010's kind of mistake).
        var viewSets = new Dictionary<string, ViewSetSpec>();
        foreach (var views in viewDrafts)
        {
            if (viewSets.ContainsKey(views.FormatId))
            {
                diagnostics.Add(SchemaReader.Diag(views.Source, DiagnosticDescriptors.ViewProblem.Id, views.FormatPosition, views.FormatId.Length + 2, "/format",
                    $"format {views.FormatId} already has a views file ({System.IO.Path.GetFileName(viewSets[views.FormatId].SchemaPath)})"));
            }
            else if (ViewChecker.CheckSet(views, diagnostics) is { } set)
            {
                viewSets[views.FormatId] = set;
            }
        }

        // Where each version's types go, so that no library is given a namespace already taken (a version written as
        // changes to its parent may leave the format's namespace to the other versions).
        var formatNamespaces = new Dictionary<string, string>();
        foreach (var draft in drafts.Where(d => d.Namespace.Length > 0)) formatNamespaces[draft.FormatId] = draft.Namespace;
        var versionNamespaces = new Dictionary<string, string>();
        foreach (var draft in drafts)
        {
            if (formatNamespaces.TryGetValue(draft.FormatId, out var ns))
                versionNamespaces[ns + "." + Naming.VersionIdentifier(draft.Version)] = System.IO.Path.GetFileName(draft.Source.Path);
        }

        var (libraries, libraryTypes) = LibraryResolver.ResolveAll(libraryDrafts, versionNamespaces, diagnostics);
        var specs = new List<FormatSpec>();
        List<SchemaDraft?> complete;
        try
        {
            complete = VersionResolver.Resolve(drafts, libraries, diagnostics);
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException)
        {
            diagnostics.Add(Failure(drafts.Count > 0 ? drafts[0].Source.Path : "", e));
            return new ResolveResult(EquatableArray<FormatSpec>.Empty, diagnostics.ToEquatableArray(), EquatableArray<GeneratedFile>.Empty, tables.ToEquatableArray(), datasets.ToEquatableArray(),
                viewSets.Values.ToEquatableArray(), renders.ToEquatableArray(), EquatableArray<SharedTypesSpec>.Empty);
        }

        // Parents are checked before their children, and a child of a parent with errors is not checked at all: its
        // inherited parts would only repeat the parent's diagnostics.
        var checkedSpecs = new Dictionary<int, FormatSpec?>();
        FormatSpec? CheckAt(int index)
        {
            if (checkedSpecs.TryGetValue(index, out var known)) return known;
            checkedSpecs[index] = null; // resolved chains have no cycles; this only guards against surprises
            var draft = complete[index];
            if (draft is null) return null;
            if (draft.Parent is { } parentVersion)
            {
                var parent = VersionResolver.Find(drafts, draft.FormatId, parentVersion);
                if (parent is null || CheckAt(drafts.IndexOf(parent)) is null) return null;
            }

            try
            {
                var spec = SchemaChecker.Check(draft, diagnostics, tables);
                if (spec is null) return checkedSpecs[index] = null;
                viewSets.TryGetValue(draft.FormatId, out var set);
                if (ViewChecker.CheckVersion(draft, spec, set, diagnostics) is not { } impls) return checkedSpecs[index] = null;
                return checkedSpecs[index] = spec with
                {
                    ViewImpls = impls,
                    RootView = set?.RootView is { } root ? set.InterfaceOf(root) : null,
                };
            }
            catch (System.Exception e) when (e is not System.OperationCanceledException)
            {
                diagnostics.Add(Failure(draft.Source.Path, e));
                return null;
            }
        }

        for (int i = 0; i < complete.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (CheckAt(i) is { } spec) specs.Add(spec);
        }

        var kept = new List<FormatSpec>();
        foreach (var group in specs.GroupBy(s => s.FormatId).OrderBy(g => g.Key, System.StringComparer.Ordinal))
        {
            var unique = new List<FormatSpec>();
            foreach (var spec in group.OrderBy(s => s.SchemaPath, System.StringComparer.Ordinal))
            {
                // A version defined twice is emitted once (from the first file by path); CODEC010 names both.
                var first = unique.FirstOrDefault(u => DispatcherEmitter.VersionComparer.Instance.Compare(u.Version, spec.Version) == 0);
                if (first is null) unique.Add(spec);
                else diagnostics.Add(new DiagnosticInfo("CODEC010", new LocationInfo(spec.SchemaPath, 0, 1, 0, 0),
                    new[] { spec.FormatId, spec.Version, System.IO.Path.GetFileName(first.SchemaPath) }.ToEquatableArray()));
            }

            kept.AddRange(unique);
        }

        var changelogs = new List<GeneratedFile>();
        foreach (var group in kept.GroupBy(s => s.FormatId))
        {
            try
            {
                changelogs.Add(ChangelogEmitter.Emit(group.ToList()));
            }
            catch (System.Exception e) when (e is not System.OperationCanceledException)
            {
                diagnostics.Add(Failure(group.First().SchemaPath, e));
            }
        }

        // One C# type per shape across every version (and format) of the compilation.
        List<SharedTypesSpec> shared;
        try
        {
            (kept, shared) = TypeSharing.Share(kept, libraryTypes);
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException)
        {
            diagnostics.Add(Failure(kept.Count > 0 ? kept[0].SchemaPath : "", e));
            kept = new List<FormatSpec>();
            shared = new List<SharedTypesSpec>();
        }

        // A library's or parent's mistake reached through several versions is reported once.
        return new ResolveResult(kept.ToEquatableArray(), diagnostics.Distinct().ToEquatableArray(), changelogs.ToEquatableArray(), tables.ToEquatableArray(), datasets.ToEquatableArray(),
            viewSets.Values.OrderBy(v => v.FormatId, System.StringComparer.Ordinal).ToEquatableArray(), renders.ToEquatableArray(), shared.ToEquatableArray());
    }

    /// <summary>Stage 3 for one format version. Never throws: an emitter bug becomes CODEC014 on the schema file.</summary>
    private static EmitOutput EmitVersion(FormatSpec spec, CancellationToken ct)
    {
        string prefix = spec.VersionNamespace + "." + spec.RootType;
        ct.ThrowIfCancellationRequested();
        try
        {
            var files = new[]
            {
                new GeneratedFile(prefix + ".Model.g.cs", ModelEmitter.Emit(spec)),
                new GeneratedFile(prefix + ".Decoder.g.cs", DecoderEmitter.Emit(spec)),
                new GeneratedFile(prefix + ".Encoder.g.cs", EncoderEmitter.Emit(spec)),
                new GeneratedFile(prefix + ".Validator.g.cs", ValidatorEmitter.Emit(spec)),
                new GeneratedFile(prefix + ".Registration.g.cs", ConsumerBinding.Registration(spec)),
                new GeneratedFile(prefix + ".Views.g.cs", ViewEmitter.EmitImplementations(spec)),
            };
            return new EmitOutput(files.ToEquatableArray(), EquatableArray<DiagnosticInfo>.Empty);
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException)
        {
            return new EmitOutput(EquatableArray<GeneratedFile>.Empty, new[] { Failure(spec.SchemaPath, e) }.ToEquatableArray());
        }
    }

    /// <summary>Stage 3 for the types versions share from one type library's namespace.</summary>
    private static EmitOutput EmitSharedTypes(SharedTypesSpec shared, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        try
        {
            var files = new[]
            {
                new GeneratedFile(shared.Namespace + ".Model.g.cs", ModelEmitter.Emit(shared)),
                new GeneratedFile(shared.Namespace + ".Views.g.cs", ViewEmitter.EmitImplementations(shared)),
            };
            return new EmitOutput(files.ToEquatableArray(), EquatableArray<DiagnosticInfo>.Empty);
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException)
        {
            return new EmitOutput(EquatableArray<GeneratedFile>.Empty, new[] { Failure(shared.SchemaPath, e) }.ToEquatableArray());
        }
    }

    /// <summary>Stage 3 for one dataset layout.</summary>
    private static EmitOutput EmitDataset(DatasetSpec dataset, CancellationToken ct) => EmitOne(() => DatasetEmitter.Emit(dataset), dataset.SchemaPath, ct);

    /// <summary>Stage 3 for one reference table.</summary>
    private static EmitOutput EmitTable(TableSpec table, CancellationToken ct) => EmitOne(() => TableEmitter.Emit(table), table.SchemaPath, ct);

    // One generated file, or CODEC014 on the schema when the emitter fails.
    private static EmitOutput EmitOne(System.Func<GeneratedFile> emit, string schemaPath, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        try
        {
            return new EmitOutput(new[] { emit() }.ToEquatableArray(), EquatableArray<DiagnosticInfo>.Empty);
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException)
        {
            return new EmitOutput(EquatableArray<GeneratedFile>.Empty, new[] { Failure(schemaPath, e) }.ToEquatableArray());
        }
    }

    internal static DiagnosticInfo Failure(string path, System.Exception e) =>
        new("CODEC014", new LocationInfo(path, 0, 1, 0, 0), new[] { e.GetType().Name + ": " + e.Message }.ToEquatableArray());

    private static EmitOutput EmitDispatchers(ImmutableArray<VersionEntry> entries, CancellationToken ct)
    {
        var files = new List<GeneratedFile>();
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var group in entries.GroupBy(e => e.FormatId).OrderBy(g => g.Key, System.StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            var versions = group.ToList();
            var head = versions[0];
            try
            {
                files.Add(new GeneratedFile(head.Namespace + "." + DispatcherEmitter.ClassName(head.FormatId) + ".g.cs", DispatcherEmitter.Emit(versions)));
            }
            catch (System.Exception e) when (e is not System.OperationCanceledException)
            {
                diagnostics.Add(Failure(head.SchemaPath, e));
            }
        }

        return new EmitOutput(files.ToEquatableArray(), diagnostics.ToEquatableArray());
    }
}

/// <summary>One schema file's path and text, as the pipeline's first step sees it.</summary>
internal sealed record SchemaText(string Path, string Text);

/// <summary>Every checked format version (duplicates removed), the diagnostics, one changelog per format, and the reference tables.</summary>
internal sealed record ResolveResult(EquatableArray<FormatSpec> Specs, EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<GeneratedFile> Changelogs, EquatableArray<TableSpec> Tables,
    EquatableArray<DatasetSpec> Datasets, EquatableArray<ViewSetSpec> ViewSets, EquatableArray<RenderSpec> Renders, EquatableArray<SharedTypesSpec> SharedTypes);

/// <summary>One generated source file.</summary>
internal sealed record GeneratedFile(string HintName, string Source);

/// <summary>What an emit step produced: sources, or the diagnostic that explains why there are none.</summary>
internal sealed record EmitOutput(EquatableArray<GeneratedFile> Files, EquatableArray<DiagnosticInfo> Diagnostics);
