using System.Text.RegularExpressions;
using Codec.Cli.Commands;
using Codec.Runtime.Binary.Image;
using Codec.Runtime.Findings;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Cli;

/// <summary><c>codec render</c>: landmark systems over an image or a coloured mask, as one SVG (pinned by snapshot).</summary>
public sealed class RenderCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("codec-render-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Sample(string version, string file) => Path.Combine(TestPaths.SampleData, "synthesis", "info-" + version, file);

    private string Render(string info, string? image = null, string? mask = null)
    {
        string output = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".svg");
        var stderr = new StringWriter();
        Assert.True(RenderCommand.Run(info, image, mask, output, false, new StringWriter(), stderr) == 0, stderr.ToString());
        return File.ReadAllText(output);
    }

    [Fact]
    public void The_landmarks_of_a_render_match_the_snapshot()
    {
        Snapshot.Verify(Render(Sample("1.2", "0.info.json")), "svg");
    }

    [Fact]
    public void Every_system_has_its_colour_and_every_point_a_title_hollow_when_out_of_frustum()
    {
        string svg = Render(Sample("1.5", "1.info.json"));
        foreach (var system in new[] { "ibug68", "ibug68_contour", "kinect_v2", "coco_whole_body", "mediapipe_body", "mediapipe_left_hand", "mpeg4", "pupils" })
        {
            Assert.Contains($"<g id=\"{system}\"", svg);
        }

        Assert.Matches("<title>kinect_v2 HAND_RIGHT \\(id 15\\)", svg);
        Assert.Contains("<title>mpeg4 2.13 (id 12)", svg);
        int circles = Regex.Matches(svg, "<circle cx").Count;
        int hollow = Regex.Matches(svg, "<circle [^>]*fill=\"none\"").Count;
        int outOfFrustum = Regex.Matches(svg, "\\(out of frustum\\)").Count;
        Assert.True(hollow > 0, "the sample's body reaches out of the frame");
        Assert.Equal(hollow, outOfFrustum);
        Assert.True(circles > 400);
    }

    [Fact]
    public void A_mask_is_drawn_coloured_by_class_with_a_legend()
    {
        // A 1.2 sample render's mapping, and a mask that uses three of its classes.
        string info = Sample("1.2", "0.info.json");
        var (w, h) = (16, 8);
        var labels = new ushort[w * h];
        for (int i = 0; i < labels.Length; i++) labels[i] = (ushort)(i < 64 ? 0 : i < 100 ? 1 : 2);
        string mask = Path.Combine(_dir, "0.segments.png");
        using (var stream = File.Create(mask)) PngWriter.WriteLabels(stream, labels, w, h, PngPixelFormat.Grey16);

        string svg = Render(info, mask: mask);
        var data = Regex.Match(svg, "href=\"data:image/png;base64,([^\"]+)\"").Groups[1].Value;
        var png = Convert.FromBase64String(data);
        Assert.Equal(2, png[25]); // an RGB PNG of the mask's size
        Assert.Equal(w, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Contains(">background: 64 px</text>", svg);
        Assert.Matches(">[a-z_]+: 36 px</text>", svg);
        Assert.Matches(">[a-z_]+: 28 px</text>", svg);
        // The picture is pinned apart from its bytes (zlib output may differ between runtime versions).
        Snapshot.Verify(svg.Replace(data, "<png>"), "svg");
    }

    [Fact]
    public void Every_class_of_a_mask_gets_a_colour_of_its_own_and_the_same_colour_in_every_render()
    {
        // The 22 clothing classes of Synthesis AI's documentation (with "shoe" and "short sleeve shirt", once the same
        // pink), in two renders that number them differently.
        var names = Enumerable.Range(0, 64).Select(Codec.Formats.Synthesis.Segmentation.ClothingSegmentTable.NameOf).OfType<string>().Distinct().ToList();
        Assert.Contains("shoe", names);
        Assert.Contains("short sleeve shirt", names);
        var one = Colours(names, names.Select((n, i) => (i, n)).ToDictionary(x => x.i, x => x.n));
        var other = Colours(names, names.Select((n, i) => (names.Count - 1 - i, n)).ToDictionary(x => x.Item1, x => x.n));
        Assert.Equal(one.OrderBy(c => c.Key), other.OrderBy(c => c.Key));
        foreach (var (a, ca) in one)
        {
            foreach (var (b, cb) in one.Where(x => string.CompareOrdinal(x.Key, a) > 0))
            {
                double d = Math.Sqrt(Enumerable.Range(0, 3).Sum(k => Math.Pow(Convert.ToInt32(ca.Substring(1 + 2 * k, 2), 16) - Convert.ToInt32(cb.Substring(1 + 2 * k, 2), 16), 2)));
                Assert.True(d >= 80, $"{a} {ca} and {b} {cb} are {d:0} apart");
            }
        }
    }

    // The legend's colour of each class of a mask holding one pixel of every label.
    private static Dictionary<string, string> Colours(List<string> names, Dictionary<int, string> numbering)
    {
        var labels = numbering.Keys.Select(k => (ushort)k).ToArray();
        using var png = new MemoryStream();
        Codec.Runtime.Binary.Image.PngWriter.WriteLabels(png, labels, labels.Length, 1, Codec.Runtime.Binary.Image.PngPixelFormat.Grey8);
        var mask = Codec.Runtime.Binary.Image.PngImage.Decode(png.ToArray(), new Codec.Runtime.Findings.FindingSink())!;
        var background = Codec.Formats.Rendering.SvgOverlay.ColouredMask(mask, numbering, "test");
        Assert.Equal(names.Count, background.Classes.Count);
        return background.Classes.ToDictionary(c => c.Name, c => c.Colour);
    }

    [Fact]
    public void Usage_errors_write_nothing()
    {
        string info = Sample("1.2", "0.info.json");
        string output = Path.Combine(_dir, "o.svg");
        var stderr = new StringWriter();
        Assert.Equal(2, RenderCommand.Run(info, info, info, output, false, new StringWriter(), stderr));
        Assert.Contains("not both", stderr.ToString());
        stderr = new StringWriter();
        Assert.Equal(2, RenderCommand.Run(info, info, null, output, false, new StringWriter(), stderr));
        Assert.Contains("neither a PNG, a TIFF nor an OpenEXR file", stderr.ToString());
        Assert.Equal(2, RenderCommand.Run(info, null, null, Path.Combine(_dir, "o.png"), false, new StringWriter(), new StringWriter()));
        Assert.False(File.Exists(output));
        File.WriteAllText(output, "keep");
        Assert.Equal(2, RenderCommand.Run(info, null, null, output, false, new StringWriter(), new StringWriter()));
        Assert.Equal("keep", File.ReadAllText(output));
    }

    [Fact]
    public void A_picture_much_taller_than_wide_renders_its_points_pinned_inside_it()
    {
        string image = Path.Combine(_dir, "tall.png");
        using (var stream = File.Create(image)) Codec.Runtime.Binary.Image.PngWriter.Write(stream, new byte[1 * 3000 * 3], 1, 3000, Codec.Runtime.Binary.Image.PngPixelFormat.Rgb8);
        string svg = Render(Sample("1.2", "0.info.json"), image: image);
        Assert.Contains("width=\"1\" height=\"3000\"", svg);
        Assert.Contains("<circle", svg);
    }

    [FixtureFact]
    public void A_real_portrait_pins_the_out_of_frame_body_to_the_margin()
    {
        string folder = Path.Combine(TestPaths.SynthesisFixtures, "humans-1.5");
        string svg = Render(Path.Combine(folder, "24.info.json"), mask: Path.Combine(folder, "24.segments.png"));
        Assert.Contains("really at", svg); // the feet of a head-and-shoulders render
        Assert.Contains(">hair: 36700 px</text>", svg);
        Assert.Contains("<g id=\"mpeg4\"", svg);
    }

    // Every mark, outline included, lies inside the picture's view: none is cut at its edge.
    private static void AssertMarksInside(string svg)
    {
        var view = Regex.Match(svg, "viewBox=\"([-0-9.]+) ([-0-9.]+) ([0-9.]+) ([0-9.]+)\"");
        double x0 = double.Parse(view.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), y0 = double.Parse(view.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        double x1 = x0 + double.Parse(view.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture), y1 = y0 + double.Parse(view.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture);
        int marks = 0;
        foreach (Match m in Regex.Matches(svg, "<circle cx=\"([-0-9.]+)\" cy=\"([-0-9.]+)\" r=\"([0-9.]+)\"( fill=\"none\" stroke=\"[^\"]+\" stroke-width=\"([0-9.]+)\")?"))
        {
            double cx = double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), cy = double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            double r = double.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture);
            double outline = m.Groups[5].Success ? double.Parse(m.Groups[5].Value, System.Globalization.CultureInfo.InvariantCulture) / 2 : r / 8;
            double reach = r + outline - 0.02; // coordinates are written to 2 decimals
            Assert.True(cx - reach >= x0 && cx + reach <= x1 && cy - reach >= y0 && cy + reach <= y1, $"mark at ({cx}, {cy}) r {r} is cut by the view {x0} {y0} {x1} {y1}");
            marks++;
        }

        Assert.True(marks > 0);
    }

    [Fact]
    public void Marks_out_of_the_frame_stay_whole_inside_the_picture()
    {
        string svg = Render(Sample("1.5", "1.info.json"));
        Assert.Contains("really at", svg);
        AssertMarksInside(svg);
    }

    [FixtureFact]
    public void The_marks_of_a_real_portrait_stay_whole_inside_the_picture()
    {
        string folder = Path.Combine(TestPaths.SynthesisFixtures, "humans-1.5");
        AssertMarksInside(Render(Path.Combine(folder, "24.info.json"), mask: Path.Combine(folder, "24.segments.png")));
    }

    [Fact]
    public void Inputs_with_nothing_to_draw_are_usage_errors_and_write_nothing()
    {
        string output = Path.Combine(_dir, "nothing.svg");
        var stderr = new StringWriter();
        Assert.Equal(2, RenderCommand.Run(Sample("1.2", "metadata.jsonl"), null, null, output, false, new StringWriter(), stderr));
        Assert.Contains("a metadata.jsonl has no landmarks; give a render's N.info.json", stderr.ToString());

        string retail = Path.Combine(_dir, "7.info.json");
        File.WriteAllText(retail, """{"api": 3, "version": "1.2", "render_id": 7}""");
        stderr = new StringWriter();
        Assert.Equal(2, RenderCommand.Run(retail, null, null, output, false, new StringWriter(), stderr));
        Assert.Contains("it is not a Human API render", stderr.ToString());
        Assert.False(File.Exists(output));
    }

    [FixtureFact]
    public void A_tiff_modality_is_drawn_as_a_preview()
    {
        string folder = Path.Combine(TestPaths.SynthesisFixtures, "face-api-1.2-modalities");
        foreach (var modality in new[] { "depth", "normals", "alpha" })
        {
            string svg = Render(Path.Combine(folder, "0.info.json"), image: Path.Combine(folder, $"0.{modality}.tif"));
            var png = Convert.FromBase64String(Regex.Match(svg, "href=\"data:image/png;base64,([^\"]+)\"").Groups[1].Value);
            var preview = PngDecoder.Decode(png, new FindingSink())!;
            Assert.Equal((512, 512, 3), (preview.Width, preview.Height, preview.Channels));
            Assert.False(preview.IsBlank);
            Assert.Contains($"0.{modality}.tif (", svg);
        }
    }

    [Fact]
    public void A_render_exr_is_drawn_as_its_beauty_pass()
    {
        // An EXR OpenEXR wrote (37 × 21, R a left-to-right ramp over [0, 1), G 0.5, B 0.25), drawn under the sample's landmarks.
        string svg = Render(Sample("1.5", "1.info.json"), image: Path.Combine(TestPaths.TestFixtures, "exr", "render.good.exr"));
        var png = Convert.FromBase64String(Regex.Match(svg, "href=\"data:image/png;base64,([^\"]+)\"").Groups[1].Value);
        var preview = PngDecoder.Decode(png, new FindingSink())!;
        Assert.Equal((37, 21, 3), (preview.Width, preview.Height, preview.Channels));
        // Colour in [0, 1] times 255, not stretched as normals would be: G 0.5 is 128 (half rounds 0.5 exactly), B 64.
        Assert.Equal((0d, 128d, 64d), (preview.At(0, 0, 0), preview.At(0, 0, 1), preview.At(0, 0, 2)));
        Assert.Contains("render.good.exr (OpenEXR R, G, B of 14 channels (Zip)", svg);
    }
}
