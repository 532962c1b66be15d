using BenchmarkDotNet.Running;

namespace Codec.Benchmarks;

public static class Program
{
    // dotnet run -c Release --project benchmarks/Codec.Benchmarks -- --filter '*'   (see benchmarks/RESULTS.md)
    // dotnet run -c Release --project benchmarks/Codec.Benchmarks -- stream 4 2       (4 GB synthetic metadata.jsonl, 2 cores)
    // dotnet run -c Release --project benchmarks/Codec.Benchmarks -- dataset /work/claire 200 300 24000 2 [maya]  (A2F dataset vs cat)
    // dotnet run -c Release --project benchmarks/Codec.Benchmarks -- dataset-write /tmp/a2f 80 300 24000       (only writes it)
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "stream") return StreamProbe.Run(args);
        if (args.Length > 0 && args[0] is "dataset" or "dataset-check" or "dataset-write") return DatasetProbe.Run(args);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
