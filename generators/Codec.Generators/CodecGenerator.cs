using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Codec.Generators.Checking;
using Codec.Generators.Emitting;
using Codec.Generators.Model;
using Codec.Generators.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Codec.Generators;

/// <summary>
/// Turns <c>*.codec.json</c> schema files (AdditionalFiles) into decoders, encoders and validators.
/// Pipeline: read → check (per file, cached) → emit per version (cached) → one dispatcher per format.
/// Models between steps are value-equatable records, so an unrelated edit re-runs nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class CodecGenerator : IIncrementalGenerator
{
    /// <summary>Schema files end with this; plain <c>.json</c> files are never read.</summary>
    public const string SchemaExtension = ".codec.json";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(SchemaExtension, System.StringComparison.OrdinalIgnoreCase))
            .Select(static (text, ct) => Parse(text.Path, text.GetText(ct), ct))
            .WithTrackingName(TrackingNames.ParseSchema);

        var diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, list) =>
        {
            foreach (var d in list) spc.ReportDiagnostic(d.ToDiagnostic());
        });

        var specs = parsed
            .Where(static result => result.Spec is not null)
            .Select(static (result, _) => result.Spec!);

        var entries = specs
            .Select(static (spec, _) => new VersionEntry(spec.FormatId, spec.Version, spec.Namespace, spec.VersionNamespace, spec.RootType, spec.VersionMember, spec.SchemaPath))
            .WithTrackingName(TrackingNames.VersionEntries)
            .Collect();

        // Schemas that repeat an earlier schema's format version emit nothing (CODEC010 says why). The set is
        // nearly always empty and compares equal, so editing one schema does not re-emit the others.
        var shadowed = entries.Select(static (all, _) => FindShadowed(all));

        var versionSources = specs
            .Combine(shadowed)
            .Where(static pair => !pair.Right.Contains(pair.Left.SchemaPath))
            .Select(static (pair, ct) => EmitVersion(pair.Left, ct))
            .WithTrackingName(TrackingNames.EmitVersion);
        context.RegisterSourceOutput(versionSources, static (spc, output) =>
        {
            foreach (var d in output.Diagnostics) spc.ReportDiagnostic(d.ToDiagnostic());
            foreach (var file in output.Files) spc.AddSource(file.HintName, SourceText.From(file.Source, System.Text.Encoding.UTF8));
        });

        var dispatchers = entries
            .Select(static (entries, ct) => EmitDispatchers(entries, ct))
            .WithTrackingName(TrackingNames.EmitDispatchers);
        context.RegisterSourceOutput(dispatchers, static (spc, output) =>
        {
            foreach (var d in output.Diagnostics) spc.ReportDiagnostic(d.ToDiagnostic());
            foreach (var file in output.Files) spc.AddSource(file.HintName, SourceText.From(file.Source, System.Text.Encoding.UTF8));
        });
    }

    /// <summary>Stages 1 and 2 for one schema file. Never throws: failures become CODEC014.</summary>
    internal static ParseResult Parse(string path, SourceText? source, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        string text = source?.ToString() ?? "";
        try
        {
            var draft = SchemaReader.Read(path, text, diagnostics);
            cancellationToken.ThrowIfCancellationRequested();
            var spec = draft is null ? null : SchemaChecker.Check(path, text, draft, diagnostics);
            return new ParseResult(spec, diagnostics.ToEquatableArray());
        }
        catch (System.OperationCanceledException)
        {
            throw;
        }
        catch (System.Exception e)
        {
            diagnostics.Add(Failure(path, e));
            return new ParseResult(null, diagnostics.ToEquatableArray());
        }
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
            };
            return new EmitOutput(files.ToEquatableArray(), EquatableArray<DiagnosticInfo>.Empty);
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException)
        {
            return new EmitOutput(EquatableArray<GeneratedFile>.Empty, new[] { Failure(spec.SchemaPath, e) }.ToEquatableArray());
        }
    }

    private static DiagnosticInfo Failure(string path, System.Exception e) =>
        new("CODEC014", new LocationInfo(path, 0, 1, 0, 0), new[] { e.GetType().Name + ": " + e.Message }.ToEquatableArray());

    private static EquatableArray<string> FindShadowed(ImmutableArray<VersionEntry> entries) =>
        SplitDuplicates(entries).Shadowed.Select(s => s.Entry.SchemaPath).OrderBy(p => p, System.StringComparer.Ordinal).ToEquatableArray();

    /// <summary>
    /// Per format, the entries to emit and those that repeat a version an earlier schema file (by path) defines.
    /// Both the per-version emit step and the dispatcher step use this one decision.
    /// </summary>
    private static (List<List<VersionEntry>> Kept, List<(VersionEntry Entry, VersionEntry First)> Shadowed) SplitDuplicates(ImmutableArray<VersionEntry> entries)
    {
        var kept = new List<List<VersionEntry>>();
        var shadowed = new List<(VersionEntry, VersionEntry)>();
        foreach (var group in entries.GroupBy(e => e.FormatId).OrderBy(g => g.Key, System.StringComparer.Ordinal))
        {
            var unique = new List<VersionEntry>();
            foreach (var entry in group.OrderBy(e => e.SchemaPath, System.StringComparer.Ordinal))
            {
                var first = unique.FirstOrDefault(u => DispatcherEmitter.VersionComparer.Instance.Compare(u.Version, entry.Version) == 0);
                if (first is null) unique.Add(entry);
                else shadowed.Add((entry, first));
            }

            kept.Add(unique);
        }

        return (kept, shadowed);
    }

    private static EmitOutput EmitDispatchers(ImmutableArray<VersionEntry> entries, CancellationToken ct)
    {
        var files = new List<GeneratedFile>();
        var diagnostics = new List<DiagnosticInfo>();
        var (kept, shadowed) = SplitDuplicates(entries);
        foreach (var (entry, first) in shadowed)
        {
            diagnostics.Add(new DiagnosticInfo("CODEC010", new LocationInfo(entry.SchemaPath, 0, 1, 0, 0),
                new[] { entry.FormatId, entry.Version, System.IO.Path.GetFileName(first.SchemaPath) }.ToEquatableArray()));
        }

        foreach (var unique in kept)
        {
            ct.ThrowIfCancellationRequested();
            var head = unique[0];
            try
            {
                files.Add(new GeneratedFile(head.Namespace + "." + DispatcherEmitter.ClassName(head.FormatId) + ".g.cs", DispatcherEmitter.Emit(unique)));
            }
            catch (System.Exception e) when (e is not System.OperationCanceledException)
            {
                diagnostics.Add(Failure(head.SchemaPath, e));
            }
        }

        return new EmitOutput(files.ToEquatableArray(), diagnostics.ToEquatableArray());
    }
}

/// <summary>What reading and checking one schema file produced.</summary>
internal sealed record ParseResult(FormatSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>One generated source file.</summary>
internal sealed record GeneratedFile(string HintName, string Source);

/// <summary>What an emit step produced: sources, or the diagnostic that explains why there are none.</summary>
internal sealed record EmitOutput(EquatableArray<GeneratedFile> Files, EquatableArray<DiagnosticInfo> Diagnostics);
