using Codec.Formats.Findings;
using Codec.Formats.Synthesis;
using Codec.Formats.Validation.Folders;
using Codec.Runtime.Binary.Image;
using Codec.Runtime.Findings;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Formats;

/// <summary>
/// The checks of a render's images, each defect seeded into a copy of the producer's real job
/// (face-api-1.2-modalities: RGB PNGs, float16 depth and normals TIFFs, 8-bit LZW alpha), which itself passes.
/// </summary>
public sealed class ModalityCheckTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("codec-modalities-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Job => Path.Combine(TestPaths.SynthesisFixtures, "face-api-1.2-modalities");

    private string Copy()
    {
        foreach (var file in Directory.GetFiles(Job)) File.Copy(file, Path.Combine(_dir, Path.GetFileName(file)));
        return _dir;
    }

    private List<(string File, Finding Finding)> Check() =>
        new SynthesisFolderChecker().CheckAsync(_dir).GetAwaiter().GetResult()
            .SelectMany(r => r.Findings.Where(f => f.Severity != Severity.Info).Select(f => (Path.GetFileName(r.Path), f))).ToList();

    private ImagePixels Decode(string name) => ImageFile.Read(Path.Combine(_dir, name), new FindingSink())!;

    [FixtureFact]
    public void The_real_job_passes_and_every_image_is_checked()
    {
        var results = new SynthesisFolderChecker().CheckAsync(Copy()).GetAwaiter().GetResult();
        Assert.DoesNotContain(results, r => r.Findings.Any(f => f.Severity != Severity.Info));
        foreach (var modality in new[] { "rgb.png", "depth.tif", "normals.tif", "alpha.tif" })
            Assert.Equal(15, results.Count(r => r.Path.EndsWith("." + modality, StringComparison.Ordinal)));
    }

    [FixtureFact]
    public void A_truncated_rgb_is_found()
    {
        Copy();
        string rgb = Path.Combine(_dir, "3.rgb.png");
        var bytes = File.ReadAllBytes(rgb);
        File.WriteAllBytes(rgb, bytes[..(bytes.Length * 2 / 3)]);
        var (file, finding) = Assert.Single(Check());
        Assert.Equal("3.rgb.png", file);
        Assert.Equal(FindingCodes.DataTruncated, finding.Code);
    }

    [FixtureFact]
    public void A_blank_rgb_and_a_resized_one_are_found()
    {
        Copy();
        WritePng("4.rgb.png", new byte[512 * 512 * 3], 512, 512);
        WritePng("5.rgb.png", new byte[256 * 256 * 3].Select((_, i) => (byte)i).ToArray(), 256, 256);
        var findings = Check();
        Assert.Contains(findings, x => x.File == "4.rgb.png" && x.Finding.Code == FolderFindingCodes.BlankImage && x.Finding.Message == "every pixel is (0, 0, 0)");
        Assert.Contains(findings, x => x.File == "5.rgb.png" && x.Finding.Code == FolderFindingCodes.ImageSizeMismatch);
        Assert.Equal(2, findings.Count);
    }

    [FixtureFact]
    public void Depth_that_is_not_finite_or_out_of_range_on_the_surface_is_found()
    {
        Copy();
        var depth = Decode("6.depth.tif");
        var alpha = Decode("6.alpha.tif");
        var values = depth.Samples<Half>().ToArray();
        values[10] = Half.NaN;
        // A fully opaque pixel, pushed behind the far plane (zmax is 100 m).
        int surface = Enumerable.Range(0, values.Length).First(i => alpha.Data[i] == 255);
        values[surface] = (Half)250;
        WriteTiff("6.depth.tif", depth, values);
        var findings = Check().Where(x => x.File == "6.depth.tif").Select(x => x.Finding).ToList();
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(FolderFindingCodes.DepthOutOfRange, f.Code));
        Assert.Contains(findings, f => f.Message.StartsWith("1 pixels are not finite (first at (10, 0)", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Message.Contains("surface pixels lie outside 6.info.json's [0, 100]", StringComparison.Ordinal) && f.Message.Contains(": 250)", StringComparison.Ordinal));
    }

    [FixtureFact]
    public void Normals_written_as_colours_are_not_unit_length()
    {
        Copy();
        var normals = Decode("7.normals.tif");
        var values = normals.Samples<Half>().ToArray().Select(n => (Half)(((float)n + 1) / 2)).ToArray();
        WriteTiff("7.normals.tif", normals, values);
        var (file, finding) = Assert.Single(Check());
        Assert.Equal("7.normals.tif", file);
        Assert.Equal(FolderFindingCodes.NormalsNotUnit, finding.Code);
    }

    [FixtureFact]
    public void An_alpha_that_is_not_the_masks_is_found()
    {
        Copy();
        // Render 8's alpha shifted by 40 pixels: its silhouette no longer covers the mask's classes.
        var alpha = Decode("8.alpha.tif");
        var shifted = new byte[alpha.Data.Length];
        for (int y = 0; y < 512; y++) Array.Copy(alpha.Data, y * 512, shifted, (y * 512) + 40, 512 - 40);
        WriteTiff("8.alpha.tif", alpha, shifted);
        var findings = Check().Where(x => x.File == "8.alpha.tif").ToList();
        Assert.Contains(findings, x => x.Finding.Code == FolderFindingCodes.AlphaMaskMismatch);
    }

    [FixtureFact]
    public void The_dataset_api_serves_the_modalities_as_typed_pixels()
    {
        var render = SynthesisOutput.Open(Job).Renders.First(r => r.RenderId == 0);
        var depth = render.ReadImage("depth")!;
        Assert.Equal(SampleKind.Float16, depth.Kind);
        Assert.Equal(512 * 512, depth.Samples<Half>().Length);
        Assert.Equal(3, render.ReadImage("normals")!.Channels);
        Assert.Equal(512 * 512 * 3, render.ReadImage("rgb")!.Samples<byte>().Length);
        Assert.Null(render.ReadImage("albedo"));
    }

    private void WritePng(string name, byte[] rgb, int width, int height)
    {
        using var stream = File.Create(Path.Combine(_dir, name));
        PngWriter.Write(stream, rgb, width, height, PngPixelFormat.Rgb8);
    }

    private void WriteTiff<T>(string name, ImagePixels like, T[] samples) where T : unmanaged =>
        File.WriteAllBytes(Path.Combine(_dir, name), TiffBuilder.Build(like.Width, like.Height, like.Channels, ImagePixels.BytesOf(like.Kind) * 8,
            like.Kind is SampleKind.Float16 or SampleKind.Float32 ? 3 : 1, System.Runtime.InteropServices.MemoryMarshal.AsBytes(samples.AsSpan()).ToArray()));
}
