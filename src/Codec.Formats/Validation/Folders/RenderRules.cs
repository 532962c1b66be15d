using System.Globalization;
using Codec.Formats.Files;
using Codec.Formats.Findings;
using Codec.Formats.Segmentation;
using Codec.Runtime.Binary.Exr;
using Codec.Runtime.Binary.Image;
using Codec.Runtime.Collections;
using Codec.Runtime.Findings;
using Codec.Runtime.Geometry;
using Codec.Runtime.Semantics;

namespace Codec.Formats.Validation.Folders;

/// <summary>
/// The render rules a render contract names, each registered once in the generator's rule registry with its typed
/// arguments: the generated contract calls them on each file its rule uses apply to. Findings list the first
/// offending pixel or point; more would only repeat.
/// </summary>
public static class RenderRules
{
    /// <summary>size_matches_intrinsics: a mask, image or EXR is twice the info.json's principal point; an image or EXR that is not is not checked further.</summary>
    public static void SizeMatchesIntrinsics(RenderRuleContext context, double tolerancePx)
    {
        switch (context.Content)
        {
            case PngImage mask when context.File.Kind == FileKind.Mask:
                if (context.Info is null)
                {
                    // Nothing of a mask can be checked without its info.json: one finding says so.
                    context.Sink.Add(NotRun($"{context.InfoName} could not be decoded, so the mask's size and values are not checked against it"));
                    context.Stop();
                }
                else if (context.Info.Camera is not { HasIntrinsics: true } camera)
                {
                    context.Sink.Add(NotRun($"{context.InfoName} has no camera intrinsics to give the render's size"));
                }
                else if (!RenderSize.Centres(camera.Intrinsics, mask.Width, mask.Height, tolerancePx))
                {
                    context.Sink.Add(new Finding(FolderFindingCodes.MaskSizeMismatch, Severity.Error, "",
                        $"the mask is {mask.Width}x{mask.Height}; {context.InfoName}'s principal point {RenderSize.Describe(camera.Intrinsics, "x")}"));
                }

                break;
            case ImagePixels image:
                if (!context.Pixels.CheckSize(image.Width, image.Height, tolerancePx, context.Sink)) context.Stop();
                break;
            case ExrContent exr:
                // The display window is the image the other files are extracted as; the data window may crop it.
                if ((exr.Part.DisplayWindow ?? exr.Part.DataWindow) is { } window && !context.Pixels.CheckSize(window.Width, window.Height, tolerancePx, context.Sink)) context.Stop();
                break;
        }
    }

    /// <summary>mask_values_mapped: every value of the mask is named by the info.json's mapping the mask file names; counts each class's pixels for the reports.</summary>
    public static void MaskValuesMapped(RenderRuleContext context)
    {
        if (context.Content is not PngImage image || context.Info is not { } info || context.File.Mapping is not { } mapping) return;
        if (SegmentMapping.Of(info, mapping) is not { } map)
        {
            context.Sink.Add(new Finding(FolderFindingCodes.MaskLabelNotMapped, Severity.Error, "", $"{context.InfoName} has no {mapping} to read this mask with"));
            return;
        }

        var names = new Dictionary<long, string>();
        foreach (var entry in map.Entries) names.TryAdd(entry.Value, entry.Name.ToString());
        var histogram = image.Histogram();
        context.MaskClasses = histogram.Select(h => new ClassPixels(names.TryGetValue(h.Label, out var n) ? n : h.Label.ToString(CultureInfo.InvariantCulture), h.Pixels)).ToList();
        var unmapped = histogram.Where(h => !names.ContainsKey(h.Label)).ToList();
        if (unmapped.Count > 0)
        {
            context.Sink.Add(new Finding(FolderFindingCodes.MaskLabelNotMapped, Severity.Error, "",
                $"{unmapped.Sum(u => u.Pixels)} pixels have values {context.InfoName}/{mapping} does not list: "
                + string.Join(", ", unmapped.Take(8).Select(u => $"{u.Label} ({u.Pixels} px)")) + (unmapped.Count > 8 ? ", ..." : "")));
        }
    }

