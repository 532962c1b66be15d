using System.Text.RegularExpressions;
using Codec.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Codec.Tests.Cli;

/// <summary>
/// The scheduler templates in <c>deploy/</c> have the shape their schedulers need: N shards that each write a file
/// of their own with <c>--shard</c>, N the same everywhere, a retry per shard, and a merge after them.
/// </summary>
public sealed class DeployTemplateTests
{
    private static string Deploy(params string[] parts) => Path.Combine([TestPaths.RepoRoot, "deploy", .. parts]);

    private static YamlMappingNode Yaml(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] keys)
    {
        foreach (var key in keys) node = ((YamlMappingNode)node).Children[new YamlScalarNode(key)];
        return node;
    }

    private static string Text(YamlNode node, params string[] keys) => ((YamlScalarNode)At(node, keys)).Value!;

    private static List<string> Strings(YamlNode node) => ((YamlSequenceNode)node).Children.Select(c => ((YamlScalarNode)c).Value!).ToList();

    [Fact]
    public void The_kubernetes_indexed_job_runs_one_shard_per_index_and_retries_an_index_alone()
    {
        var job = Yaml(Deploy("kubernetes", "codec-shards.yaml"));
        Assert.Equal(("batch/v1", "Job"), (Text(job, "apiVersion"), Text(job, "kind")));
        var spec = At(job, "spec");
        Assert.Equal("Indexed", Text(spec, "completionMode"));
        int completions = int.Parse(Text(spec, "completions"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(int.Parse(Text(spec, "backoffLimitPerIndex"), System.Globalization.CultureInfo.InvariantCulture) > 0);
        var container = ((YamlSequenceNode)At(spec, "template", "spec", "containers")).Children[0];
        var args = Strings(At(container, "args"));
        Assert.Equal("validate", args[0]);
        Assert.Equal($"auto/{completions}", args[args.IndexOf("--shard") + 1]);
        Assert.Contains("$(JOB_COMPLETION_INDEX)", args[args.IndexOf("--out") + 1]);

        var merge = Yaml(Deploy("kubernetes", "codec-merge.yaml"));
        var mergeArgs = string.Join(" ", Strings(At(((YamlSequenceNode)At(merge, "spec", "template", "spec", "containers")).Children[0], "args")));
        Assert.Contains("codec merge /results/shard-*.parquet", mergeArgs);
    }

    [Fact]
    public void The_argo_workflow_fans_out_the_shards_then_merges()
    {
        var workflow = Yaml(Deploy("argo", "codec-workflow.yaml"));
        Assert.Equal(("argoproj.io/v1alpha1", "Workflow"), (Text(workflow, "apiVersion"), Text(workflow, "kind")));
        var templates = ((YamlSequenceNode)At(workflow, "spec", "templates")).Children.ToDictionary(t => Text(t, "name"));
        var steps = ((YamlSequenceNode)At(templates[Text(workflow, "spec", "entrypoint")], "steps")).Children.Cast<YamlSequenceNode>().ToList();
        // Two groups run one after the other: every shard, then the merge.
        Assert.Equal(2, steps.Count);
        var fanOut = steps[0].Children[0];
        Assert.Equal("shard", Text(fanOut, "template"));
        Assert.Equal("{{workflow.parameters.shards}}", Text(fanOut, "withSequence", "count"));
        Assert.Equal("merge", Text(steps[1].Children[0], "template"));

        var shard = templates["shard"];
        Assert.NotNull(At(shard, "retryStrategy"));
        var args = Strings(At(shard, "container", "args"));
        Assert.Equal("{{inputs.parameters.index}}/{{workflow.parameters.shards}}", args[args.IndexOf("--shard") + 1]);
        Assert.Contains("{{inputs.parameters.index}}", args[args.IndexOf("--out") + 1]);
        Assert.Contains("codec merge", string.Join(" ", Strings(At(templates["merge"], "container", "args"))));
    }

    [Fact]
    public void The_slurm_array_covers_every_shard_and_the_merge_reads_them()
    {
        string array = File.ReadAllText(Deploy("slurm", "codec-shards.sbatch"));
        var range = Regex.Match(array, @"#SBATCH --array=0-(\d+)");
        var shard = Regex.Match(array, @"--shard auto/(\d+)");
        Assert.True(range.Success && shard.Success);
        Assert.Equal(int.Parse(range.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1, int.Parse(shard.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("--out \"$results/shard-$SLURM_ARRAY_TASK_ID.parquet\"", array);
        Assert.Contains("codec merge \"$results\"/shard-*.parquet", File.ReadAllText(Deploy("slurm", "codec-merge.sbatch")));
    }

    [Fact]
    public void The_container_runs_the_published_native_command()
    {
        string dockerfile = File.ReadAllText(Deploy("container", "Dockerfile"));
        Assert.Contains("COPY codec /opt/codec/codec", dockerfile);
        Assert.Contains("ENTRYPOINT [\"/opt/codec/codec\"]", dockerfile);
        Assert.Contains("dotnet publish src/Codec.Cli -c Release -r linux-x64 -o out", dockerfile);
    }
}
