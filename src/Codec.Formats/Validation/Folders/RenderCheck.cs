using Codec.Formats.Files;
using Codec.Formats.Findings;
using Codec.Formats.Synthesis.Info;
using Codec.Runtime.Binary.Exr;
using Codec.Runtime.Binary.Image;
using Codec.Runtime.Files;
using Codec.Runtime.Findings;
using Codec.Runtime.Geometry;

namespace Codec.Formats.Validation.Folders;

/// <summary>
/// Checks one render by the render contract: its info.json alone and against its metadata line, then each file the
/// contract declares, read once as its kind and checked by its rules. Reads only the render's files; one instance
/// serves every worker (the per-thread state is the <see cref="Worker"/>).
/// </summary>
internal sealed class RenderCheck(FolderCheckOptions options)
{
    private readonly FolderCheckOptions _options = options;
    private readonly RenderContract _contract = options.Contract;

    // The tolerances' values for this folder: the contract's defaults, with the settings given.
    private readonly double[] _tolerances = options.Contract.ToleranceValues(options.Tolerances);

    // One render: its info.json alone and against its metadata line (when the folder has a metadata.jsonl), then every
    // file the contract declares against the decoded info.json. Reads only this render's files; safe on any worker.
    public RenderResult Check(Worker worker, string path, RenderFileName name, List<RenderFile> files, bool hasMetadata, MetadataFacts? line)
    {
        var results = new List<FileCheckResult>();
        var lineFindings = new List<Finding>();
        var findings = new List<Finding>();
        string? version = null;
        var unlisted = FindingCounts.None;
        RenderFacts? facts = null;
        // The render's images are decoded into arrays the worker's thread lends and takes back at the end: nothing
        // decoded here outlives the render (its results are findings, counts and names).
        using var arrays = ImageArrays.Enter();
        try
        {
            int length = InputFile.ReadAll(path, _options.MaxFileBytes, ref worker.InfoBuffer, findings);
            if (length >= 0)
            {
                var document = worker.InfoBuffer.AsSpan(0, length);
                // Decoded once: the checks below read the model through its view (valid until the worker's next file).
                var result = worker.Info.Check(document, out var model);
                var info = model as IInfoDocument;
                version = result.Version;
                unlisted = result.Unlisted;
                findings.AddRange(result.Findings);
                // Another product's render is its info.json's one finding: its masks, meshes and line are not this
                // format's to check, and checking them would only repeat that.
                if (result.IsOtherProduct)
                {
                    results.Add(new FileCheckResult(path, version, findings) { Unlisted = unlisted });
                    return new RenderResult(results, lineFindings);
                }

                if (info is not null) facts = RenderFacts.From(name.Key, info);
                if (hasMetadata && line is null)
                {
                    findings.Add(new Finding(FolderFindingCodes.FilesWithoutLine, Severity.Error, "",
                        $"render {name.Key} has no line in {_contract.MetadataFile}"));
                }

                var render = new RenderState(_contract, info, Path.GetFileName(path), _tolerances, line);
                var infoSink = new FindingSink();
                render.Run(_contract.Anchor, path, info, infoSink);
                findings.AddRange(infoSink.Findings);
                lineFindings.AddRange(render.LineFindings);
                CheckFiles(worker, render, files, results);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            findings.Add(InputFile.Unreadable(e));
        }

        results.Add(new FileCheckResult(path, version, findings) { Unlisted = unlisted, Render = facts });
        return new RenderResult(results, lineFindings);
    }

    // The order a render's files are read in: a kind's files may be compared with those of the kinds before it (an
    // image, an EXR with the masks). Results keep this order.
    private static readonly FileKind[] ReadOrder = [FileKind.Mesh, FileKind.Mask, FileKind.Exr, FileKind.Image];

    // Every file of the render the contract declares, read once and checked by its rules; files it does not declare
    // are not read. Images are all decoded before their rules run, so that each is compared with the others.
    private void CheckFiles(Worker worker, RenderState render, List<RenderFile> files, List<FileCheckResult> results)
    {
        foreach (var kind in ReadOrder)
        {
            var ofKind = files.Select(f => (File: f, Spec: _contract.FileOf(f.Name.Suffix))).Where(f => f.Spec?.Kind == kind).ToList();
            var decoded = new List<(RenderFile File, RenderFileSpec Spec, FindingSink Sink, object? Content)>();
            foreach (var (file, spec) in ofKind)
            {
                var sink = new FindingSink();
                var content = ReadAndDecode(worker, file.Path, sink, kind, out var refused);
                if (refused is not null)
                {
                    results.Add(refused);
                    continue;
                }

                if (content is PngImage mask && kind == FileKind.Mask) render.Masks.TryAdd(spec!.Name, mask);
                if (content is ImagePixels image && !render.Images.Images.TryAdd(spec!.Name, image)) content = null; // a second file of one name is only decoded
                if (kind != FileKind.Image) results.Add(Check(render, file, spec!, sink, content));
                else decoded.Add((file, spec!, sink, content));
            }

            foreach (var (file, spec, sink, content) in decoded) results.Add(Check(render, file, spec, sink, content));
        }
    }

    private static FileCheckResult Check(RenderState render, RenderFile file, RenderFileSpec spec, FindingSink sink, object? content)
    {
        // A file that did not decode has its decoding findings only.
        var context = content is null ? null : render.Run(spec, file.Path, content, sink);
        return new FileCheckResult(file.Path, null, sink.Findings.ToList()) { MaskClasses = context?.MaskClasses };
    }

    // Reads a file under the size limit into the reused buffer and decodes it as its kind; a file over the limit or
    // unreadable is the whole result (refused), a decoding problem is in the sink. An EXR's pixels are decoded from the
    // buffer when a rule asks, before the next file is read.
    private object? ReadAndDecode(Worker worker, string path, FindingSink sink, FileKind kind, out FileCheckResult? refused)
    {
        refused = null;
        try
        {
            var findings = new List<Finding>();
            int length = InputFile.ReadAll(path, _options.MaxFileBytes, ref worker.BinaryBuffer, findings);
            if (length >= 0)
            {
                var bytes = worker.BinaryBuffer.AsMemory(0, length);
                return kind switch
                {
                    FileKind.Mesh => ObjMesh.Decode(bytes.Span, sink, path),
                    FileKind.Mask => PngImage.Decode(bytes.Span, sink, path),
                    FileKind.Image => ImageFile.Decode(bytes.Span, sink, path),
                    FileKind.Exr => ExrFile.Decode(bytes.Span, sink, path) is { Parts.Count: > 0 } exr ? new ExrContent(exr, bytes) : null,
                    _ => null,
                };
            }

            refused = new FileCheckResult(path, null, findings);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            refused = new FileCheckResult(path, null, [InputFile.Unreadable(e)]);
        }

        return null;
    }

    // What one render contributed: its files' results (meshes and masks, then the info.json), findings for the
    // metadata line.
    public sealed record RenderResult(List<FileCheckResult> Files, List<Finding> LineFindings);

    // The state one thread needs to check renders: a decoder and reusable read buffers, never shared. The buffers go
    // on to the workers of the next folder when this one is done.
    public sealed class Worker(FolderCheckOptions options) : IDisposable
    {
        public readonly DocumentChecker Info = new(BuiltInFormats.CreateSynthesisInfo(options.Decode), options.Decode);

        // The info.json stays in its buffer while its masks and meshes are read into the other.
        public byte[] InfoBuffer = ReadBuffers.Take();
        public byte[] BinaryBuffer = ReadBuffers.Take();

        public void Dispose()
        {
            ReadBuffers.Give(InfoBuffer);
            ReadBuffers.Give(BinaryBuffer);
            InfoBuffer = BinaryBuffer = [];
        }
    }
}
