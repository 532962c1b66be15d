using Codec.Cli.Commands;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Cli;

/// <summary>
/// The controls CI needs: suppressions (by code, by path, in codec.json), warnings as errors, a quiet report, colour,
/// the per-code summary, and codec.json checked against its schema before it is used.
/// </summary>
public sealed class ReportControlsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("codec-controls-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // The sample data: 4 D915 warnings in the Audio2Face-3D dataset, 12 K401 infos, no errors.
    private static (int Exit, string Out, string Err) Validate(ValidateSettings settings, params string[] paths)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = ValidateCommand.Run(paths.Length == 0 ? [TestPaths.SampleData] : paths, settings, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string LastLine(string text) => text.TrimEnd().Split('\n')[^1];

    [Fact]
    public void The_readable_report_ends_with_a_table_of_codes_then_the_totals()
    {
        var (exit, output, _) = Validate(new ValidateSettings());
        Assert.Equal(0, exit);
        Assert.Contains("Findings by code (codec explain CODE says what to do):\n  D915  warning       4 in 1 file      Recommendation\n", output.Replace("\r", ""));
        Assert.Equal("38 files checked, 37 clean: 0 errors, 4 warnings, 12 info (--info to list)", LastLine(output));
    }

    [Fact]
    public void Ignored_codes_leave_the_report_and_are_counted()
    {
        var (exit, output, _) = Validate(new ValidateSettings { Ignore = ["D915"] });
        Assert.Equal(0, exit);
        Assert.DoesNotContain("D915", output);
        Assert.Equal("38 files checked, 38 clean: 0 errors, 0 warnings, 12 info (--info to list), 4 suppressed", LastLine(output));

        // A glob limits a suppression to the files it matches (relative to the working folder; a bare name to any folder).
        Assert.Contains("D915", Validate(new ValidateSettings { Ignore = ["D915:**/info-1.5/**"] }).Out);
        Assert.DoesNotContain("warning D915", Validate(new ValidateSettings { Ignore = ["K401,D915:**/SampleData/a2f"] }).Out);
        Assert.DoesNotContain("warning D915", Validate(new ValidateSettings { Ignore = ["D915:a2f"] }).Out);
    }

    [Fact]
    public void An_unknown_code_to_ignore_is_a_usage_error()
    {
        var (exit, _, err) = Validate(new ValidateSettings { Ignore = ["D999"] });
        Assert.Equal(2, exit);
        Assert.Contains("D999 is not a finding code", err);
    }

    [Fact]
    public void Warnings_as_errors_fail_the_run_and_say_so()
    {
        var (exit, output, _) = Validate(new ValidateSettings { WarningsAsErrors = true });
        Assert.Equal(1, exit);
        Assert.Contains("4 warnings (warnings count as errors)", LastLine(output));
        Assert.Equal(0, Validate(new ValidateSettings { WarningsAsErrors = true, Ignore = ["D915"] }).Exit);
    }

    [Fact]
    public void Quiet_prints_only_the_totals()
    {
        var (_, output, _) = Validate(new ValidateSettings { Quiet = true });
        Assert.Equal("38 files checked, 37 clean: 0 errors, 4 warnings, 12 info (--info to list)", output.Trim());
    }

    [Fact]
    public void Colour_is_for_terminals_unless_NO_COLOR_and_can_be_forced()
    {
        static string? NoColor(string name) => name == "NO_COLOR" ? "1" : null;
        Assert.Contains("\u001b[33m", Validate(new ValidateSettings { IsTerminal = true, Environment = _ => null }).Out);
        Assert.DoesNotContain("\u001b[", Validate(new ValidateSettings { IsTerminal = false, Environment = _ => null }).Out);
        Assert.DoesNotContain("\u001b[", Validate(new ValidateSettings { IsTerminal = true, Environment = NoColor }).Out);
        Assert.Contains("\u001b[", Validate(new ValidateSettings { Color = "always", Environment = NoColor }).Out);
        Assert.DoesNotContain("\u001b[", Validate(new ValidateSettings { Color = "never", IsTerminal = true, Environment = _ => null }).Out);
        Assert.Equal(2, Validate(new ValidateSettings { Color = "sometimes" }).Exit);
    }

    private string SampleCopy()
    {
        string folder = Path.Combine(_dir, "job");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.SampleData, "synthesis", "info-1.5")))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        // Render 0 asks for 1026 pixels across; its principal point is at 512: one pixel off the centre.
        string metadata = Path.Combine(folder, "metadata.jsonl");
        var lines = File.ReadAllLines(metadata);
        lines[0] = lines[0].Replace("\"resolution_w\":1024", "\"resolution_w\":1026", StringComparison.Ordinal);
        File.WriteAllLines(metadata, lines);
        return folder;
    }

    [Fact]
    public void A_codec_json_in_the_folder_suppresses_and_sets_tolerances_and_is_not_a_stray()
    {
        string folder = SampleCopy();
        var before = Validate(new ValidateSettings(), folder);
        Assert.Equal(1, before.Exit);
        Assert.Contains("X706", before.Out);

        // A suppression for the file the finding is at (globs are relative to the folder of codec.json).
        File.WriteAllText(Path.Combine(folder, "codec.json"), """
            {
              "$schema": "codec.config.schema.json",
              "ignore": [ { "code": "X706", "paths": ["metadata.jsonl"], "reason": "this job's resolution was rounded" }, "F603" ]
            }
            """);
        var suppressed = Validate(new ValidateSettings(), folder);
        Assert.Equal(0, suppressed.Exit);
        Assert.DoesNotContain("X706", suppressed.Out);
        Assert.EndsWith(", 1 suppressed", LastLine(suppressed.Out));
        // It concerns its own folder only: the same finding in another job is reported.
        string other = Path.Combine(_dir, "other-job");
        Directory.CreateDirectory(other);
        foreach (var file in Directory.GetFiles(folder).Where(f => !f.EndsWith("codec.json", StringComparison.Ordinal))) File.Copy(file, Path.Combine(other, Path.GetFileName(file)));
        var both = Validate(new ValidateSettings(), folder, other);
        Assert.Equal(1, both.Exit);
        Assert.Contains(Path.Combine(other, "metadata.jsonl"), both.Out);
        Assert.EndsWith(", 1 suppressed", LastLine(both.Out));

        // A tolerance instead: the check passes, nothing is suppressed, and codec.json is no stray file of the job.
        File.WriteAllText(Path.Combine(folder, "codec.json"), """{ "tolerances": { "principalPointPx": 1.5, "normalLength": 0.02, "normalOffShare": 0.2, "alphaMaskShare": 0.01 } }""");
        var after = Validate(new ValidateSettings(), folder);
        Assert.Equal(0, after.Exit);
        Assert.DoesNotContain("X706", after.Out);
        Assert.DoesNotContain("F602", after.Out);
        Assert.DoesNotContain("suppressed", LastLine(after.Out));

        // The same file named with --config, from anywhere.
        string elsewhere = Path.Combine(_dir, "ci.json");
        File.Move(Path.Combine(folder, "codec.json"), elsewhere);
        Assert.Equal(0, Validate(new ValidateSettings { Config = elsewhere }, folder).Exit);
    }

    [Fact]
    public void A_codec_json_that_does_not_follow_its_schema_is_a_usage_error_that_says_where()
    {
        string folder = SampleCopy();
        File.WriteAllText(Path.Combine(folder, "codec.json"), """{ "ignore": ["X713"], "tolerances": { "principalPixels": 2 } }""");
        var (exit, _, err) = Validate(new ValidateSettings(), folder);
        Assert.Equal(2, exit);
        Assert.Contains("does not follow codec.config.schema.json", err);
        Assert.Contains("/tolerances", err);

        File.WriteAllText(Path.Combine(folder, "codec.json"), """{ "ignore": ["X799"] }""");
        (exit, _, err) = Validate(new ValidateSettings(), folder);
        Assert.Equal(2, exit);
        Assert.Contains("/ignore/0: X799 is not a finding code", err);

        File.WriteAllText(Path.Combine(folder, "codec.json"), "{ \"ignore\": [");
        Assert.Equal(2, Validate(new ValidateSettings(), folder).Exit);
    }

    [Fact]
    public void The_shipped_schema_is_the_repositorys()
    {
        string shipped = Path.Combine(AppContext.BaseDirectory, "codec.config.schema.json");
        Assert.True(File.Exists(shipped), "codec.config.schema.json ships beside the command");
        Assert.Equal(File.ReadAllText(Path.Combine(TestPaths.Schemas, "codec.config.schema.json")), File.ReadAllText(shipped));
    }

    [Fact]
    public void The_settings_schema_offers_every_declared_tolerance_with_its_default_and_range()
    {
        // Declared once, in the Synthesis render contract (schemas/synthesis/render): codec.json's schema lists each
        // tolerance as rendered from that declaration (CODEC_ACCEPT_SNAPSHOTS=1 rewrites the list; review the diff).
        string path = Path.Combine(TestPaths.Schemas, "codec.config.schema.json");
        string text = File.ReadAllText(path);
        int tolerances = text.IndexOf("\"tolerances\": {", StringComparison.Ordinal);
        int open = text.IndexOf("\"properties\": {", tolerances, StringComparison.Ordinal) + "\"properties\": {".Length;
        int close = open, depth = 1;
        while (depth > 0) depth += text[close++] switch { '{' => 1, '}' => -1, _ => 0 };
        string current = text[open..(close - 1)];
        string rendered = RenderTolerances(Codec.Formats.Synthesis.SynthesisOutputContract.Contract.Tolerances);
        if (current != rendered && Snapshot.Accepting) File.WriteAllText(path, text[..open] + rendered + text[(close - 1)..]);
        else Assert.Equal(rendered, current);
    }

    private static string RenderTolerances(IReadOnlyList<Codec.Formats.Validation.Folders.ToleranceSpec> tolerances)
    {
        static string N(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        static string Quote(string s) => System.Text.Json.JsonSerializer.Serialize(s, new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var text = new System.Text.StringBuilder("\n");
        for (int i = 0; i < tolerances.Count; i++)
        {
            var t = tolerances[i];
            text.Append($"        \"{t.Name}\": {{\n");
            text.Append($"          \"type\": \"number\", \"minimum\": {N(t.Minimum)}{(t.Maximum is { } max ? $", \"maximum\": {N(max)}" : "")},\n");
            text.Append($"          \"description\": {Quote($"{t.Description} Default {N(t.Default)}.")}\n");
            text.Append(i + 1 < tolerances.Count ? "        },\n" : "        }\n");
        }

        return text.Append("      ").ToString();
    }

    [Fact]
    public void Merge_applies_the_same_controls()
    {
        string shard = Path.Combine(_dir, "run.parquet");
        Assert.Equal(0, Validate(new ValidateSettings { Out = shard, Quiet = true }).Exit);
        var stdout = new StringWriter();
        int exit = MergeCommand.Run([shard], Codec.Cli.Reporting.ReportFormat.Readable, false, null, stdout, new StringWriter(),
            new Codec.Cli.Reporting.ReportPolicy { WarningsAsErrors = true }, new Codec.Cli.Reporting.ReadableStyle { Quiet = true });
        Assert.Equal(1, exit);
        Assert.Equal("38 files checked, 37 clean: 0 errors, 4 warnings (warnings count as errors), 12 info (--info to list)", stdout.ToString().Trim());
    }

    [Fact]
    public void Every_tolerance_of_codec_json_reaches_the_folder_check()
    {
        string config = Path.Combine(_dir, "ci.json");
        File.WriteAllText(config, """{ "tolerances": { "principalPointPx": 2, "cameraRelative": 0.01, "normalLength": 0.02, "normalOffShare": 0.3, "alphaMaskShare": 0.04 } }""");
        var controls = Codec.Cli.Configuration.RunControls.Load([], config, [], false, out string error);
        Assert.True(controls is not null, error);
        var options = controls.Tolerances(_dir, new Codec.Formats.Validation.Folders.FolderCheckOptions());
        var values = options.Contract.ToleranceValues(options.Tolerances);
        double Value(string name) => values[options.Contract.Tolerances.ToList().FindIndex(t => t.Name == name)];
        Assert.Equal((2.0, 0.01, 0.02, 0.3, 0.04), (Value("principalPointPx"), Value("cameraRelative"), Value("normalLength"), Value("normalOffShare"), Value("alphaMaskShare")));
        // One not set keeps the default the contract declares.
        Assert.Equal(options.Contract.Tolerance("saiDenseMm")!.Default, Value("saiDenseMm"));
    }
}
