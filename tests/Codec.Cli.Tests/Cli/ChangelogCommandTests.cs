using Codec.Cli.Commands;

namespace Codec.Tests.Cli;

public sealed class ChangelogCommandTests
{
    [Fact]
    public void Prints_the_changelog_of_one_format_or_all()
    {
        var stdout = new StringWriter();
        Assert.Equal(0, ChangelogCommand.Run("synthesis.metadata", stdout, new StringWriter()));
        Assert.StartsWith("# synthesis.metadata — changelog", stdout.ToString());
        Assert.Contains("## 1.3 → 1.4", stdout.ToString());

        var all = new StringWriter();
        Assert.Equal(0, ChangelogCommand.Run(null, all, new StringWriter()));
        Assert.Contains("# synthesis.info — changelog", all.ToString());
        Assert.Contains("# synthesis.metadata — changelog", all.ToString());
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error_naming_the_formats()
    {
        var stderr = new StringWriter();
        Assert.Equal(2, ChangelogCommand.Run("synthesis.nope", new StringWriter(), stderr));
        Assert.Contains("formats: synthesis.info, synthesis.metadata", stderr.ToString());
    }
}
