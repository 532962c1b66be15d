using Codec.Formats.Validation.Folders;
using Codec.Runtime.Datasets;
using Codec.Runtime.Findings;

namespace Codec.Formats.Datasets;

/// <summary>Settings of a dataset check.</summary>
public sealed record DatasetCheckOptions
{
    /// <summary>Frames per second when no cache declares its own (Maya caches do); null: the schema's default.</summary>
    public double? FramesPerSecond { get; init; }

    /// <summary>Files read at once.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Files read whole (WAV, JSON) over this size are refused unread; caches and archives are mapped or streamed.</summary>
    public long MaxFileBytes { get; init; } = 256L << 20;

    /// <summary>Called after each file is read, with the count so far and the total.</summary>
    public Action<int, int>? Progress { get; init; }
}

/// <summary>
/// Checks a dataset folder against a <see cref="DatasetContract"/>: finds its files, reads each once (in parallel),
/// unifies dimensions across files in path order, checks JSON fields, runs the named cross-file rules, and returns
/// the findings grouped by file (folders for findings about a folder).
/// </summary>
public static class DatasetValidator
{
    public static IReadOnlyList<FileCheckResult> Check(DatasetContract contract, string root, DatasetCheckOptions? options = null)
    {
        options ??= new DatasetCheckOptions();
        var layout = DatasetLayout.Scan(contract, root);
        var keep = KeptValues(contract);
        var facts = new FileFacts[layout.Files.Count];
        int done = 0;
        Parallel.For(0, layout.Files.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism) }, i =>
        {
            var file = layout.Files[i];
            var wanted = keep.TryGetValue(file.RelativePath, out var set) ? set : (IReadOnlySet<string>)new HashSet<string>();
            facts[i] = DatasetFileReader.Read(file, wanted, options.MaxFileBytes);
            options.Progress?.Invoke(Interlocked.Increment(ref done), layout.Files.Count);
        });

        // Path order makes "the first file to show a dimension" the same on every run.
        var dimensions = new DimensionBinder(contract);
        foreach (var f in facts)
        {
            if (!f.Readable) continue;
            dimensions.Observe(f.File.Spec.Shape, f.Shape, f.File.Shot, f.File.RelativePath, f, "");
            foreach (var member in f.Members.Values)
            {
                var spec = f.File.Spec.Members.FirstOrDefault(m => m.Key == member.Key) ?? f.File.Spec.Members.FirstOrDefault(m => m.Key is "{shot}" or "*");
                if (spec is null) continue;
                string? shot = spec.Key == "{shot}" ? member.Key : f.File.Shot;
                dimensions.Observe(spec.Shape, member.Shape, shot, $"{f.File.RelativePath} ({member.Key})", f, "/" + member.Key);
            }
        }

        foreach (var f in facts) JsonFieldChecker.Check(f, dimensions);

        var extra = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
        var context = new DatasetRuleContext(facts, dimensions, options, (relative, finding) =>
        {
            if (!extra.TryGetValue(relative, out var list)) extra[relative] = list = new List<Finding>();
            list.Add(finding);
        });
        foreach (var rule in contract.Rules)
        {
            try
            {
                DatasetRules.Run(rule, context);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                context.Report("", new Finding(FindingCodes.FileUnreadable, Severity.Error, "", $"rule {rule.Name} could not run ({e.GetType().Name}: {e.Message}); please report this dataset"));
            }
        }

        // One result per path: the files in order, then folders and files that only rules or the layout speak of.
        var results = new List<FileCheckResult>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in facts)
        {
            seen.Add(f.File.RelativePath);
            var findings = new List<Finding>(f.Findings);
            if (layout.Findings.TryGetValue(f.File.RelativePath, out var structural)) findings.AddRange(structural);
            if (extra.TryGetValue(f.File.RelativePath, out var fromRules)) findings.AddRange(fromRules);
            results.Add(new FileCheckResult(f.File.Path, contract.Id, findings));
        }

        foreach (var relative in layout.Findings.Keys.Concat(extra.Keys).Where(k => !seen.Contains(k)).Distinct().Order(StringComparer.Ordinal))
        {
            var findings = new List<Finding>();
            if (layout.Findings.TryGetValue(relative, out var structural)) findings.AddRange(structural);
            if (extra.TryGetValue(relative, out var fromRules)) findings.AddRange(fromRules);
            results.Add(new FileCheckResult(Path.Combine(root, relative), contract.Id, findings));
        }

        return results;
    }

    // Arrays the same_values rules compare: "path#member" → keep member of path.
    private static Dictionary<string, HashSet<string>> KeptValues(DatasetContract contract)
    {
        var keep = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var rule in contract.Rules.Where(r => r.Name == "same_values"))
        {
            foreach (var reference in rule.Arguments.Where(a => a.Key is "a" or "b").Select(a => a.Value))
            {
                int hash = reference.IndexOf('#');
                string path = hash < 0 ? reference : reference[..hash], member = hash < 0 ? "" : reference[(hash + 1)..];
                if (!keep.TryGetValue(path, out var set)) keep[path] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(member);
            }
        }

        return keep;
    }
}
