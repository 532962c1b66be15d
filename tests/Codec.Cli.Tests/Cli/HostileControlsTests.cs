using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Codec.Cli.Commands;
using Codec.Cli.Configuration;
using Codec.Runtime.Binary.Numpy;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Cli;

/// <summary>
/// What a run is told to do, when it is hostile: codec.json files that are not UTF-8, hold unpaired surrogates or
/// repeat a key; globs written to make a matcher backtrack; thousands of rules; manifests with NUL bytes, paths deeper
/// than a system opens, and one path listed thousands of times. Each is a usage error or a quick run, never an abort.
/// </summary>
public sealed class HostileControlsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("codec-hostile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Exit, string Out, string Err) Validate(ValidateSettings settings, params string[] paths)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = ValidateCommand.Run(paths, settings, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private string Config(byte[] bytes)
    {
        string path = Path.Combine(_dir, "codec.json");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Theory]
    [InlineData(new byte[] { (byte)'{', (byte)'"', 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}' }, "not valid UTF-8")]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'\\', (byte)'u', (byte)'d', (byte)'8', (byte)'0', (byte)'0', (byte)'"', (byte)':', (byte)'1', (byte)'}' }, "unpaired surrogate")]
    public void A_codec_json_that_is_not_text_is_a_located_usage_error(byte[] bytes, string why)
    {
        var (exit, _, err) = Validate(new ValidateSettings { Config = Config(bytes) }, TestPaths.SampleData);
        Assert.Equal(2, exit);
        Assert.Contains("codec.json:1:", err);
        Assert.Contains(why, err);
    }

    [Fact]
    public void A_codec_json_that_gives_a_setting_twice_is_a_usage_error_at_the_second()
    {
        string path = Config(Encoding.UTF8.GetBytes("{\n  \"warningsAsErrors\": false,\n  \"warningsAsErrors\": true\n}\n"));
        var (exit, _, err) = Validate(new ValidateSettings { Config = path }, TestPaths.SampleData);
        Assert.Equal(2, exit);
        Assert.Contains("codec.json:3:", err);
        Assert.Contains("/warningsAsErrors appears more than once", err);
    }

    // The matcher is the regular expression globs were once compiled to, with every pattern and path made of the
    // characters that matter; the automaton must answer as it does.
    [Fact]
    public void Globs_match_as_their_regular_expression_does()
    {
        static Regex Oracle(string pattern)
        {
            string body = pattern.Replace('\\', '/').TrimStart('/');
            if (!body.Contains('/')) body = "**/" + body;
            var regex = new StringBuilder("^");
            for (int i = 0; i < body.Length; i++)
            {
                char c = body[i];
                if (c == '*' && i + 1 < body.Length && body[i + 1] == '*')
                {
                    bool slash = i + 2 < body.Length && body[i + 2] == '/';
                    regex.Append(slash ? "(?:[^/]*/)*" : ".*");
                    i += slash ? 2 : 1;
                }
                else if (c == '*') regex.Append("[^/]*");
                else if (c == '?') regex.Append("[^/]");
                else regex.Append(Regex.Escape(c.ToString()));
            }

            return new Regex(regex.Append("(?:/.*)?$").ToString(), RegexOptions.NonBacktracking);
        }

        var random = new Random(2026);
        string Draw(string alphabet, int least, int most) => new(Enumerable.Range(0, random.Next(least, most + 1)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        int matched = 0;
        for (int trial = 0; trial < 20_000; trial++)
        {
            string pattern = Draw("ab*?/.", 0, 8);
            string path = Draw("ab/.", 0, 10);
            bool expected = Oracle(pattern).IsMatch(path);
            Assert.True(expected == new PathGlob(pattern).Matches(path), $"'{pattern}' against '{path}': expected {expected}");
            if (expected) matched++;
        }

        Assert.InRange(matched, 1_000, 19_000); // both answers were drawn often

        // Patterns of 60 to 200 steps: the automaton's states span several machine words, and states cross from one to the next.
        matched = 0;
        for (int trial = 0; trial < 3_000; trial++)
        {
            string pattern = Draw("aaaab*?", 60, 200);
            string path = trial % 2 == 0 ? Draw("ab", 60, 220) : new string(pattern.Select(c => c == '*' || c == '?' ? 'b' : c).ToArray());
            bool expected = Oracle(pattern).IsMatch(path);
            Assert.True(expected == new PathGlob(pattern).Matches(path), $"'{pattern}' against '{path}': expected {expected}");
            if (expected) matched++;
        }

        Assert.InRange(matched, 300, 2_700);
    }

    // What a fuzzing campaign found slow: globs and names of 50 to 67 KB, 3 s a match. A pattern is now at most 4,096
    // characters, the longest path a system names, and a match costs the name's length times the pattern's over 64.
    [Fact]
    public void The_longest_pattern_against_a_huge_name_is_matched_at_once_and_a_longer_one_is_a_usage_error()
    {
        string longest = string.Concat(Enumerable.Repeat("*a?", PathGlob.MaxLength / 3)) + "b";
        Assert.Equal(PathGlob.MaxLength, longest.Length);
        // Compiled and run once first: what is timed is the match, not the JIT's first, unoptimised pass over it (on a
        // loaded 2-core machine that alone came near a second). A backtracking matcher would not finish at all.
        Assert.False(new PathGlob(longest).Matches(new string('a', 4_096)));
        // The thread's processor time: fuzzers or parallel tests on the machine do not count.
        var took = ThreadCpuTime.Of(() =>
        {
            Assert.False(new PathGlob(longest).Matches(new string('a', 65_000)));
            Assert.True(new PathGlob(longest[..^1]).Matches(new string('a', 65_000)));
        });
        Assert.True(took < TimeSpan.FromSeconds(1), $"took {took}");

        string tooLong = new('a', PathGlob.MaxLength + 1);
        var (exit, _, err) = Validate(new ValidateSettings { Ignore = ["F601:" + tooLong] }, TestPaths.SampleData);
        Assert.Equal(2, exit);
        Assert.Contains("a path pattern is at most 4,096 characters (this one has 4,097)", err);
        string config = Config(Encoding.UTF8.GetBytes("{\"ignore\": [{\"code\": \"F601\", \"paths\": [\"" + tooLong + "\"]}]}"));
        (exit, _, err) = Validate(new ValidateSettings { Config = config }, TestPaths.SampleData);
        Assert.Equal(2, exit);
        Assert.Contains("4096", err.Replace(",", ""));
    }

    [Fact]
    public void Globs_written_to_backtrack_and_deep_paths_match_in_linear_time()
    {
        var took = ThreadCpuTime.Of(() =>
        {
            string stars = string.Concat(Enumerable.Repeat("*a", 30)) + "*b";
            Assert.False(new PathGlob(stars).Matches(new string('a', 60)));
            Assert.True(new PathGlob(stars).Matches(new string('a', 60) + "b"));
            string folders = string.Concat(Enumerable.Repeat("**/", 50)) + "x";
            string deep = string.Concat(Enumerable.Repeat("d/", 2_000)) + "y";
            Assert.False(new PathGlob(folders).Matches(deep));
            Assert.True(new PathGlob(folders).Matches(deep[..^1] + "x"));
        });
        Assert.True(took < TimeSpan.FromSeconds(2), $"took {took}");
    }

    [Fact]
    public void Twenty_thousand_rules_cost_a_moment()
    {
        var ignore = Enumerable.Range(0, 20_000).Select(i => $"D915:**/folder{i}/*.npy").ToArray();
        var watch = Stopwatch.StartNew();
        var (exit, output, _) = Validate(new ValidateSettings { Ignore = ignore }, TestPaths.SampleData);
        Assert.Equal(0, exit);
        Assert.Contains("D915", output);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    private string Manifest(string text)
    {
        string path = Path.Combine(_dir, "list.txt");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_manifest_path_with_a_NUL_byte_or_deeper_than_a_system_opens_is_a_usage_error_at_its_line()
    {
        string output = Path.Combine(_dir, "run.parquet");
        var (exit, _, err) = Validate(new ValidateSettings { Manifest = Manifest($"# listed\n{TestPaths.SampleData}\nbad\0name\n"), Out = output });
        Assert.Equal(2, exit);
        Assert.Contains("line 3: the path 'bad\\0name' holds a NUL character", err);

        string deep = string.Concat(Enumerable.Repeat("a/", 40_000));
        (exit, _, err) = Validate(new ValidateSettings { Manifest = Manifest(deep + "\n"), Out = output, Html = Path.Combine(_dir, "run.html") });
        Assert.Equal(2, exit);
        Assert.Contains("line 1: the path 'a/a/a", err);
        Assert.Contains("is 80000 bytes long", err);

        // The same from the command line.
        (exit, _, err) = Validate(new ValidateSettings { Out = output }, deep);
        Assert.Equal(2, exit);
        Assert.Contains("is 80000 bytes long", err);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void A_path_listed_many_times_is_checked_once()
    {
        string dataset = Path.Combine(TestPaths.SampleData, "a2f");
        string list = string.Join('\n', Enumerable.Repeat(dataset, 20_000).Append(dataset + "/").Append(dataset + "/../a2f"));
        var watch = Stopwatch.StartNew();
        var (exit, output, _) = Validate(new ValidateSettings { Manifest = Manifest(list), Out = Path.Combine(_dir, "run.parquet") }, dataset);
        Assert.Equal(0, exit);
        var once = Validate(new ValidateSettings(), dataset);
        Assert.Equal(once.Out.TrimEnd().Split('\n')[^1], output.TrimEnd().Split('\n')[^1]);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Converting_an_empty_array_of_more_frames_than_an_animation_indexes_is_a_finding()
    {
        string npy = Path.Combine(_dir, "empty.npy");
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        NpyWriter.Write(output, NpyDType.Float32, new long[] { 3_000_000_000, 0, 3 }, fortranOrder: false, ReadOnlySpan<byte>.Empty);
        File.WriteAllBytes(npy, output.WrittenSpan.ToArray());
        var stderr = new StringWriter();
        Assert.Equal(1, ConvertCommand.Run(npy, Path.Combine(_dir, "out.npy"), null, false, new StringWriter(), stderr));
        Assert.Contains("B807", stderr.ToString());
        Assert.Contains("3000000000 frames", stderr.ToString());
    }
}