    /// <summary>
    /// requested_in_mask: each item the metadata line requests (its style not <paramref name="none"/>) shows in the
    /// mask as its class, and a class only that item makes shows only when it was requested. <paramref name="items"/>
    /// pairs a requested item with its class (<c>headwear:headwear</c>, <c>facial_hair:beard</c>); an item whose class
    /// the render's mapping does not list is not checked (the producer lists only what a render can show), nor is a
    /// mask with errors already.
    /// </summary>
    public static void RequestedInMask(RenderRuleContext context, string[] items, string none)
    {
        if (context.Content is not PngImage image || context.Line is not { } line || context.Info is not { } info || context.File.Mapping is not { } mapping) return;
        // A mask already in error (of another size, with values its mapping lacks) is not this render's to compare.
        if (SegmentMapping.Of(info, mapping) is not { } map || context.Sink.Findings.Any(f => f.Severity == Severity.Error)) return;
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var names = new Dictionary<long, string>();
        foreach (var entry in map.Entries)
        {
            listed.Add(entry.Name.ToString());
            names.TryAdd(entry.Value, entry.Name.ToString());
        }

        // The classes' pixels as mask_values_mapped counted them, or counted here when it has not run first.
        var pixels = new Dictionary<string, long>(StringComparer.Ordinal);
        var counted = context.MaskClasses ?? image.Histogram().Where(h => names.ContainsKey(h.Label)).Select(h => new ClassPixels(names[h.Label], h.Pixels)).ToList();
        foreach (var c in counted) pixels[c.Class] = pixels.GetValueOrDefault(c.Class) + c.Pixels;
        foreach (var pair in items)
        {
            int colon = pair.IndexOf(':');
            string item = pair[..colon], className = pair[(colon + 1)..];
            if (!listed.Contains(className) || !line.RequestedItems.TryGetValue(item, out var style)) continue;
            bool requested = style != none;
            long shown = pixels.GetValueOrDefault(className);
            string what = item.Replace('_', ' ');
            if (requested && shown == 0)
                context.Sink.Add(new Finding(FolderFindingCodes.RequestNotInMask, Severity.Warning, "", $"line {line.LineNumber} requests {what} '{style}', but the mask has no pixel of class {className}"));
            else if (!requested && shown > 0)
                context.Sink.Add(new Finding(FolderFindingCodes.RequestNotInMask, Severity.Warning, "", $"the mask has {shown:N0} pixels of class {className}, but line {line.LineNumber} requests no {what}"));
        }
    }

    /// <summary>mesh_vertices: a dense landmark mesh has its kind's vertex count.</summary>
    public static void MeshVertices(RenderRuleContext context, int vertices)
    {
        if (context.Content is ObjMesh mesh && mesh.Vertices.Length != vertices)
            context.Sink.Add(new Finding(FolderFindingCodes.MeshMismatch, Severity.Error, "", $"{mesh.Vertices.Length} vertices; this kind of dense landmark mesh has {vertices}"));
    }

    /// <summary>
    /// mesh_surface: no vertex stands out of the surface (its edges over <paramref name="vertexRatio"/> times as long as
    /// its neighbours') and no edge spans the mesh (over <paramref name="edgeRatio"/> times its median edge, not counting
    /// the edges of a vertex already reported). Named at the worst vertex or edge, in OBJ's numbering (from 1).
    /// </summary>
    public static void MeshSurfaceHolds(RenderRuleContext context, double vertexRatio, double edgeRatio)
    {
        if (context.Content is not ObjMesh { FaceCount: > 0 } mesh) return;
        var surface = MeshSurface.Of(mesh);
        var outOfPlace = Enumerable.Range(0, mesh.Vertices.Length).Select(v => (Vertex: v, Ratio: surface.VertexRatio(v))).Where(v => v.Ratio > vertexRatio).ToList();
        if (outOfPlace.Count > 0)
        {
            var worst = outOfPlace.MaxBy(v => v.Ratio);
            context.Sink.Add(new Finding(FolderFindingCodes.MeshOutOfShape, Severity.Error, "",
                $"{outOfPlace.Count} of {mesh.Vertices.Length} vertices stand out of the surface (their edges over {F(vertexRatio)} times as long as their neighbours'); worst: vertex {worst.Vertex + 1}, {F(worst.Ratio)} times"));
        }

        var reported = outOfPlace.Select(v => v.Vertex).ToHashSet();
        var spanning = surface.Edges.Where(e => e.Length > edgeRatio * surface.MedianEdge && !reported.Contains(e.A) && !reported.Contains(e.B)).ToList();
        if (spanning.Count > 0)
        {
            var worst = spanning.MaxBy(e => e.Length);
            context.Sink.Add(new Finding(FolderFindingCodes.MeshOutOfShape, Severity.Error, "",
                $"{spanning.Count} edges are over {F(edgeRatio)} times the mesh's median edge ({surface.MedianEdge.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)}): faces join far vertices; worst: vertices {worst.A + 1} and {worst.B + 1}, {F(worst.Length / surface.MedianEdge)} times"));
        }
    }

