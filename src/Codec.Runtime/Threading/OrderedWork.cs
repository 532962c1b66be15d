namespace Codec.Runtime.Threading;

/// <summary>
/// Runs one piece of work per index on several cores and hands the results back in index order, so a report reads
/// the same whatever the number of cores. Each worker thread gets its own state (a decoder, buffers), made once per
/// thread, never shared.
/// </summary>
public static class OrderedWork
{
    /// <summary>The number of workers a run uses unless told otherwise: every core.</summary>
    public static int DefaultParallelism => Environment.ProcessorCount;

    /// <summary>
    /// Calls <paramref name="work"/> for every index below <paramref name="count"/>, on up to
    /// <paramref name="parallelism"/> threads, and returns the results by index. A worker that is
    /// <see cref="IDisposable"/> is disposed when its thread is done with it.
    /// </summary>
    public static TResult[] Run<TWorker, TResult>(int count, int parallelism, Func<TWorker> newWorker, Func<TWorker, int, TResult> work)
    {
        var results = new TResult[count];
        if (count == 0) return results;
        if (parallelism <= 1 || count == 1)
        {
            var worker = newWorker();
            try
            {
                for (int i = 0; i < count; i++) results[i] = work(worker, i);
            }
            finally
            {
                (worker as IDisposable)?.Dispose();
            }

            return results;
        }

        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, newWorker, (i, _, worker) =>
        {
            results[i] = work(worker, i);
            return worker;
        }, worker => (worker as IDisposable)?.Dispose());
        return results;
    }
}
