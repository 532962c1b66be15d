using System.Collections.Concurrent;

namespace Codec.Runtime.Files;

/// <summary>
/// Buffers that whole-file reads (<see cref="InputFile.ReadAll(string, long, ref byte[], ICollection{Findings.Finding})"/>)
/// grow into, handed from one worker to the next: a run checks its folders one after another, each with new
/// workers, and each new buffer grown to a render's largest file is memory the system must fault in again.
/// </summary>
public static class ReadBuffers
{
    // A buffer larger than this (a file of hundreds of megabytes) is not kept once its worker is done.
    private const int KeptBytes = 64 << 20;

    private static readonly ConcurrentBag<byte[]> Idle = new();

    /// <summary>A buffer no one else holds (empty when none is idle); give it back with <see cref="Give"/>.</summary>
    public static byte[] Take() => Idle.TryTake(out var buffer) ? buffer : [];

    /// <summary>Keeps <paramref name="buffer"/> for the next <see cref="Take"/>; the caller no longer uses it.</summary>
    public static void Give(byte[] buffer)
    {
        if (buffer.Length is > 0 and <= KeptBytes && Idle.Count < 4 * Environment.ProcessorCount) Idle.Add(buffer);
    }
}