    /// <summary>mesh_in_view: the world-space vertices project into the render through the info.json's camera (world2cam, then the intrinsics on the OpenGL camera point).</summary>
    public static void MeshInView(RenderRuleContext context)
    {
        if (context.Content is not ObjMesh mesh) return;
        if (context.Info?.Camera is not { HasIntrinsics: true, HasWorld2cam: true } camera)
        {
            context.Sink.Add(NotRun(context.Info is null ? $"{context.InfoName} could not be decoded, so the vertices are not projected"
                : $"{context.InfoName} has no camera intrinsics and world2cam to project the vertices with"));
            return;
        }

        var (width, height) = RenderSize.Of(camera.Intrinsics);
        int behind = 0, outside = 0;
        foreach (var v in mesh.Vertices)
        {
            var p = camera.World2cam.TransformPoint(v);
            if (!(p.Z < 0) || !CameraRules.TryProject(camera.Intrinsics, p, out double u, out double w))
            {
                behind++;
                continue;
            }

            if (!(u >= 0 && u <= width && w >= 0 && w <= height)) outside++;
        }

        if (behind > 0 || outside * 2 > mesh.Vertices.Length)
        {
            context.Sink.Add(new Finding(FolderFindingCodes.MeshMismatch, Severity.Error, "",
                $"through {context.InfoName}'s camera, {behind} of {mesh.Vertices.Length} vertices are behind it and {outside} project outside the image: not this render's mesh, or not in world space"));
        }
    }

    /// <summary>mesh_near_landmarks: the info.json's iBUG-68 points from <paramref name="firstPoint"/> lie within <paramref name="toleranceMm"/> of a vertex, in camera space.</summary>
    public static void MeshNearLandmarks(RenderRuleContext context, int firstPoint, string parts, double toleranceMm)
    {
        if (context.Content is not ObjMesh mesh || context.Info is not { Camera: { HasIntrinsics: true, HasWorld2cam: true } camera } info) return;
        DenseMeshChecks.AgainstLandmarks(mesh, new DenseMeshChecks.Kind(firstPoint, parts, toleranceMm), camera.World2cam, info, context.InfoName, context.Sink);
    }

    /// <summary>not_blank: the image is not one colour.</summary>
    public static void NotBlank(RenderRuleContext context)
    {
        if (context.Content is ImagePixels image) PixelChecks.CheckBlank(image, context.Sink);
    }

    /// <summary>depth_in_range: finite, and within zmin..zmax where there is surface.</summary>
    public static void DepthInRange(RenderRuleContext context, string surface, string mask)
    {
        if (context.Content is ImagePixels image) context.Pixels.CheckDepth(image, context.Pixels.Surface(image, surface, context.Mask(mask)), context.Sink);
    }

    /// <summary>
    /// unit_normals: normals of unit length where there is surface, but for a share that blends surfaces and the pixels
    /// of the mask's classes in <paramref name="exceptClasses"/> (what the producer renders with other normals).
    /// </summary>
    public static void UnitNormals(RenderRuleContext context, string surface, string mask, double lengthTolerance, double offShare, string[] exceptClasses)
    {
        if (context.Content is not ImagePixels image) return;
        var segments = context.Mask(mask);
        var held = image.Channels < 3 ? null : context.Pixels.Surface(image, surface, segments);
        if (held is not null && exceptClasses.Length > 0) held = Without(held, segments, context.Render.Contract.File(mask)?.Mapping, context.Info, exceptClasses);
        PixelChecks.CheckNormals(image, held, lengthTolerance, offShare, context.Sink);
    }

