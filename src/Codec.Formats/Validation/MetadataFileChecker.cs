using Codec.Runtime.Files;
using Codec.Runtime.Findings;
using Codec.Runtime.Json;
using Codec.Runtime.Lines;
using Codec.Runtime.Threading;

namespace Codec.Formats.Validation;

/// <summary>How to check a metadata.jsonl file.</summary>
public sealed record MetadataFileOptions
{
    public static MetadataFileOptions Default { get; } = new();

    /// <summary>Lines decoded at once (1 = on the reading thread; default: every core). Results arrive in file order either way.</summary>
    public int Parallelism { get; init; } = OrderedWork.DefaultParallelism;

    /// <summary>Longest line read; longer lines are one finding each and are skipped as they stream past.</summary>
    public int MaxLineBytes { get; init; } = 16 << 20;

    /// <summary>Decoding limits and the unknown-version policy.</summary>
    public DecodeOptions? Decode { get; init; }

    /// <summary>Keep each line's <see cref="MetadataFacts"/> (for folder cross-checks; costs memory per line).</summary>
    public bool CollectFacts { get; init; }
}

/// <summary>Totals of a checked metadata.jsonl.</summary>
public sealed record MetadataFileSummary(JsonLinesStats Stats, long Errors, long Warnings, long Infos, IReadOnlyDictionary<string, long> Versions);

/// <summary>
/// Streams a metadata.jsonl and checks every line with its own version's schema. Memory stays flat whatever the
/// file's size: nothing is kept per line unless <see cref="MetadataFileOptions.CollectFacts"/> asks for it, and
/// <c>onLine</c> receives each line's result in file order.
/// </summary>
public static class MetadataFileChecker
{
    public static async Task<MetadataFileSummary> CheckFileAsync(string path, Action<MetadataLineResult>? onLine = null,
        MetadataFileOptions? options = null, CancellationToken cancellationToken = default)
    {
        await using var stream = InputFile.OpenStream(path, FileOptions.SequentialScan | FileOptions.Asynchronous, bufferSize: 1);
        return await CheckAsync(stream, onLine, options, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<MetadataFileSummary> CheckAsync(Stream stream, Action<MetadataLineResult>? onLine = null,
        MetadataFileOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= MetadataFileOptions.Default;
        long errors = 0, warnings = 0, infos = 0;
        var versions = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var lines = new JsonLinesOptions { Parallelism = options.Parallelism, MaxLineBytes = options.MaxLineBytes };
        // Lines of another product are one finding for the file, at the first such line, with their count: the user
        // learns one fact once. The lines still go out (their render ids matter to the folder check), without it.
        Finding? otherProduct = null;
        long otherProductLines = 0;
        var stats = await JsonLinesReader.ReadAsync(stream, () => new MetadataLineChecker(options.Decode, options.CollectFacts), result =>
        {
            if (result.Findings.Any(f => f.Code == FindingCodes.OtherProduct))
            {
                otherProductLines++;
                otherProduct ??= result.Findings.First(f => f.Code == FindingCodes.OtherProduct);
                result = result with { Findings = result.Findings.Where(f => f.Code != FindingCodes.OtherProduct).ToList() };
            }

            foreach (var f in result.Findings)
            {
                if (f.Severity == Severity.Error) errors++;
                else if (f.Severity == Severity.Warning) warnings++;
                else infos++;
            }

            errors += result.Unlisted.Errors;
            warnings += result.Unlisted.Warnings;
            infos += result.Unlisted.Infos;
            string key = result.Version ?? "(unknown)";
            versions[key] = versions.TryGetValue(key, out long n) ? n + 1 : 1;
            onLine?.Invoke(result);
        }, lines, cancellationToken).ConfigureAwait(false);
        if (otherProduct is { } first)
        {
            var once = otherProductLines == 1 ? first : first with
            {
                Message = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{first.Message} (and so are {otherProductLines - 1:N0} more of the file's lines: {otherProductLines:N0} in all)"),
            };
            errors += once.Severity == Severity.Error ? 1 : 0;
            warnings += once.Severity == Severity.Warning ? 1 : 0;
            onLine?.Invoke(new MetadataLineResult(once.Line, null, [once], null));
        }

        return new MetadataFileSummary(stats, errors, warnings, infos, versions);
    }
}
