using Codec.Cli.Reporting;
using Codec.Formats.Validation.Folders;

namespace Codec.Tests.Cli;

public sealed class ProgressLineTests
{
    [Fact]
    public void Large_folders_show_one_overwritten_line_that_is_cleared_at_the_end()
    {
        var output = new StringWriter();
        using (var progress = new ProgressLine(output))
        {
            var sink = progress.For("data/run1")!;
            sink.Report(new FolderProgress(0, 500));
            sink.Report(new FolderProgress(500, 500));
            Assert.Contains("\rchecking data/run1: 500/500 files (100%)", output.ToString());
        }

        Assert.EndsWith("\r", output.ToString()); // cleared: spaces over the line, cursor back at its start
    }

    [Fact]
    public void Small_folders_and_redirected_output_show_nothing()
    {
        var output = new StringWriter();
        using (var progress = new ProgressLine(output))
        {
            progress.For("small")!.Report(new FolderProgress(3, 10));
        }

        Assert.Equal("", output.ToString());
        Assert.Null(new ProgressLine(null).For("any"));
    }

    [Fact]
    public void Logs_get_a_plain_line_at_every_tenth_even_from_several_threads()
    {
        var output = new StringWriter();
        using (var progress = new ProgressLine(output, plain: true))
        {
            var sink = progress.For("dataset")!;
            int done = 0;
            Parallel.For(0, 800, _ => sink.Report(new FolderProgress(Interlocked.Increment(ref done), 800)));
        }

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(lines.Length, 2, 11);
        Assert.Equal("checking dataset: 800/800 files (100%)", lines[^1]);
        Assert.DoesNotContain('\r', output.ToString());
    }

    [Fact]
    public void Quiet_runs_print_no_progress_even_to_a_log()
    {
        // 1,020 info.json-sized files would give ten progress lines to a log; --quiet asks for the totals alone.
        string dir = Directory.CreateTempSubdirectory("codec-quiet-").FullName;
        try
        {
            string sample = Path.Combine(Codec.Tests.Infrastructure.TestPaths.SampleData, "synthesis", "info-1.5", "0.info.json");
            for (int i = 0; i < 300; i++) File.Copy(sample, Path.Combine(dir, $"{i}.info.json"));
            var stderr = new StringWriter();
            var settings = new Codec.Cli.Commands.ValidateSettings { PlainProgress = true, Quiet = true };
            Codec.Cli.Commands.ValidateCommand.Run([dir], settings, new StringWriter(), stderr);
            Assert.DoesNotContain("checking", stderr.ToString());

            var loud = new StringWriter();
            Codec.Cli.Commands.ValidateCommand.Run([dir], settings with { Quiet = false }, new StringWriter(), loud);
            Assert.Contains("checking", loud.ToString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