    // The surface less the pixels of the named classes (another array: the scope's surface is shared by other rules).
    private static bool[] Without(bool[] surface, PngImage? mask, string? mapping, Synthesis.Info.IInfoDocument? info, string[] classes)
    {
        if (mask is null || (long)mask.Width * mask.Height != surface.Length || mapping is null || info is null || SegmentMapping.Of(info, mapping) is not { } map) return surface;
        var dropped = new List<ushort>();
        foreach (var (name, value) in map.Entries)
        {
            if (value is >= 0 and <= ushort.MaxValue && Array.IndexOf(classes, name.ToString()) >= 0 && !dropped.Contains((ushort)value)) dropped.Add((ushort)value);
        }

        if (dropped.Count == 0) return surface;
        var held = ImageArrays.Uninitialized<bool>(surface.Length);
        PixelCounting.Without(surface, mask.Labels, dropped.ToArray(), held);
        return held;
    }

    /// <summary>agrees_with_mask: an alpha or foreground mask and the segmentation mask agree on background but for the edges.</summary>
    public static void AgreesWithMask(RenderRuleContext context, string mask, double share, string clear, string covered)
    {
        if (context.Content is ImagePixels image) context.Pixels.CheckAgainstMask(image, context.Mask(mask), share, clear, covered, context.Sink);
    }

    /// <summary>exr_channels: the EXR's first part has every listed channel.</summary>
    public static void ExrChannels(RenderRuleContext context, string[] channels)
    {
        if (context.Content is not ExrContent exr) return;
        var missing = channels.Where(d => exr.Part.Channels.All(c => c.Name != d)).ToList();
        if (missing.Count == 0) return;
        string listed = channels.Length == 1 ? channels[0] : string.Join(", ", channels[..^1]) + " and " + channels[^1];
        context.Sink.Add(new Finding(FolderFindingCodes.ExrLayout, Severity.Error, "",
            $"the EXR has no {string.Join(", ", missing)} channel{(missing.Count == 1 ? "" : "s")} (Synthesis AI's documentation lists {listed})"));
    }

    /// <summary>exr_depth_range: the header's zmin/zmax are the info.json's.</summary>
    public static void ExrDepthRange(RenderRuleContext context)
    {
        if (context.Content is not ExrContent exr || context.Info is not { HasZMin: true, HasZMax: true } info) return;
        if (exr.Float("zmin") is not { } zmin || exr.Float("zmax") is not { } zmax) return;
        if (Close(zmin, info.ZMin) && Close(zmax, info.ZMax)) return;
        context.Sink.Add(new Finding(FolderFindingCodes.ExrLayout, Severity.Error, "", string.Create(CultureInfo.InvariantCulture,
            $"the header's zmin/zmax are {zmin}/{zmax}; {context.InfoName} says {info.ZMin}/{info.ZMax}")));
    }

    /// <summary>exr_passes: each pass the EXR declares, where its channels are there, is checked by the pass rules of the file it stands for.</summary>
    public static void ExrPasses(RenderRuleContext context)
    {
        if (context.Content is not ExrContent exr || exr.Channels(context.Sink, context.Path) is not { } channels) return;
        var pixels = new PixelChecks(context.Info, context.InfoName)
        {
            FallbackDepthRange = (exr.Float("zmin") ?? double.NegativeInfinity, exr.Float("zmax") ?? double.PositiveInfinity, "the header's"),
        };

        // Every pass first, so that a pass's rules see the others (the alpha, for the surface).
        var passes = new List<(RenderPass Pass, ImagePixels Pixels)>();
        foreach (var pass in context.File.Passes)
        {
            if (!pass.Channels.All(channels.ContainsKey)) continue;
            var image = pass.Channels.Count == 1 ? channels[pass.Channels[0]] : ImagePixels.Interleave(pass.Channels.Select(n => channels[n]).ToList());
            passes.Add((pass, image));
            pixels.Images.TryAdd(pass.As, image);
        }

        foreach (var (pass, image) in passes)
        {
            var found = new FindingSink();
            context.Render.Run(context.Render.Contract.File(pass.As)!, context.Path, image, found, pixels, context.Render.Contract.PassRulesOf(pass.As));
            foreach (var f in found.Findings) context.Sink.Add(f with { Message = $"{string.Join(", ", pass.Channels)}: {f.Message}" });
        }
    }

