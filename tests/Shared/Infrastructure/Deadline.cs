namespace Codec.Tests.Infrastructure;

/// <summary>Runs work that must not hang (a FIFO, a device) and fails the test, rather than the run, when it does.</summary>
public static class Deadline
{
    public static async Task<T> Within<T>(TimeSpan limit, string what, Func<T> work)
    {
        var run = Task.Run(work);
        var first = await Task.WhenAny(run, Task.Delay(limit));
        Assert.True(ReferenceEquals(first, run), $"{what} did not finish within {limit.TotalSeconds} s");
        return await run;
    }
}
