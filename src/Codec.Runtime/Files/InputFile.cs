using System.Runtime.InteropServices;
using Codec.Runtime.Findings;
using Microsoft.Win32.SafeHandles;

namespace Codec.Runtime.Files;

/// <summary>What a path names, as the file system says (links followed).</summary>
public enum PathKind
{
    Missing,
    Regular,
    Directory,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    /// <summary>The platform could not say (then the path is treated as a regular file).</summary>
    Unknown,
}

/// <summary>
/// The one gate every reader of user input opens files through. Only regular files are opened: a FIFO would block
/// the open (and every read) until some other process writes to it, and a device (<c>/dev/zero</c>,
/// <c>/dev/urandom</c>, a terminal) never ends or never answers — each is refused with a message saying what the
/// path is. Whole-file reads are bounded by a limit checked before anything is allocated, and by what is really
/// read (files in <c>/proc</c> say they are empty and are not).
/// </summary>
public static class InputFile
{
    /// <summary>
    /// The largest file read whole unless a command is told otherwise (<c>--max-file-size</c>): no info.json, mask,
    /// mesh, WAV track or JSON file of a real dataset comes near it, and a wrong file of many gigabytes is refused
    /// before it is read.
    /// </summary>
    public const long DefaultMaxBytes = 256L << 20;

    /// <summary>What <paramref name="path"/> names (links followed; a link loop or a dangling link is <see cref="PathKind.Missing"/>).</summary>
    public static PathKind KindOf(string path)
    {
        if (OperatingSystem.IsLinux()) return LinuxKind(path);
        if (Directory.Exists(path)) return PathKind.Directory;
        return File.Exists(path) ? PathKind.Unknown : PathKind.Missing;
    }

    /// <summary>Why <paramref name="path"/> cannot be read as a file's content, or null when it can.</summary>
    public static string? Refusal(string path) => KindOf(path) switch
    {
        PathKind.Regular or PathKind.Unknown => null,
        PathKind.Missing => "no such file (or a link that leads nowhere, or a loop of links)",
        PathKind.Directory => "is a folder, not a file",
        PathKind.Fifo => "is a named pipe (FIFO), not a file: reading it would wait for a writer; save the data to a file first, or give it to codec validate as standard input ('-')",
        PathKind.CharacterDevice => "is a character device, not a file (a device such as /dev/zero never ends)",
        PathKind.BlockDevice => "is a block device, not a file",
        PathKind.Socket => "is a socket, not a file",
        _ => null,
    };

    /// <summary>
    /// Opens a regular file for reading; anything else throws <see cref="InputFileException"/> (an <see cref="IOException"/>),
    /// and so does a Git LFS pointer in the file's place (<see cref="LfsPointer"/>): one message for every reader.
    /// </summary>
    public static SafeFileHandle OpenRead(string path, FileOptions options = FileOptions.None)
    {
        if (Refusal(path) is { } why) throw new InputFileException(path, why);
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, options);
        if (PointerIn(handle) is { } pointer)
        {
            handle.Dispose();
            throw new InputFileException(path, LfsPointer.Refusal(pointer)) { Code = FindingCodes.LfsPointer };
        }

