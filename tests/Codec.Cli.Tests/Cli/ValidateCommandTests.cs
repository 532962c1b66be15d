using System.Text.Json;
using Codec.Cli.Commands;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Cli;

/// <summary><c>codec validate</c>: reports, the JSON document, exit codes.</summary>
public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("codec-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Exit, string Out, string Err) Run(params string[] args) => RunWith(args, json: false);

    private static (int Exit, string Out, string Err) RunWith(string[] paths, bool json, bool info = false)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = ValidateCommand.Run(paths, json, info, ValidateCommand.DefaultMaxFileBytes, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void No_path_validates_the_shipped_sample_data()
    {
        var (exit, output, errors) = Run();
        Assert.Equal(0, exit);
        Assert.Contains("38 files checked, 37 clean: 0 errors, 4 warnings", output); // per Synthesis version 3 info.json + metadata.jsonl; the A2F dataset: 30 files and the recommendations on cache/skin
        Assert.Contains("no path given; checking the sample data shipped with codec", errors);
    }

    [Fact]
    public void A_folder_with_nothing_to_check_is_a_usage_error()
    {
        File.WriteAllText(Path.Combine(_dir, "notes.txt"), "nothing here");
        var (exit, output, errors) = Run(_dir);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("nothing to check in " + _dir, errors);
    }

    [Fact]
    public void A_listing_cut_short_says_so_and_the_totals_count_every_finding()
    {
        // 3,000 lines of tens of errors each (every number of a real line written as a string): more than a file lists.
        string line = File.ReadLines(Path.Combine(TestPaths.SampleData, "synthesis", "info-1.5", "metadata.jsonl")).First();
        string broken = System.Text.RegularExpressions.Regex.Replace(line, @":(-?[0-9][0-9.eE+-]*)([,}\]])", ":\"$1\"$2");
        string jsonl = Path.Combine(_dir, "metadata.jsonl");
        File.WriteAllLines(jsonl, Enumerable.Repeat(broken, 3000));
        var (exit, output, _) = Run(jsonl);
        Assert.Equal(1, exit);
        Assert.Contains("warning J108", output);
        Assert.Contains("counted in the totals but not listed", output);
        int listed = output.Split('\n').Count(l => l.TrimStart().StartsWith("error ", StringComparison.Ordinal));
        var summary = System.Text.RegularExpressions.Regex.Match(output, @"(\d+) errors?, ");
        Assert.True(long.Parse(summary.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > listed, $"{summary.Value} for {listed} listed");
    }

    [Fact]
    public void Links_out_of_the_checked_folder_are_reported_not_followed_and_a_loop_is_walked_once()
    {
        if (!OperatingSystem.IsLinux()) return;
        string output = Path.Combine(_dir, "out");
        Directory.CreateDirectory(output);
        File.Copy(Documents.SampleV12, Path.Combine(output, "0.info.json"));
        File.CreateSymbolicLink(Path.Combine(output, "1.info.json"), "/etc/hostname");
        Directory.CreateSymbolicLink(Path.Combine(_dir, "share"), "/usr/share");
        Directory.CreateSymbolicLink(Path.Combine(output, "loop"), _dir);

        var (_, report, _) = Run(_dir);
        Assert.Contains("a link to /usr/share, outside " + _dir + "; not followed", report);
        Assert.Contains("a link to /etc/hostname, outside " + _dir + "; not followed", report);
        Assert.Contains("3 files checked", report); // 0.info.json once (not again through the loop), and the two links
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error_not_a_path()
    {
        var (exit, _, errors) = Run("--quiet", Documents.SampleV12);
        Assert.Equal(2, exit);
        Assert.Contains("unknown option --quiet", errors);
        Assert.DoesNotContain("no such file", errors);
    }

    [Fact]
    public async Task A_fifo_or_a_device_where_a_file_should_be_is_a_finding_not_a_hang()
    {
        if (!OperatingSystem.IsLinux()) return;
        string output = Path.Combine(_dir, "out");
        Directory.CreateDirectory(output);
        File.Copy(Documents.SampleV12, Path.Combine(output, "0.info.json"));
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(output, "1.info.json"))) mkfifo.WaitForExit();
        File.CreateSymbolicLink(Path.Combine(output, "2.info.json"), "/dev/zero");

        var (exit, report, _) = await Deadline.Within(TimeSpan.FromSeconds(30), "validate of a folder with a FIFO", () => Run(output));
        Assert.Equal(2, exit);
        Assert.Contains("named pipe", report);
        Assert.Contains("a link to /dev/zero, outside", report); // not followed at all

        // Named directly, a device is read no more than a FIFO is.
        var (deviceExit, deviceReport, _) = await Deadline.Within(TimeSpan.FromSeconds(30), "validate /dev/zero", () => Run("/dev/zero"));
        Assert.Equal(2, deviceExit);
        Assert.Contains("character device", deviceReport);
    }

    [Fact]
    public void Json_output_is_exactly_one_document_with_the_documented_shape()
    {
        var bad = Path.Combine(_dir, "7.info.json");
        File.WriteAllText(bad, "{\"version\": \"1.5\", \"camera\": [}");
        var (exit, output, _) = RunWith(new[] { _dir, Documents.SampleV12 }, json: true);

        Assert.Equal(1, exit);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(2, root.GetProperty("files").GetInt32());
        // "[}" is broken JSON: one syntax error (J101), not also a wrong-type finding for the array.
        Assert.Equal(1, root.GetProperty("errors").GetInt32());
        Assert.Equal(0, root.GetProperty("warnings").GetInt32());
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.DoesNotContain(findings, f => f.GetProperty("code").GetString() == "S201");
        var error = Assert.Single(findings, f => f.GetProperty("code").GetString() == "J101");
        Assert.Equal(bad, error.GetProperty("file").GetString());
        Assert.Equal("/camera/0", error.GetProperty("path").GetString());
        Assert.Equal(1, error.GetProperty("line").GetInt32());
        Assert.Equal(31, error.GetProperty("column").GetInt32());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        // Info findings (quaternion order of the 1.2 sample) are in the JSON too.
        Assert.Contains(findings, f => f.GetProperty("severity").GetString() == "info");
    }

    [Fact]
    public void Folders_are_searched_recursively_and_each_output_folder_is_checked()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "a", "b"));
        File.Copy(Documents.SampleV15, Path.Combine(_dir, "a", "b", "3.info.json"));
        File.WriteAllText(Path.Combine(_dir, "a", "metadata.jsonl"), "{\"version\": \"1.4\"}\n{not json\n");
        File.WriteAllText(Path.Combine(_dir, "a", "notes.txt"), "not a render file");
        var (exit, output, _) = Run(_dir);
        Assert.Equal(1, exit);
        Assert.Contains("3 files checked", output); // a/metadata.jsonl, a/notes.txt (named, not read), a/b/3.info.json
        Assert.Contains("  error   J101 2:", output); // the syntax error of line 2
        Assert.Contains("  error   V505 1:", output); // line 1 has a version but nothing of a Human API line
    }

    [Fact]
    public void A_jsonl_file_is_streamed_with_line_numbers()
    {
        var file = Path.Combine(_dir, "lines.jsonl");
        File.WriteAllText(file, File.ReadAllText(Path.Combine(TestPaths.SampleData, "synthesis", "info-1.5", "metadata.jsonl")).Replace("\"age\":", "\"age\":-"));
        var (exit, output, _) = Run(file);
        Assert.Equal(1, exit);
        Assert.Contains("(version 1.4)", output);
        Assert.Contains("  error   S205 2:", output); // the negative age, on line 2 of the file
    }

    private static (int Exit, string Out, string Err) RunOnStdin(byte[] input, string? name, params string[] paths)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var settings = new ValidateSettings { StdinName = name, OpenStandardInput = () => new MemoryStream(input) };
        int exit = ValidateCommand.Run(paths, settings, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("metadata.jsonl", null)]
    [InlineData("metadata.jsonl", "delivery.jsonl")]
    [InlineData("0.info.json", null)]
    [InlineData("0.info.json", "0.info.json")]
    public void A_dash_reads_standard_input_as_the_file_it_holds(string sample, string? name)
    {
        // A broken value, so that the report has findings to compare with the same file's.
        string file = Path.Combine(_dir, sample);
        File.WriteAllText(file, File.ReadAllText(Path.Combine(TestPaths.SampleData, "synthesis", "info-1.5", sample)).Replace("\"age\":", "\"age\":-"));
        var (fileExit, fromFile, _) = Run(file);
        var (exit, output, errors) = RunOnStdin(File.ReadAllBytes(file), name, "-");
        Assert.Equal((1, ""), (exit, errors));
        Assert.Equal(fromFile.Replace(file, name ?? StandardInput.DefaultName), output);
        Assert.Equal(1, fileExit);
    }

    [Fact]
    public void A_dash_twice_is_a_usage_error()
    {
        var (exit, _, errors) = RunOnStdin("{}"u8.ToArray(), null, "-", "-");
        Assert.Equal(2, exit);
        Assert.Contains("'-' (standard input) can be given once", errors);
    }

    [Fact]
    public void Errors_give_exit_1_and_a_readable_report()
    {
        var file = Path.Combine(_dir, "1.info.json");
        File.WriteAllText(file, File.ReadAllText(Documents.SampleV15).Replace("\"version\": \"1.5\"", "\"version\": \"2.0\""));
        var (exit, output, _) = Run(file);
        Assert.Equal(1, exit);
        Assert.Contains("V501", output);
        Assert.Contains("known versions of synthesis.info: 0, 1, 1.1, 1.2, 1.3, 1.4, 1.5", output);
        Assert.Contains("1 error", output);
    }

    [Fact]
    public void Missing_path_is_a_usage_error_with_exit_2()
    {
        var (exit, _, err) = Run(Path.Combine(_dir, "nope"));
        Assert.Equal(2, exit);
        Assert.Contains("no such file or folder", err);
    }

    [Fact]
    public void Oversized_file_is_a_finding_not_a_read()
    {
        var file = Path.Combine(_dir, "big.info.json");
        File.WriteAllBytes(file, new byte[2048]);
        var stdout = new StringWriter();
        int exit = ValidateCommand.Run(new[] { file }, false, false, 1024, stdout, new StringWriter());
        Assert.Equal(1, exit);
        Assert.Contains("J110", stdout.ToString());
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L << 40)]
    public void A_max_file_size_no_buffer_can_hold_is_a_usage_error(long limit)
    {
        var stderr = new StringWriter();
        Assert.Equal(2, ValidateCommand.Run(new[] { Documents.SampleV12 }, false, false, limit, new StringWriter(), stderr));
        Assert.Contains("--max-file-size", stderr.ToString());
    }

    [Fact]
    public void Unparseable_file_is_an_error_finding_and_the_run_goes_on()
    {
        File.WriteAllBytes(Path.Combine(_dir, "0.info.json"), new byte[] { 0xFF, 0xFE, 0x00 });
        File.Copy(Documents.SampleV12, Path.Combine(_dir, "1.info.json"));
        var (exit, output, _) = Run(_dir);
        Assert.Equal(1, exit);
        Assert.Contains("2 files checked, 1 clean", output);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("merge")]
    public void Main_returns_2_for_an_unknown_option_and_says_it_is_one(string command)
    {
        var saved = Console.Error;
        var errors = new StringWriter();
        Console.SetError(errors);
        try
        {
            Assert.Equal(2, Codec.Cli.Program.Main(new[] { command, "--no-such-option" }));
        }
        finally
        {
            Console.SetError(saved);
        }

        // The parser refuses it before the run, with the same words the run gives callers in code.
        Assert.Contains($"unknown option --no-such-option (codec {command} --help lists them", errors.ToString());
        Assert.DoesNotContain("no such file", errors.ToString());
    }

    [Theory]
    [InlineData("Claire_neutral.wav")]
    [InlineData("shot1.npz")]
    [InlineData("3.rgb.png")]
    public void A_file_of_a_folder_given_alone_is_a_usage_error_that_names_what_to_give(string name)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, [1, 2, 3]);
        var stderr = new StringWriter();
        Assert.Equal(2, ValidateCommand.Run([path], new ValidateSettings(), new StringWriter(), stderr));
        Assert.Contains("validate reads info.json and metadata.jsonl files", stderr.ToString());
        Assert.Contains("codec inspect", stderr.ToString());
        Assert.DoesNotContain("J101", stderr.ToString());
    }

    [Fact]
    public void One_metadata_line_on_standard_input_is_told_how_to_be_named()
    {
        string line = File.ReadLines(Path.Combine(TestPaths.SampleData, "synthesis", "info-1.5", "metadata.jsonl")).First();
        var stdout = new StringWriter();
        var settings = new ValidateSettings { OpenStandardInput = () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(line + "\n")) };
        Assert.Equal(1, ValidateCommand.Run(["-"], settings, stdout, new StringWriter()));
        Assert.Contains("give --stdin-name metadata.jsonl", stdout.ToString());

        // Named, it is read as what it is, and passes.
        var named = new StringWriter();
        Assert.Equal(0, ValidateCommand.Run(["-"], settings with { StdinName = "metadata.jsonl" }, named, new StringWriter()));
    }

    [FixtureFact]
    public void Another_products_metadata_lines_are_one_finding_in_line_order_with_the_rest()
    {
        string line = File.ReadLines(Path.Combine(TestPaths.SynthesisFixtures, "face-api-1.2", "metadata.jsonl")).First();
        string other = line.Replace("\"scene\":{", "\"scene\":{\"container\":{\"type\":\"box\"},").Replace(",\"version\":0", ",\"version\":1");
        string path = Path.Combine(_dir, "metadata.jsonl");
        File.WriteAllText(path, string.Join("\n", other, other, other, "{") + "\n");
        var stdout = new StringWriter();
        Assert.Equal(1, ValidateCommand.Run([path], new ValidateSettings { AsJson = true }, stdout, new StringWriter()));
        using var report = System.Text.Json.JsonDocument.Parse(stdout.ToString());
        var findings = report.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(["V505", "J"], findings.Select(f => f.GetProperty("code").GetString()![..(f.GetProperty("code").GetString() == "V505" ? 4 : 1)]));
        Assert.Equal([1, 4], findings.Select(f => f.GetProperty("line").GetInt32()));
        Assert.EndsWith("3 in all)", findings[0].GetProperty("message").GetString());
    }
}
