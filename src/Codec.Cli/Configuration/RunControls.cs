using Codec.Cli.Reporting;
using Codec.Formats.Validation.Folders;

namespace Codec.Cli.Configuration;

/// <summary>
/// The controls of one run, from the command line and the codec.json files: its <see cref="ReportPolicy"/> and the
/// tolerances each output folder is checked with. A codec.json applies to the folder that holds it: its globs are
/// relative to that folder, and its tolerances to the output folders below it (the nearest codec.json wins).
/// </summary>
public sealed class RunControls
{
    private readonly IReadOnlyList<CodecConfig> _configs;

    // A configuration named by --config applies to every folder of the run, wherever it is.
    private readonly bool _everywhere;

    private RunControls(IReadOnlyList<CodecConfig> configs, ReportPolicy policy, bool everywhere)
    {
        _configs = configs;
        Policy = policy;
        _everywhere = everywhere;
    }

    public ReportPolicy Policy { get; }

    /// <summary>The configurations in use (the one <c>--config</c> names, or each folder's codec.json).</summary>
    public IReadOnlyList<CodecConfig> Configs => _configs;

    /// <summary>
    /// Reads <paramref name="configPath"/>, or else the codec.json of each folder in <paramref name="paths"/>, and joins
    /// them with <c>--ignore</c> and <c>--warnings-as-errors</c>. Null, with <paramref name="error"/>, for a
    /// configuration that is not valid or a code that does not exist.
    /// </summary>
    public static RunControls? Load(IReadOnlyList<string> paths, string? configPath, IReadOnlyList<string> ignore, bool warningsAsErrors, out string error)
    {
        var configs = new List<CodecConfig>();
        var files = configPath is not null
            ? [configPath]
            : paths.Where(Directory.Exists).Select(p => Path.Combine(p, CodecConfig.FileName)).Where(File.Exists).Distinct().ToList();
        foreach (var file in files)
        {
            if (CodecConfig.Read(file, out error) is not { } config) return null;
            configs.Add(config);
        }

        if (Suppression.Parse(ignore, Directory.GetCurrentDirectory(), out error) is not { } fromCommandLine) return null;
        var policy = new ReportPolicy
        {
            Ignore = [.. fromCommandLine, .. configs.SelectMany(c => c.Ignore)],
            WarningsAsErrors = warningsAsErrors || configs.Any(c => c.WarningsAsErrors),
        };
        return new RunControls(configs, policy, configPath is not null);
    }

    /// <summary>The options an output folder is checked with: those given, with the nearest configuration's tolerances.</summary>
    public FolderCheckOptions Tolerances(string folder, FolderCheckOptions options)
    {
        string full = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        var config = _everywhere ? _configs[0] : _configs.Where(c => full.StartsWith(c.Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .OrderByDescending(c => c.Folder.Length).FirstOrDefault();
        if (config is null) return options;
        // The nearest configuration's settings over those given, tolerance by tolerance.
        var settings = new Dictionary<string, double>(options.Tolerances, StringComparer.Ordinal);
        foreach (var (name, value) in config.Tolerances) settings[name] = value;
        return options with { Tolerances = settings };
    }
}