        return handle;
    }

    // Only a file shorter than any real content of these formats can be a pointer: one small read, for those alone.
    private static string? PointerIn(SafeFileHandle handle)
    {
        long length = RandomAccess.GetLength(handle);
        if (length is <= 0 or >= LfsPointer.MaxBytes) return null;
        Span<byte> head = stackalloc byte[LfsPointer.MaxBytes];
        int n = RandomAccess.Read(handle, head, 0);
        return LfsPointer.Describe(head[..n]);
    }

    /// <summary>
    /// <see cref="OpenRead"/> for readers that report on the file itself: the handle, or null after an error finding
    /// located at <paramref name="path"/> (not a file, or unreadable).
    /// </summary>
    public static SafeFileHandle? TryOpenRead(string path, FindingSink sink, FileOptions options = FileOptions.None)
    {
        try
        {
            return OpenRead(path, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            sink.Add(Unreadable(e) with { Path = path });
            return null;
        }
    }

    /// <summary>A read-only stream over a regular file (see <see cref="OpenRead"/>).</summary>
    public static FileStream OpenStream(string path, FileOptions options = FileOptions.None, int bufferSize = 4096) =>
        new(OpenRead(path, options), FileAccess.Read, bufferSize, options.HasFlag(FileOptions.Asynchronous));

    /// <summary>The length of a regular file, checked through the gate (<see cref="InputFileException"/> otherwise).</summary>
    public static long LengthOf(string path)
    {
        using var handle = OpenRead(path);
        return RandomAccess.GetLength(handle);
    }

    /// <summary>
    /// Reads a whole regular file into <paramref name="buffer"/> (grown when needed) and returns its length, or -1
    /// after a <see cref="FindingCodes.DocumentTooLarge"/> finding when it holds more than <paramref name="maxBytes"/>.
    /// The declared length is checked before anything is allocated, and reading stops at the limit whatever the
    /// file turns out to hold. Throws <see cref="IOException"/> (an <see cref="InputFileException"/> for what is not a
    /// file) for the caller to report.
    /// </summary>
    public static int ReadAll(string path, long maxBytes, ref byte[] buffer, ICollection<Finding> findings)
    {
        long limit = Math.Min(maxBytes, Array.MaxLength);
        // No read-ahead advice: the file is read in one call (a system call per file saved on folders of small files).
        using var handle = OpenRead(path);
        long length = RandomAccess.GetLength(handle);
        if (length > limit)
        {
            findings.Add(TooLarge($"file is {length} bytes; the limit is {limit}"));
            return -1;
        }

        return ReadBounded((into, at) => RandomAccess.Read(handle, into, at), length, limit, ref buffer, findings);
    }

    /// <summary>
    /// Reads a stream that has no length to check first (standard input, a pipe) to its end into
    /// <paramref name="buffer"/>, as <see cref="ReadAll(string, long, ref byte[], ICollection{Finding})"/> does a
    /// file: the buffer grows with what really arrives, and reading stops past <paramref name="maxBytes"/>.
    /// </summary>
    public static int ReadAll(Stream stream, long maxBytes, ref byte[] buffer, ICollection<Finding> findings) =>
        ReadBounded((into, _) => stream.Read(into), 0, Math.Min(maxBytes, Array.MaxLength), ref buffer, findings);

    private delegate int ReadAt(Span<byte> into, long offset);

    private static int ReadBounded(ReadAt read, long declared, long limit, ref byte[] buffer, ICollection<Finding> findings)
    {
        // Room for the declared length and one byte more: the read that finds the end needs no larger buffer. A file
        // that says it is empty may still have content (/proc, a pipe); it is read in steps, up to the limit.
        long wanted = Math.Min(limit + 1, Math.Max(declared + 1, 4096));
        if (buffer.Length < wanted) buffer = new byte[Math.Min(limit + 1, Math.Max(wanted, buffer.Length * 2L))];
        int total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (total > limit) break;
                Array.Resize(ref buffer, (int)Math.Min(limit + 1, buffer.Length * 2L));
            }

            int n = read(buffer.AsSpan(total), total);
            if (n == 0) break;
            total += n;
            if (total > limit) break;
            // All the length it declared has come (and no more, the buffer holding a byte beyond): the file as it was
            // when opened, without another call to learn that it ends there.
            if (total == declared && declared > 0) break;
        }

        if (total > limit)
        {
            findings.Add(TooLarge($"file holds more than the limit of {limit} bytes"));
            return -1;
        }

        return total;
    }

    /// <summary><see cref="ReadAll(string, long, ref byte[], ICollection{Finding})"/> into a new array of its exact length, or null after a finding.</summary>
    public static byte[]? ReadAll(string path, long maxBytes, FindingSink sink)
    {
        byte[] buffer = Array.Empty<byte>();
        int length = ReadAll(path, maxBytes, ref buffer, sink);
        return length < 0 ? null : length == buffer.Length ? buffer : buffer.AsSpan(0, length).ToArray();
    }

    /// <summary>
    /// <see cref="ReadAll(string, long, ref byte[], ICollection{Finding})"/> for readers that report on the file itself: the length, or -1
    /// after an error finding located at <paramref name="path"/> (over the limit, not a file, or unreadable).
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
            sink.Add(Unreadable(e) with { Path = path });
            return -1;
        }
    }

    /// <summary>The finding for a file that could not be read, from the exception that said why.</summary>
    public static Finding Unreadable(Exception e) =>
        e is InputFileException refused
            ? new(refused.Code, Severity.Error, "", refused.Why)
            : new(FindingCodes.FileUnreadable, Severity.Error, "", "cannot read the file: " + e.Message);

    private static Finding TooLarge(string message) => new(FindingCodes.DocumentTooLarge, Severity.Error, "", message);

    // statx(2) has the same layout on every Linux architecture (unlike stat), so one declaration serves them all.
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int StatxModeOffset = 28;
    private const int ENoEnt = 2, ENotDir = 20, ELoop = 40;

    private static PathKind LinuxKind(string path)
    {
        Span<byte> statx = stackalloc byte[256];
        int result;
        try
        {
            result = Statx(AtFdCwd, path, 0, StatxType, ref MemoryMarshal.GetReference(statx));
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A libc without statx (before glibc 2.28): fall back to what .NET can tell.
            return Directory.Exists(path) ? PathKind.Directory : File.Exists(path) ? PathKind.Unknown : PathKind.Missing;
        }

        // Nothing there, a link that leads nowhere, or a link loop; anything else (no permission) is for open to say.
        if (result != 0) return Marshal.GetLastPInvokeError() is ENoEnt or ENotDir or ELoop ? PathKind.Missing : PathKind.Unknown;
        int mode = BitConverter.ToUInt16(statx.Slice(StatxModeOffset, 2)) & 0xF000;
        return mode switch
        {
            0x8000 => PathKind.Regular,
            0x4000 => PathKind.Directory,
            0x1000 => PathKind.Fifo,
            0x2000 => PathKind.CharacterDevice,
            0x6000 => PathKind.BlockDevice,
            0xC000 => PathKind.Socket,
            _ => PathKind.Unknown,
        };
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, ref byte buffer);
}

/// <summary>A path that is not a regular file (a FIFO, a device, a folder, nothing): <see cref="Why"/> says which.</summary>
public sealed class InputFileException(string path, string why) : IOException($"{path} {why}")
{
    public string Path { get; } = path;

    /// <summary>What the path is instead of a file, worded for a report.</summary>
    public string Why { get; } = why;

    /// <summary>The finding code of the refusal: the file could not be read (F601), or is a Git LFS pointer (F604) — a defect of the data.</summary>
    public string Code { get; init; } = FindingCodes.FileUnreadable;
}
