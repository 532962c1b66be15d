using Codec.Runtime.Findings;

namespace Codec.Formats.Validation;

/// <summary>Reads whole files into a reused buffer, refusing (with a finding) any file over the size limit unread.</summary>
public static class BoundedFile
{
    /// <summary>
    /// Reads <paramref name="path"/> into <paramref name="buffer"/> (grown when needed) and returns its length, or -1
    /// after adding a <see cref="FindingCodes.DocumentTooLarge"/> finding when the file is over <paramref name="maxBytes"/>.
    /// </summary>
    public static int ReadAll(string path, long maxBytes, ref byte[] buffer, ICollection<Finding> findings)
    {
        using var handle = File.OpenHandle(path);
        long length = RandomAccess.GetLength(handle);
        if (length > maxBytes || length > Array.MaxLength)
        {
            findings.Add(new Finding(FindingCodes.DocumentTooLarge, Severity.Error, "", $"file is {length} bytes; the limit is {Math.Min(maxBytes, Array.MaxLength)}"));
            return -1;
        }

        if (buffer.Length < length) buffer = new byte[Math.Min(Array.MaxLength, Math.Max(length, buffer.Length * 2L))];
        int read = 0;
        while (read < length)
        {
            int n = RandomAccess.Read(handle, buffer.AsSpan(read, (int)length - read), read);
            if (n == 0) break;
            read += n;
        }

        return read;
    }

    /// <summary>
    /// <see cref="ReadAll(string, long, ref byte[], ICollection{Finding})"/> for readers that report on the file itself: the file's length, or -1 after an error finding
    /// located at <paramref name="path"/> (over the limit, or unreadable).
    /// </summary>
    public static int ReadAll(string path, long maxBytes, ref byte[] buffer, FindingSink sink)
    {
        try
        {
            var findings = new List<Finding>();
            int length = ReadAll(path, maxBytes, ref buffer, findings);
            foreach (var f in findings) sink.Add(f with { Path = path });
            return length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            sink.Add(new Finding(FindingCodes.FileUnreadable, Severity.Error, path, "cannot read the file: " + e.Message));
            return -1;
        }
    }
}
