using System.Collections.Concurrent;

namespace Codec.Runtime.Files;

/// <summary>
/// Buffers that whole-file reads (<see cref="InputFile.ReadAll(string, long, ref byte[], ICollection{Findings.Finding})"/>)
/// grow into, handed from one worker to the next: a run checks its folders one after another, each with new
/// workers, and each new buffer grown to a render's largest file is memory the system must fault in again.
/// </summary>
public static class ReadBuffers
{
    // What is kept for the next workers at most, in all: a long-lived process (the Python package) holds no more.
    private const long KeptBytes = 128L << 20;

    private static readonly ConcurrentBag<byte[]> Idle = new();
    private static long _keptBytes;

    /// <summary>A buffer no one else holds (empty when none is idle); give it back with <see cref="Give"/>.</summary>
    public static byte[] Take()
    {
        if (!Idle.TryTake(out var buffer)) return [];
        Interlocked.Add(ref _keptBytes, -buffer.Length);
        return buffer;
    }

    /// <summary>Keeps <paramref name="buffer"/> for the next <see cref="Take"/> while the total allows; the caller no longer uses it.</summary>
    public static void Give(byte[] buffer)
    {
        if (buffer.Length == 0) return;
        if (Interlocked.Add(ref _keptBytes, buffer.Length) > KeptBytes)
        {
            Interlocked.Add(ref _keptBytes, -buffer.Length);
            return;
        }

        Idle.Add(buffer);
    }
}
