namespace Codec.Tests.Infrastructure;

/// <summary>
/// Bytes allocated on this thread by an action, after warm-up; the minimum over several runs, so that a one-off
/// allocation by the runtime (tiering, a lazy initialiser) cannot fail a test, while an allocation the code makes
/// on every call still shows in every run.
/// </summary>
public static class Allocations
{
    public static long Measure(Action action, int warmups = 3, int runs = 5)
    {
        for (int i = 0; i < warmups; i++) action();
        long least = long.MaxValue;
        for (int i = 0; i < runs; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            action();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
