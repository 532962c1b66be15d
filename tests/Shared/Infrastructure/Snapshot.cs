using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit.Sdk;

namespace Codec.Tests.Infrastructure;

/// <summary>
/// Snapshot testing with Verify's conventions (Verify itself cannot be restored here). The expected text of a test
/// lives beside its project in <c>Snapshots/{Class}.{Method}[_{parameters}][#{target}].verified.{extension}</c> —
/// the extension the content has (<c>.cs</c>, <c>.svg</c>, <c>.json</c>, <c>.txt</c>), <c>#target</c> naming one of
/// several outputs of a test (a generated file by its hint name). A mismatch writes the same name with
/// <c>.received.</c> and fails with a readable diff. Set CODEC_ACCEPT_SNAPSHOTS=1 to accept (review the git diff after).
/// </summary>
public static class Snapshot
{
    public static bool Accepting => Environment.GetEnvironmentVariable("CODEC_ACCEPT_SNAPSHOTS") == "1";

    /// <param name="parameters">A theory's parameters as Verify writes them (<c>folder=synthesis_info</c>).</param>
    /// <param name="target">Which of several outputs of the test this is.</param>
    public static void Verify(string actual, string extension = "txt", string? parameters = null, string? target = null,
        [CallerFilePath] string testFile = "", [CallerMemberName] string method = "")
    {
        actual = Normalize(actual);
        string name = Name(testFile, method, parameters) + (target is null ? "" : "#" + target);
        string verified = Path.Combine(DirectoryOf(testFile), $"{name}.verified.{extension}");
        string received = Path.Combine(DirectoryOf(testFile), $"{name}.received.{extension}");
        string? expected = File.Exists(verified) ? Normalize(File.ReadAllText(verified)) : null;
        if (expected == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }

        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(verified)!);
        if (Accepting)
        {
            File.WriteAllText(verified, actual);
            if (File.Exists(received)) File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        throw new XunitException(expected is null
            ? $"No snapshot {verified}. Received text written to {received}; run with CODEC_ACCEPT_SNAPSHOTS=1 to accept it."
            : $"Snapshot {Path.GetFileName(verified)} differs (received text in {received}; CODEC_ACCEPT_SNAPSHOTS=1 accepts it):\n{Diff(expected, actual)}");
    }

    /// <summary>The targets of a test's verified snapshots, to catch outputs that disappeared.</summary>
    public static IEnumerable<string> ExistingTargets(string? parameters = null, [CallerFilePath] string testFile = "", [CallerMemberName] string method = "")
    {
        string directory = DirectoryOf(testFile), prefix = Name(testFile, method, parameters) + "#";
        return System.IO.Directory.Exists(directory)
            ? System.IO.Directory.EnumerateFiles(directory, prefix + "*.verified.*")
                .Select(f => Path.GetFileName(f)[prefix.Length..])
                .Select(f => f[..f.LastIndexOf(".verified.", StringComparison.Ordinal)])
            : Enumerable.Empty<string>();
    }

    /// <summary>A theory parameter's value as Verify writes it in a file name (characters a path cannot hold as '_').</summary>
    public static string Parameter(string name, string value) =>
        name + "=" + string.Concat(value.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_'));

    private static string Name(string testFile, string method, string? parameters) =>
        Path.GetFileNameWithoutExtension(testFile) + "." + method + (parameters is null ? "" : "_" + parameters);

    // Snapshots/ of the test project the test's source file belongs to.
    private static string DirectoryOf(string testFile)
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(testFile)!);
        while (dir is not null && dir.GetFiles("*.csproj").Length == 0) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("no test project above " + testFile), "Snapshots");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    private static string Diff(string expected, string actual)
    {
        var diff = InlineDiffBuilder.Diff(expected, actual);
        var sb = new StringBuilder();
        int shown = 0;
        foreach (var line in diff.Lines)
        {
            if (line.Type == ChangeType.Unchanged) continue;
            sb.Append(line.Type == ChangeType.Inserted ? "+ " : "- ").AppendLine(line.Text);
            if (++shown == 60)
            {
                sb.AppendLine("... (more changes)");
                break;
            }
        }

        return sb.ToString();
    }
}
