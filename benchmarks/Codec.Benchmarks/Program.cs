using BenchmarkDotNet.Running;

namespace Codec.Benchmarks;

public static class Program
{
    // dotnet run -c Release --project benchmarks/Codec.Benchmarks -- --filter '*'   (see benchmarks/RESULTS.md)
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