    /// <summary>class_passes: each <paramref name="prefix"/>&lt;class&gt; channel agrees with the mask's pixels of that class.</summary>
    public static void ClassPasses(RenderRuleContext context, string prefix, string mask, double share)
    {
        if (context.Content is not ExrContent exr || context.Mask(mask) is not { } segments || context.Info is not { } info) return;
        if (context.Render.Contract.File(mask)?.Mapping is not { } mapping || SegmentMapping.Of(info, mapping) is not { } map) return;
        if (exr.Channels(context.Sink, context.Path) is not { } channels) return;
        foreach (var (name, pass) in channels.Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            string className = name[prefix.Length..];
            if (!map.TryGetValue(System.Text.Encoding.UTF8.GetBytes(className), out long value)) continue;
            var found = new FindingSink();
            PixelChecks.CheckClassMask(pass, segments, className, value, share, found);
            foreach (var f in found.Findings) context.Sink.Add(f with { Message = $"{name}: {f.Message}" });
        }
    }

    /// <summary>cryptomatte_ids: every id covering a pixel of a Cryptomatte layer is in its manifest.</summary>
    public static void CryptomatteIds(RenderRuleContext context)
    {
        if (context.Content is not ExrContent exr) return;
        var layers = exr.File.Cryptomattes.Where(l => l.Name is not null && l.Manifest.Count > 0).ToList();
        if (layers.Count == 0 || exr.Channels(context.Sink, context.Path) is not { } channels) return;
        foreach (var layer in layers) CheckCryptomatte(layer, channels, context.Sink);
    }

    /// <summary>line_matches_info: the metadata line asks for what the info.json holds (findings at the line).</summary>
    public static void LineMatchesInfo(RenderRuleContext context, double resolutionTolerancePx, double lensRelative)
    {
        if (context.Line is not { } line) return;
        MetadataCrossCheck.Run(line, context.Info, context.Path, resolutionTolerancePx, lensRelative, context.LineFindings);
    }

    internal static Finding NotRun(string why) => new(FolderFindingCodes.CheckNotRun, Severity.Warning, "", "check not run: " + why);

    // A Cryptomatte layer stores ranks in channels <name>00, <name>01, ...: R and B hold ids (a float's bits), G and A
    // the coverage of the id before them. Every id that covers a pixel must be in the manifest.
    private static void CheckCryptomatte(ExrCryptomatte layer, IReadOnlyDictionary<string, ImagePixels> channels, FindingSink sink)
    {
        var known = new HashSet<uint>();
        foreach (var (_, hash) in layer.Manifest)
        {
            if (uint.TryParse(hash, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out uint id)) known.Add(id);
        }

        long unknown = 0;
        (uint Id, int Pixel, int Width)? first = null;
        for (int rank = 0; channels.TryGetValue($"{layer.Name}{rank:00}.R", out _); rank++)
        {
            foreach (var (idChannel, coverageChannel) in new[] { (".R", ".G"), (".B", ".A") })
            {
                if (!channels.TryGetValue($"{layer.Name}{rank:00}{idChannel}", out var ids) || !channels.TryGetValue($"{layer.Name}{rank:00}{coverageChannel}", out var coverage)) continue;
                if (ids.Kind != SampleKind.Float32) continue; // ids are float32 bit patterns by definition
                var idBits = ids.Samples<uint>();
                var weights = coverage.ToSingles();
                for (int i = 0; i < idBits.Length; i++)
                {
                    if (!(weights[i] > 0) || known.Contains(idBits[i])) continue;
                    unknown++;
                    first ??= (idBits[i], i, ids.Width);
                }
            }
        }

        if (unknown > 0)
        {
            var (id, pixel, width) = first!.Value;
            sink.Add(new Finding(FolderFindingCodes.CryptomatteIdUnknown, Severity.Error, "",
                $"{unknown:N0} covered samples of {layer.Name} hold ids its manifest does not name (first {id:x8} at ({pixel % width}, {pixel / width}))"));
        }
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-6 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    private static string F(double v) => v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
