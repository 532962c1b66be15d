using System.Collections.Concurrent;
using Codec.Runtime.Threading;

namespace Codec.Tests.Runtime;

/// <summary>Work spread over cores with results in order; workers disposed when their thread is done with them.</summary>
public sealed class OrderedWorkTests
{
    private sealed class Worker(ConcurrentBag<Worker> made) : IDisposable
    {
        public int Disposed;

        public Worker Made()
        {
            made.Add(this);
            return this;
        }

        public void Dispose() => Interlocked.Increment(ref Disposed);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Results_come_in_index_order_and_every_worker_is_disposed_once(int parallelism)
    {
        var made = new ConcurrentBag<Worker>();
        var results = OrderedWork.Run(1000, parallelism, () => new Worker(made).Made(), (worker, i) => i * 2);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => i * 2), results);
        Assert.NotEmpty(made);
        Assert.All(made, w => Assert.Equal(1, w.Disposed));
    }
}
