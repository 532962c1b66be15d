namespace Codec.Generators;

/// <summary>The generator's own version, stamped into [GeneratedCode] so a reader knows what wrote a file.</summary>
internal static class GeneratorInfo
{
    public static readonly string Version = typeof(GeneratorInfo).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";
}
