using System.Diagnostics;
using System.Text.RegularExpressions;
using Codec.Cli.Commands;
using Codec.Cli.Reporting.Html;
using Codec.Cli.Reporting;
using Codec.Formats.Findings;
using Codec.Formats.Validation.Folders;
using Codec.Formats.Validation;
using Codec.Runtime.Findings;
using Codec.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Codec.Tests.Cli;

/// <summary>
/// The HTML report: what it holds for the sample data and a real fixture folder, the same from a run and from its
/// Parquet file, drift against a baseline, and — in headless Chromium, where it is installed — a page that loads
/// without a console error with its charts and code table in place.
/// </summary>
public sealed class HtmlReportTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("codec-html-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string ValidateToHtml(string name, ValidateSettings settings, params string[] paths)
    {
        string html = Path.Combine(_dir, name + ".html");
        var stderr = new StringWriter();
        int exit = ValidateCommand.Run(paths, settings with { Html = html, Quiet = true }, new StringWriter(), stderr);
        Assert.True(exit is 0 or 1, stderr.ToString());
        return html;
    }

    private static string FaceApiFixture => Path.Combine(TestPaths.SynthesisFixtures, "face-api-1.2-modalities");

    [Fact]
    public void The_report_of_the_sample_data_has_the_verdict_the_code_table_the_charts_and_the_docs()
    {
        string html = File.ReadAllText(ValidateToHtml("samples", new ValidateSettings(), TestPaths.SampleData));
        Assert.Contains("<p class=\"verdict pass\">Passes: 0 errors, 4 warnings</p>", html);
        Assert.Matches("<tr data-filter=\"D915\"[^>]*><td><code>D915</code>", html);
        Assert.Contains("<article id=\"doc-d915\">", html);
        Assert.Contains("<article id=\"doc-k401\">", html);
        // Renders: every distribution the sample has, the landmark errors and the worst renders drawn.
        foreach (var chart in new[] { "head yaw", "gaze vertical", "camera distance", "focal length", "age", "sex", "ethnicity", "expression", "mean error per render" })
            Assert.Contains($"<text class=\"ttl\" x=\"4\" y=\"14\">{chart}</text>", html);
        Assert.Equal(RunStats.WorstCount, Regex.Matches(html, "<img alt=\"landmarks of ").Count);
        // Renders of different jobs share names: each thumbnail names its folder, its title the whole path.
        Assert.Equal(RunStats.WorstCount, Regex.Matches(html, "<code title=\"[^\"]+/info-1\\.[25]/\\d+\\.info\\.json\">info-1\\.[25]/\\d+\\.info\\.json</code>").Count);
        // Audio2Face-3D: durations against audio, emotions, motion, audio levels, vertex counts per mesh.
        foreach (var chart in new[] { "audio length against frames / fps", "shot durations", "shots per emotion", "motion range per shot (largest vertex span)", "audio level per shot (RMS, dBFS; bars from -60 dB)", "caches by vertex count" })
            Assert.Contains($">{chart}</text>", html);
        Assert.DoesNotContain("do not agree on a vertex count", html);
        // Self-contained: nothing is fetched.
        Assert.DoesNotMatch("(src|href)=\"https?:", html);
        Assert.DoesNotContain("<link", html);
    }

    [FixtureFact]
    public void A_real_fixture_folder_shows_its_mask_classes_and_findings()
    {
        string html = File.ReadAllText(ValidateToHtml("fixture", new ValidateSettings { ShowInfo = true }, FaceApiFixture));
        Assert.Contains(">masks with the class</text>", html);
        Assert.Contains(">share of the pixels</text>", html);
        Assert.Contains("<h3>Renders with the largest landmark error</h3>", html);
        Assert.Matches("<div class=\"card\"><span class=\"n\">[0-9,]+</span><span class=\"muted\">renders</span>", html);
    }

    [Fact]
    public void Codec_report_of_the_parquet_file_is_the_report_of_the_run()
    {
        string parquet = Path.Combine(_dir, "run.parquet");
        string direct = ValidateToHtml("direct", new ValidateSettings { Out = parquet }, TestPaths.SampleData);
        string alone = ValidateToHtml("alone", new ValidateSettings(), TestPaths.SampleData);
        string fromFile = Path.Combine(_dir, "from-file.html");
        var stderr = new StringWriter();
        Assert.True(ReportCommand.Run([parquet], fromFile, null, [], false, new StringWriter(), stderr) == 0, stderr.ToString());
        // The header names what was checked (paths, then the Parquet file) and when; everything below it is the same.
        static string Body(string file) => Regex.Replace(File.ReadAllText(file), "<header>.*?</header>|<title>.*?</title>", "", RegexOptions.Singleline);
        Assert.Equal(Body(direct), Body(fromFile));
        // Writing the Parquet file changes nothing in the page: its info findings are located either way.
        Assert.Equal(Body(direct), Body(alone));

        Assert.Equal(2, ReportCommand.Run([parquet], Path.Combine(_dir, "report.txt"), null, [], false, new StringWriter(), new StringWriter()));
        Assert.Equal(2, ReportCommand.Run([Path.Combine(TestPaths.SampleData, "a2f", "audio", "cp1_neutral.wav")], Path.Combine(_dir, "x.html"), null, [], false, new StringWriter(), new StringWriter()));
    }

    [Fact]
    public void Codec_report_exits_as_validate_would_and_overwrites_only_with_force()
    {
        string parquet = Path.Combine(_dir, "run.parquet");
        ValidateToHtml("direct", new ValidateSettings { Out = parquet }, TestPaths.SampleData);
        string page = Path.Combine(_dir, "page.html");
        // The sample data has warnings only: 0, and 1 when warnings count as errors, as the page then says.
        Assert.Equal(0, ReportCommand.Run([parquet], page, null, [], false, new StringWriter(), new StringWriter()));
        var stderr = new StringWriter();
        Assert.Equal(2, ReportCommand.Run([parquet], page, null, [], true, new StringWriter(), stderr));
        Assert.Contains("--force", stderr.ToString());
        Assert.Equal(1, ReportCommand.Run([parquet], page, null, [], true, new StringWriter(), new StringWriter(), force: true));
    }

    private static FileCheckResult Render(long id, double yaw, string sex, params Finding[] findings) =>
        new($"{id}.info.json", "1.5", findings) { Render = new RenderFacts { RenderId = id, HeadYaw = yaw, Sex = sex, CameraDistance = 1.5 } };

    [Fact]
    public void Drift_flags_what_moved_and_not_what_stayed()
    {
        var random = new Random(2026);
        var warning = new Finding(FolderFindingCodes.MissingModality, Severity.Warning, "", "no mask");
        var before = Enumerable.Range(0, 400).Select(i => Render(i, (random.NextDouble() * 60) - 30, i % 2 == 0 ? "female" : "male")).ToList();
        var after = Enumerable.Range(0, 400).Select(i => Render(i, (random.NextDouble() * 30) + 10, i % 2 == 0 ? "female" : "male", i < 5 ? [warning] : [])).ToList();
        var a = RunStats.From(before);
        var b = RunStats.From(after);
        var drift = Drift.Distributions(a, b).ToDictionary(d => d.Name);
        Assert.True(drift["head yaw"].Moved, drift["head yaw"].Change);
        Assert.False(drift["sex"].Moved);
        Assert.False(drift["camera distance"].Moved);
        Assert.Equal(0, drift["sex"].Distance, 9);
        Assert.Equal(new CodeDrift(FolderFindingCodes.MissingModality, 0, 5), Drift.Codes(a, b).Single());

        // The same sample twice never moves.
        var again = RunStats.From(before);
        Assert.All(Drift.Distributions(a, again), d => Assert.False(d.Moved, d.Name));

        string html = HtmlReport.Build(new ReportInput(after, ["now"], 0, ReportPolicy.None, before, "then.parquet"));
        Assert.Contains("<h2>Since then.parquet</h2>", html);
        Assert.Matches("<tr class=\"moved\"><td>head yaw <span class=\"sev warning\">moved</span>", html);
        Assert.Contains("<path class=\"base\"", html);
    }

    [Fact]
    public void The_kolmogorov_smirnov_distance_is_that_of_the_distribution_functions()
    {
        Assert.Equal(0, Drift.KolmogorovSmirnov([1, 2, 3], [1, 2, 3]));
        Assert.Equal(1, Drift.KolmogorovSmirnov([1, 2], [3, 4]));
        Assert.Equal(0.5, Drift.KolmogorovSmirnov([1, 2, 3, 4], [3, 4, 5, 6]), 9);
    }

    [Fact]
    public void A_large_run_lists_a_bounded_number_of_findings()
    {
        var findings = Enumerable.Range(0, HtmlReport.MaxListedFindings + 500).Select(i => new Finding(FindingCodes.Syntax, Severity.Error, "/", "bad " + i, i + 1, 1)).ToList();
        string html = HtmlReport.Build(new ReportInput([new FileCheckResult("big.jsonl", "1.4", findings)], ["big.jsonl"], 0, ReportPolicy.None));
        Assert.Equal(HtmlReport.MaxListedFindings, Regex.Matches(html, "<tr data-code=\"J101\"").Count);
        Assert.Contains("500 more findings are counted above but not listed here", html);
    }

    // Headless Chromium (Debian's chromium), where installed: the page loads, its script runs to the end without a
    // console error, and the charts and the code table are in the live document.
    [ChromiumFact]
    public void The_report_opens_in_headless_chromium_without_a_console_error()
    {
        string chromium = ChromiumFactAttribute.Path!;

        var pages = new List<string> { ValidateToHtml("samples", new ValidateSettings(), TestPaths.SampleData) };
        if (Directory.Exists(FaceApiFixture)) pages.Add(ValidateToHtml("fixture", new ValidateSettings(), FaceApiFixture));
        else output.WriteLine($"fixture folder {FaceApiFixture} absent: only the sample data's report is opened");

        foreach (var page in pages)
        {
            var (dom, log) = Open(chromium, page);
            Assert.Contains("data-report-ready=\"1\"", dom);
            Assert.Contains("<table class=\"codes\">", dom);
            Assert.True(Regex.Matches(dom, "<figure class=\"chart\"><svg").Count >= 5, "charts are in the page");
            Assert.Matches("<span id=\"filter-state\">(All findings.|Only infos here: untick \"hide infos\" to list them.)</span>", dom);
            var errors = log.Split('\n').Where(l => l.Contains("CONSOLE", StringComparison.Ordinal) || l.Contains("Uncaught", StringComparison.Ordinal)).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
    }

    /// <summary>A test that needs headless Chromium: skipped, with how to get it, where there is none.</summary>
    private sealed class ChromiumFactAttribute : FactAttribute
    {
        public static readonly string? Path = new[] { Environment.GetEnvironmentVariable("CODEC_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));

        public ChromiumFactAttribute()
        {
            if (Path is null) Skip = "no headless Chromium here (Debian: apt-get install chromium; or set CODEC_CHROMIUM to a Chromium binary)";
        }
    }

    private (string Dom, string Log) Open(string chromium, string page)
    {
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", "--enable-logging=stderr", "--v=0",
                     $"--user-data-dir={Path.Combine(_dir, "chromium-profile")}", "--dump-dom", new Uri(page).AbsoluteUri })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string dom = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "chromium did not finish");
        return (dom, stderr.Result);
    }
}
