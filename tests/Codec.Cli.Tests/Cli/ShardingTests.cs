using System.Diagnostics;
using Codec.Cli.Commands;
using Codec.Cli.Reporting;
using Codec.Cli.Sharding;
using Codec.Formats.Findings;
using Codec.Tests.Infrastructure;
using DuckDB.NET.Data;

namespace Codec.Tests.Cli;

/// <summary>
/// <c>codec validate --shard K/N --out</c> and <c>codec merge</c>: any split, merged in any grouping, prints what one
/// run prints and exits with its code; shard files are Parquet that DuckDB reads.
/// </summary>
public sealed class ShardingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("codec-shards-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string[] Formats = ["", "--json", "--sarif", "--info"];

    private static (int Exit, string Out, string Err) Validate(string[] paths, ValidateSettings settings)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = ValidateCommand.Run(paths, settings, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static (int Exit, string Out, string Err) Merge(IReadOnlyList<string> files, string format = "", string? output = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var chosen = format switch { "--json" => ReportFormat.Json, "--sarif" => ReportFormat.Sarif, _ => ReportFormat.Readable };
        int exit = MergeCommand.Run(files, chosen, format == "--info", output, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static ValidateSettings Settings(string format) => new()
    {
        AsJson = format == "--json",
        AsSarif = format == "--sarif",
        ShowInfo = format == "--info",
    };

    // Runs every shard of N in this process and returns their files. One render per block: the small sample
    // folders are split among the shards as a large job's folder is.
    private List<string> Shards(string[] paths, int count)
    {
        var files = new List<string>();
        for (int k = 0; k < count; k++)
        {
            string file = Path.Combine(_dir, $"n{count}-shard-{k}.parquet");
            var (exit, _, errors) = Validate(paths, new ValidateSettings { Shard = $"{k}/{count}", Out = file, RendersPerBlock = 1 });
            Assert.True(exit == 0, errors);
            files.Add(file);
        }

        return files;
    }

    private void Agrees(string[] paths, params int[] counts)
    {
        foreach (int count in counts)
        {
            // The shard files do not depend on the format: the merge prints each of them.
            var shards = Shards(paths, count);
            string left = Path.Combine(_dir, $"n{count}-left.parquet"), right = Path.Combine(_dir, $"n{count}-right.parquet");
            int half = Math.Max(1, count / 2);
            Assert.Equal(0, Merge(shards.Take(half).ToList(), output: left).Exit);
            var rest = shards.Skip(half).ToList();
            if (rest.Count > 0) Assert.Equal(0, Merge(rest, output: right).Exit);
            // The facts a report draws survive the split too: the shards' are the single run's.
            string whole = Path.Combine(_dir, $"n{count}-whole.parquet");
            Assert.Equal(0, Validate(paths, new ValidateSettings { Shard = "0/1", Out = whole }).Exit);
            Assert.Equal(Facts([whole]), Facts(shards));

            foreach (var format in Formats)
            {
                var single = Validate(paths, Settings(format));
                var merged = Merge(shards, format);
                Assert.Equal((single.Exit, single.Out), (merged.Exit, merged.Out));

                // Associative: the first shards and the rest merged apart, then the two merged (in either order).
                var tree = Merge(rest.Count == 0 ? [left] : [right, left], format);
                Assert.Equal((single.Exit, single.Out), (tree.Exit, tree.Out));
            }
        }
    }

    // Every file's render facts and mask classes, as text, in the run's order.
    private static List<string> Facts(IReadOnlyList<string> files)
    {
        using var merged = ShardMerge.Open(files, out string error) ?? throw new InvalidOperationException(error);
        return merged.Reports().Select(r => r.Path + " " + System.Text.Json.JsonSerializer.Serialize(r.Render) + " " + System.Text.Json.JsonSerializer.Serialize(r.MaskClasses)).ToList();
    }

    [Fact]
    public void Any_split_of_the_sample_data_merges_into_the_single_run()
    {
        Agrees([Path.Combine(TestPaths.SampleData, "synthesis"), Path.Combine(TestPaths.SampleData, "a2f")], 1, 2, 3, 7);
    }

    [FixtureFact]
    public void Any_split_of_the_samples_and_the_real_fixtures_merges_into_the_single_run()
    {
        Agrees([TestPaths.SampleData, TestPaths.Fixtures], 2, 5);
    }

    [FixtureFact]
    public void A_folder_split_among_shards_merges_its_cross_checks_and_listing_into_the_single_run()
    {
        // A real job's folder, damaged so that every kind of finding that spans its files is there: renders whose
        // info.json disagrees with their line (reported on the metadata.jsonl, by the render's shard), a line whose
        // render is gone (the folder's part), a render lacking a mask and a stray file.
        string folder = Path.Combine(_dir, "job");
        Directory.CreateDirectory(folder);
        foreach (var f in Directory.EnumerateFiles(Path.Combine(TestPaths.SynthesisFixtures, "face-api-1.2"))) File.Copy(f, Path.Combine(folder, Path.GetFileName(f)));
        foreach (var render in new[] { 3, 7, 11 })
        {
            string info = Path.Combine(folder, $"{render}.info.json");
            File.WriteAllText(info, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(info), "\"age\": *[0-9]+", "\"age\": 99"));
        }

        File.Delete(Path.Combine(folder, "5.info.json"));
        File.Delete(Path.Combine(folder, "5.segments.png"));
        File.Delete(Path.Combine(folder, "9.segments.png"));
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "delivery notes");

        var single = Validate([folder], Settings("--json"));
        var findings = System.Text.Json.JsonDocument.Parse(single.Out).RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        Assert.Contains(FolderFindingCodes.IdentityMismatch, findings);
        Assert.Contains(FolderFindingCodes.LineWithoutFiles, findings);
        Assert.Contains(FolderFindingCodes.MissingModality, findings);
        Assert.Contains(Codec.Runtime.Findings.FindingCodes.UnrecognisedFileName, findings);

        Agrees([folder], 2, 4);
        // The folder's renders really were checked by several shards.
        var owners = Shards([folder], 4).Select(file =>
        {
            using var stream = File.OpenRead(file);
            return ShardFile.Read(stream, out _)!.Reports().Count(r => r.Path.EndsWith(".info.json", StringComparison.Ordinal));
        }).ToList();
        Assert.True(owners.Count(n => n > 0) >= 2, string.Join(", ", owners));
        Assert.Equal(14, owners.Sum());
    }

    [FixtureFact]
    public async Task Shard_processes_side_by_side_and_their_merge_give_the_single_run_finding_by_finding()
    {
        string codec = Path.Combine(AppContext.BaseDirectory, "codec.dll");
        string[] paths = [TestPaths.SampleData, TestPaths.Fixtures];
        var shards = Enumerable.Range(0, 3).Select(k => Path.Combine(_dir, $"process-{k}.parquet")).ToList();
        // Each process takes its index the way a Kubernetes Indexed Job gives it.
        var runs = Enumerable.Range(0, 3).Select(k => Run(codec, ["validate", .. paths, "--shard", "auto/3", "--out", shards[k]], new() { ["JOB_COMPLETION_INDEX"] = k.ToString(System.Globalization.CultureInfo.InvariantCulture) })).ToList();
        foreach (var run in runs) Assert.Equal(0, (await run).Exit);

        var single = Validate(paths, Settings("--json"));
        var merged = await Run(codec, ["merge", .. shards, "--json"], []);
        var expected = System.Text.Json.JsonDocument.Parse(single.Out).RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetRawText()).ToList();
        var actual = System.Text.Json.JsonDocument.Parse(merged.Out).RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetRawText()).ToList();
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++) Assert.Equal(expected[i], actual[i]);
        Assert.Equal(single.Exit, merged.Exit);
    }

    private static async Task<(int Exit, string Out)> Run(string codec, string[] args, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(codec);
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("codec " + string.Join(" ", args) + " did not finish within 3 minutes");
        }

        return (process.ExitCode, await stdout);
    }

    [Fact]
    public void A_missing_shard_a_shard_given_twice_and_a_shard_of_another_run_are_refused()
    {
        string[] paths = [Path.Combine(TestPaths.SampleData, "synthesis")];
        var shards = Shards(paths, 3);

        var partial = Merge(shards.Take(2).ToList());
        Assert.Equal(2, partial.Exit);
        Assert.Contains("shard(s) 2 of 3 are missing", partial.Err);

        var twice = Merge([shards[0], shards[1], shards[1]]);
        Assert.Equal(2, twice.Exit);
        Assert.Contains("shard 1 of 3 is in both", twice.Err);

        string other = Path.Combine(_dir, "other.parquet");
        Assert.Equal(0, Validate([Path.Combine(TestPaths.SampleData, "a2f")], new ValidateSettings { Shard = "0/3", Out = other }).Exit);
        var mixed = Merge([shards[0], shards[1], other]);
        Assert.Equal(2, mixed.Exit);
        Assert.Contains("is a shard of another run", mixed.Err);

        string notParquet = Path.Combine(_dir, "notes.parquet");
        File.WriteAllText(notParquet, "not a shard");
        var bad = Merge([notParquet]);
        Assert.Equal(2, bad.Exit);
        Assert.Contains("notes.parquet", bad.Err);
    }

    [Fact]
    public void A_damaged_shard_file_is_a_usage_error_never_a_crash()
    {
        string[] paths = [Path.Combine(TestPaths.SampleData, "synthesis")];
        var good = File.ReadAllBytes(Shards(paths, 1)[0]);
        var random = new Random(2026);
        string damaged = Path.Combine(_dir, "damaged.parquet");
        for (int run = 0; run < 300; run++)
        {
            var bytes = (byte[])good.Clone();
            if (run % 3 == 0) bytes = bytes[..random.Next(bytes.Length)];
            else for (int i = 0; i < 1 + random.Next(8); i++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            File.WriteAllBytes(damaged, bytes);
            // Nothing escapes: a file that cannot be read is refused with a message; one whose damage falls in a
            // value (a message's text, the shards it covers) reads as what it now says.
            var (exit, _, errors) = Merge([damaged]);
            Assert.InRange(exit, 0, 2);
            if (exit == 2) Assert.StartsWith("codec: ", errors);
        }
    }

    [Theory]
    [InlineData("3/3", "K must be a number from 0 to 2")]
    [InlineData("x/3", "K must be a number from 0 to 2")]
    [InlineData("1/0", "--shard takes K/N")]
    [InlineData("2", "--shard takes K/N")]
    [InlineData("auto/4", "neither is set")]
    public void A_bad_shard_is_a_usage_error(string shard, string message)
    {
        var (exit, _, errors) = Validate([TestPaths.SampleData], new ValidateSettings { Shard = shard, Environment = _ => null });
        Assert.Equal(2, exit);
        Assert.Contains(message, errors);
    }

    [Theory]
    [InlineData("JOB_COMPLETION_INDEX", "2", 2)]
    [InlineData("SLURM_ARRAY_TASK_ID", "1", 1)]
    public void Auto_takes_the_index_the_scheduler_sets(string variable, string value, int index)
    {
        Assert.Equal(new ShardSpec(index, 4), ShardSpec.Parse("auto/4", name => name == variable ? value : null, out _));
        Assert.Null(ShardSpec.Parse("auto/4", name => name == variable ? "4" : null, out string error));
        Assert.Contains($"{variable} is '4'", error);
    }

    [Fact]
    public void Pieces_are_dealt_heaviest_first_to_the_lightest_shard_the_same_way_in_any_order()
    {
        var pieces = new[] { 70L, 50, 40, 30, 30, 20, 10, 10, 5, 5 }.Select((w, i) => new ShardPiece($"InfoFile:/data/{i}.info.json", w)).ToList();
        var plan = ShardPlan.Deal(new ShardSpec(0, 3), pieces);
        // 70 | 50 | 40, then 30 → 40, 30 → 50, 20 → 70, 10 → 80, 10 → 80, 5 → 90, 5 → 90: within the largest piece of the mean.
        Assert.Equal(new long[] { 90, 90, 90 }, Enumerable.Range(0, 3).Select(plan.Load).Order().ToArray());
        // Every shard deals alike whatever order the pieces were found in, and each piece has exactly one owner.
        var reversed = Enumerable.Range(0, 3).Select(k => ShardPlan.Deal(new ShardSpec(k, 3), Enumerable.Reverse(pieces).ToList())).ToList();
        Assert.All(pieces, p => Assert.Single(reversed, r => r.Owns(p.Key)));
        Assert.All(pieces, p => Assert.Equal(plan.Owns(p.Key), reversed[0].Owns(p.Key)));
        // A piece no plan weighed falls to a fixed hash of its key: the same on every machine and run.
        Assert.Equal(new[] { 5, 5, 6 }, new[] { "InfoFile:/data/0.info.json", "Folder:/data/job00", "Dataset:/data/actor" }.Select(k => ShardSpec.OwnerOf(k, 8)).ToArray());
        var owners = Enumerable.Range(0, 1000).Select(i => ShardSpec.OwnerOf($"InfoFile:/data/{i}.info.json", 8)).ToList();
        Assert.All(Enumerable.Range(0, 8), k => Assert.InRange(owners.Count(o => o == k), 80, 170));
    }

    [Fact]
    public void Job_folders_of_very_different_sizes_are_balanced_by_size_and_merge_into_the_single_run()
    {
        // 16 job folders, each the sample's three renders and its metadata.jsonl, and a capture of 1 to 16 MB beside
        // them (a stray file the listing reports): by hash, one shard could get several of the large ones.
        string sample = Path.Combine(TestPaths.SampleData, "synthesis", "info-1.5");
        var folders = new List<string>();
        for (int i = 0; i < 16; i++)
        {
            string folder = Path.Combine(_dir, "jobs", $"job{i:00}");
            Directory.CreateDirectory(folder);
            foreach (var file in Directory.EnumerateFiles(sample)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            File.WriteAllBytes(Path.Combine(folder, "capture.bin"), new byte[(i * 7 % 16 + 1) << 20]);
            folders.Add(folder);
        }

        var units = folders.Select(f => new Codec.Formats.Validation.Runs.CheckUnit(Codec.Formats.Validation.Runs.UnitKind.Folder, f)).ToList();
        var plan = ShardPlan.Deal(new ShardSpec(0, 4), ShardPlan.Weigh(units, ValidateCommand.DefaultRendersPerBlock));
        var loads = Enumerable.Range(0, 4).Select(plan.Load).ToList();
        Assert.True(loads.Max() <= 1.3 * loads.Average(), $"shard loads {string.Join(", ", loads)}");

        string[] paths = [Path.Combine(_dir, "jobs")];
        var files = new List<string>();
        for (int k = 0; k < 4; k++)
        {
            string file = Path.Combine(_dir, $"jobs-shard-{k}.parquet");
            var (exit, _, errors) = Validate(paths, new ValidateSettings { Shard = $"{k}/4", Out = file });
            Assert.True(exit == 0, errors);
            files.Add(file);
        }

        var single = Validate(paths, Settings(""));
        var merged = Merge(files);
        Assert.Equal(single.Exit, merged.Exit);
        Assert.Equal(single.Out, merged.Out);

        // The same folders listed with their sizes, as `du -sb` writes them: dealt whole by those sizes, each folder in
        // one shard only, and the merge is still the single run.
        string manifest = Path.Combine(_dir, "sizes.tsv");
        File.WriteAllLines(manifest, folders.Select(f => $"{Directory.EnumerateFiles(f).Sum(x => new FileInfo(x).Length)}\t{f}"));
        var sized = new List<string>();
        var holders = new Dictionary<int, int>();
        for (int k = 0; k < 4; k++)
        {
            string file = Path.Combine(_dir, $"sized-shard-{k}.parquet");
            var (exit, _, errors) = Validate([], new ValidateSettings { Shard = $"{k}/4", Out = file, Manifest = manifest });
            Assert.True(exit == 0, errors);
            sized.Add(file);
            foreach (var unit in ShardFile.ReadFile(file, out _)!.Units.Where(u => u.Parts.Count > 0)) holders[unit.Unit] = holders.GetValueOrDefault(unit.Unit) + 1;
        }

        Assert.Equal(16, holders.Count);
        Assert.All(holders.Values, count => Assert.Equal(1, count));
        var fromManifest = Validate([], new ValidateSettings { Manifest = manifest });
        Assert.Equal(single.Out, fromManifest.Out);
        Assert.Equal(single.Out, Merge(sized).Out);
    }

    [Fact]
    public void Sizes_in_a_manifest_are_one_units_each_and_sizes_in_bytes()
    {
        string synthesis = Path.Combine(TestPaths.SampleData, "synthesis");
        string manifest = Path.Combine(_dir, "sizes.tsv");
        File.WriteAllText(manifest, $"1000\t{synthesis}\n");
        var (exit, _, err) = Validate([], new ValidateSettings { Manifest = manifest, Shard = "0/2" });
        Assert.Equal(2, exit);
        Assert.Contains($"the manifest gives a size for {synthesis}, which holds ", err);
        Assert.Contains("sizes are for one unit each", err);

        File.WriteAllText(manifest, $"# sizes\n99999999999999999999\t{synthesis}\n");
        (exit, _, err) = Validate([], new ValidateSettings { Manifest = manifest });
        Assert.Equal(2, exit);
        Assert.Contains("line 2: 99999999999999999999 is not a size in bytes", err);
    }

    [Fact]
    public void A_manifest_lists_the_paths_from_a_file_or_standard_input()
    {
        string manifest = Path.Combine(_dir, "paths.txt");
        string synthesis = Path.Combine(TestPaths.SampleData, "synthesis");
        File.WriteAllText(manifest, $"# the renders\n{synthesis}\n\n{Path.Combine(TestPaths.SampleData, "a2f")}\n");
        var listed = Validate([], new ValidateSettings { Manifest = manifest });
        var given = Validate([synthesis, Path.Combine(TestPaths.SampleData, "a2f")], new ValidateSettings());
        Assert.Equal((given.Exit, given.Out), (listed.Exit, listed.Out));

        var piped = Validate([], new ValidateSettings { Manifest = "-", OpenStandardInput = () => new MemoryStream(File.ReadAllBytes(manifest)) });
        Assert.Equal(given.Out, piped.Out);

        File.WriteAllText(manifest, "# nothing\n");
        var empty = Validate([], new ValidateSettings { Manifest = manifest });
        Assert.Equal(2, empty.Exit);
        Assert.Contains("lists no path", empty.Err);
    }

    [Fact]
    public void The_shard_file_opens_in_duckdb_with_one_row_per_finding()
    {
        string file = Path.Combine(_dir, "run.parquet");
        string[] paths = [TestPaths.SampleData];
        Assert.Equal(0, Validate(paths, new ValidateSettings { Shard = "0/1", Out = file }).Exit);
        var json = System.Text.Json.JsonDocument.Parse(Validate(paths, Settings("--json")).Out).RootElement;

        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT code, severity, count(*) FROM read_parquet('{file.Replace("'", "''")}') WHERE record = 'finding' GROUP BY code, severity ORDER BY code";
        var counts = new Dictionary<string, long>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) counts[reader.GetString(0) + " " + reader.GetString(1)] = reader.GetInt64(2);
        }

        var expected = json.GetProperty("findings").EnumerateArray().GroupBy(f => f.GetProperty("code").GetString() + " " + f.GetProperty("severity").GetString())
            .ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(expected.OrderBy(x => x.Key), counts.OrderBy(x => x.Key));

        // The README's query, as written there.
        command.CommandText = $"SELECT code, severity, count(*) AS findings, count(DISTINCT file) AS files FROM '{file.Replace("'", "''")}' WHERE record = 'finding' GROUP BY ALL ORDER BY findings DESC";
        using (var reader = command.ExecuteReader())
        {
            long total = 0;
            while (reader.Read()) total += reader.GetInt64(2);
            Assert.Equal(json.GetProperty("findings").GetArrayLength(), total);
        }

        command.CommandText = $"SELECT count(DISTINCT file) FROM read_parquet('{file.Replace("'", "''")}')";
        Assert.Equal(json.GetProperty("files").GetInt64(), Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_shard_file_keeps_each_renders_facts_and_each_masks_classes_for_the_report()
    {
        string folder = Path.Combine(TestPaths.SampleData, "synthesis", "info-1.5");
        string file = Path.Combine(_dir, "facts.parquet");
        Assert.Equal(0, Validate([folder], new ValidateSettings { Shard = "0/1", Out = file }).Exit);
        ShardResult read;
        using (var stream = File.OpenRead(file)) read = ShardFile.Read(stream, out _)!;
        var reports = read.Reports();

        // Render 0's facts, against the info.json read here without codec.
        var info = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "0.info.json"))).RootElement;
        var facts = reports.Single(r => r.Path.EndsWith("0.info.json", StringComparison.Ordinal)).Render!;
        var identity = info.GetProperty("identity_metadata");
        var face = info.GetProperty("facial_attributes");
        Assert.Equal(identity.GetProperty("age").GetInt64(), facts.Age);
        Assert.Equal(identity.GetProperty("sex").GetString(), facts.Sex);
        Assert.Equal(identity.GetProperty("ethnicity").GetString(), facts.Ethnicity);
        Assert.Equal(face.GetProperty("expression").GetProperty("name").GetString(), facts.Expression);
        Assert.Equal(face.GetProperty("head_turn").GetProperty("yaw").GetDouble(), facts.HeadYaw);
        Assert.Equal(face.GetProperty("gaze").GetProperty("vertical_angle").GetDouble(), facts.GazeVertical);
        Assert.Equal(info.GetProperty("camera").GetProperty("focal_length_mm").GetDouble(), facts.FocalLengthMm);
        var head2cam = info.GetProperty("head_transform").GetProperty("transform_head2cam").GetProperty("mat_4x4");
        double[] t = [.. Enumerable.Range(0, 3).Select(row => head2cam[row][3].GetDouble())];
        Assert.Equal(Math.Sqrt(t.Sum(x => x * x)), facts.CameraDistance!.Value, 9);
        // The sample's landmarks are projected exactly (rounded to 4 decimals of the screen): under a pixel off.
        Assert.Contains(facts.Landmarks, l => l.System == "ibug68" && l.Points == 68);
        Assert.All(facts.Landmarks, l => Assert.InRange(l.MaxPx, 0, 1));

        // And DuckDB reads them as columns.
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        // The README's balance query, as written there.
        command.CommandText = "SELECT sex, ethnicity, count(*) AS renders, round(avg(camera_distance_m), 2) AS mean_distance_m "
            + $"FROM '{file.Replace("'", "''")}' WHERE record = 'render' GROUP BY ALL ORDER BY renders DESC";
        long renders = 0;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) renders += reader.GetInt64(2);
        }

        Assert.Equal(reports.Count(r => r.Render is not null), renders);
    }

    [FixtureFact]
    public void The_shard_file_accounts_for_every_pixel_of_a_real_mask_by_class()
    {
        string file = Path.Combine(_dir, "masks.parquet");
        Assert.Equal(0, Validate([Path.Combine(TestPaths.SynthesisFixtures, "face-api-1.2")], new ValidateSettings { Shard = "0/1", Out = file }).Exit);
        using var stream = File.OpenRead(file);
        var masks = ShardFile.Read(stream, out _)!.Reports().Where(r => r.Path.EndsWith(".segments.png", StringComparison.Ordinal)).ToList();
        Assert.Equal(15, masks.Count);
        foreach (var mask in masks)
        {
            var png = Codec.Runtime.Binary.Image.PngImage.Decode(File.ReadAllBytes(mask.Path), new Codec.Runtime.Findings.FindingSink())!;
            Assert.Equal((long)png.Width * png.Height, mask.MaskClasses!.Sum(c => c.Pixels));
            Assert.Contains(mask.MaskClasses!, c => c.Class == "background");
        }
    }

    [Fact]
    public void The_shard_file_keeps_each_shots_frames_and_audio_length()
    {
        string dataset = Path.Combine(TestPaths.SampleData, "a2f");
        string file = Path.Combine(_dir, "clips.parquet");
        Assert.Equal(0, Validate([dataset], new ValidateSettings { Shard = "0/1", Out = file }).Exit);
        using var stream = File.OpenRead(file);
        var clips = ShardFile.Read(stream, out _)!.Reports().Where(r => r.Clip is not null).Select(r => r.Clip!).ToList();

        var skin = clips.Where(c => c.Folder == "cache/skin/{shot}").ToDictionary(c => c.Bindings);
        var audio = clips.Where(c => c.Folder == "audio" && c.Kind == "audio").ToDictionary(c => c.Bindings);
        Assert.Equal(["shot=cp1_neutral", "shot=cp2_anger", "shot=cp3_joy"], skin.Keys.Order(StringComparer.Ordinal));
        foreach (var (shot, cache) in skin)
        {
            // The sample's tracks last its caches' frames at 30 fps (its Maya cache says so; the others take the default).
            Assert.Equal(40, cache.Vertices);
            Assert.Equal(cache.Frames!.Value / 30.0, audio[shot].Seconds!.Value, 2);
            Assert.Equal(16000, audio[shot].SampleRate);
        }

        Assert.Equal(30, skin["shot=cp3_joy"].FramesPerSecond);
        Assert.Null(skin["shot=cp1_neutral"].FramesPerSecond);
    }

    [Fact]
    public void A_shard_that_wrote_its_file_exits_0_for_the_merge_to_give_the_verdict()
    {
        // The sample's info.json with an error: one run exits 1; its shard exits 0, and the merge 1.
        string folder = Path.Combine(_dir, "broken");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "0.info.json"), "{\"version\": \"1.5\", ");
        Assert.Equal(1, Validate([folder], new ValidateSettings()).Exit);
        string file = Path.Combine(_dir, "broken.parquet");
        Assert.Equal(0, Validate([folder], new ValidateSettings { Shard = "0/1", Out = file }).Exit);
        Assert.Equal(1, Merge([file]).Exit);
    }
}
