using System.Diagnostics;
using System.Globalization;

namespace Codec.Tests.Infrastructure;

/// <summary>
/// The processor time the calling thread has used, for timing tests of single-threaded work: what other processes
/// and parallel tests take on a loaded machine (fuzzers beside the suite, CI's two cores) does not count against the
/// bound, while a matcher that backtracks still blows it. Linux reads <c>/proc/thread-self/stat</c> (10 ms ticks);
/// elsewhere the wall clock stands in.
/// </summary>
public static class ThreadCpuTime
{
    private const string Stat = "/proc/thread-self/stat";

    public static TimeSpan Now()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(Stat)) return Stopwatch.GetElapsedTime(0);
        string stat = File.ReadAllText(Stat);
        // Fields after the command name (which may hold spaces, in parentheses): state is field 3, utime 14, stime 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>The thread's processor time spent in <paramref name="work"/>.</summary>
    public static TimeSpan Of(Action work)
    {
        var before = Now();
        work();
        return Now() - before;
    }
}
