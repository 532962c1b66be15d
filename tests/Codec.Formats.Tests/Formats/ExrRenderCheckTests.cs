using Codec.Formats.Validation.Folders;
using Codec.Runtime.Findings;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Formats;

/// <summary>
/// A render's EXR in its output folder: named <c>N.exr</c> (not a stray file), its documented channels, its depth range
/// and its Cryptomatte ids against the manifest — on EXRs OpenEXR wrote (tests/Fixtures/exr/make_pixels.cpp), each
/// defect seeded by the writer.
/// </summary>
public sealed class ExrRenderCheckTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("codec-exr-render-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private List<(string File, Finding Finding)> CheckWith(string exr)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.SampleData, "synthesis", "info-1.5"))) File.Copy(file, Path.Combine(_dir, Path.GetFileName(file)), overwrite: true);
        File.Copy(Path.Combine(TestPaths.TestFixtures, "exr", $"render.{exr}.exr"), Path.Combine(_dir, "1.exr"), overwrite: true);
        var results = new SynthesisFolderChecker().CheckAsync(_dir).GetAwaiter().GetResult();
        Assert.Contains(results, r => Path.GetFileName(r.Path) == "1.exr");
        return results.SelectMany(r => r.Findings.Where(f => f.Severity != Severity.Info).Select(f => (Path.GetFileName(r.Path), f))).ToList();
    }

    [Fact]
    public void A_good_render_exr_passes_and_is_no_stray_file()
    {
        Assert.Empty(CheckWith("good"));
    }

    [Fact]
    public void A_cryptomatte_id_the_manifest_lacks_is_found()
    {
        var (file, finding) = Assert.Single(CheckWith("unknown_id"));
        Assert.Equal("1.exr", file);
        Assert.Equal(FindingCodes.CryptomatteIdUnknown, finding.Code);
        Assert.Contains("1 covered samples of CryptoObject hold ids its manifest does not name (first 12345678 at (3, 5))", finding.Message);
    }

    [Fact]
    public void Depth_past_zmax_is_found()
    {
        var (file, finding) = Assert.Single(CheckWith("far_z"));
        Assert.Equal(FindingCodes.DepthOutOfRange, finding.Code);
        Assert.Contains("(first at (9, 7): 150)", finding.Message);
    }

    [Fact]
    public void A_missing_documented_channel_is_found()
    {
        var (_, finding) = Assert.Single(CheckWith("no_z"));
        Assert.Equal(FindingCodes.ExrLayout, finding.Code);
        Assert.Contains("no Z channel", finding.Message);
    }
}
