using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit.Sdk;

namespace Codec.Tests.Infrastructure;

/// <summary>
/// Snapshot testing with Verify's conventions (Verify itself cannot be restored here): the expected text lives in
/// <c>Snapshots/{name}.verified.txt</c> beside the tests; a mismatch writes <c>{name}.received.txt</c> and fails
/// with a readable diff. Set CODEC_ACCEPT_SNAPSHOTS=1 to accept the received text (review the git diff after).
/// </summary>
public static class Snapshot
{
    public static string Directory => Path.Combine(TestPaths.TestsDirectory(), "Snapshots");

    public static bool Accepting => Environment.GetEnvironmentVariable("CODEC_ACCEPT_SNAPSHOTS") == "1";

    public static void Verify(string name, string actual)
    {
        actual = Normalize(actual);
        string verified = Path.Combine(Directory, name + ".verified.txt");
        string received = Path.Combine(Directory, name + ".received.txt");
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
            : $"Snapshot {name} differs (received text in {received}; CODEC_ACCEPT_SNAPSHOTS=1 accepts it):\n{Diff(expected, actual)}");
    }

    /// <summary>Names of the verified snapshots under a prefix, to catch outputs that disappeared.</summary>
    public static IEnumerable<string> Existing(string prefix) =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.EnumerateFiles(Directory, "*.verified.txt", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Directory, f).Replace('\\', '/'))
                .Select(f => f[..^".verified.txt".Length])
                .Where(f => f.StartsWith(prefix, StringComparison.Ordinal))
            : Enumerable.Empty<string>();

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
