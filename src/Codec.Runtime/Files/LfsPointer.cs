using System.Text;

namespace Codec.Runtime.Files;

/// <summary>
/// A Git LFS pointer: the small text file a clone without Git LFS holds where a large file (an <c>.npy</c> cache, a
/// WAV track, a render's PNG) should be — <c>version https://git-lfs.github.com/spec/v1</c>, then the content's
/// <c>oid</c> and <c>size</c>. Every reader opens files through <see cref="InputFile"/>, which tells a pointer at the
/// gate, so no decoder reports it as a damaged file of its own format.
/// </summary>
public static class LfsPointer
{
    /// <summary>Pointers are a few lines; Git LFS itself never writes one of 1024 bytes or more.</summary>
    public const int MaxBytes = 1024;

    private static ReadOnlySpan<byte> Version => "version https://git-lfs.github.com/spec/"u8;

    /// <summary>What a file's bytes say when they are a pointer ("oid sha256:…, 1.2 MB"); null when they are not one.</summary>
    public static string? Describe(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= MaxBytes || !bytes.StartsWith(Version)) return null;
        string? oid = null, size = null;
        foreach (var line in Encoding.UTF8.GetString(bytes).Split('\n'))
        {
            if (line.StartsWith("oid ", StringComparison.Ordinal)) oid = line[4..].Trim();
            else if (line.StartsWith("size ", StringComparison.Ordinal)) size = line[5..].Trim();
        }

        return oid is null || size is null || !long.TryParse(size, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long bytesOfContent)
            ? null
            : $"oid {oid}, {bytesOfContent:N0} bytes";
    }

    /// <summary>Why a file that is a pointer is not read, worded for a report: it names the pointer and the fix.</summary>
    public static string Refusal(string described) =>
        $"is a Git LFS pointer ({described}), not the file: the data was never fetched; install Git LFS and run `git lfs pull` in the clone";
}
