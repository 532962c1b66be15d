using Codec.Runtime.Findings;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Formats;

/// <summary>
/// Random damage to real documents (byte flips, insertions, deletions, cuts, swapped structural characters) must
/// only ever produce findings: no exception escapes, and every finding about the text has a line and column.
/// </summary>
public sealed class MutationFuzzTests
{
    private static readonly byte[] Interesting = "{}[]\",:\\-0123456789.eE+ \nNaInfityrulsf\u00ff"u8.ToArray();

    [Theory]
    [InlineData(1, 400)]
    [InlineData(2, 400)]
    [InlineData(3, 400)]
    public void Damaged_documents_give_findings_never_exceptions(int seed, int cases)
    {
        var random = new Random(seed);
        var originals = new[] { File.ReadAllBytes(Documents.SampleV12), File.ReadAllBytes(Documents.SampleV15) };
        var checker = new Codec.Formats.Validation.DocumentChecker(Codec.Formats.BuiltInFormats.CreateSynthesisInfo());
        for (int n = 0; n < cases; n++)
        {
            var bytes = Mutate(originals[random.Next(originals.Length)], random);
            Codec.Formats.Validation.DocumentResult result;
            try
            {
                result = checker.Check(bytes);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"case {n} (seed {seed}) threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }

            foreach (var f in result.Findings.Where(f => f.Code.StartsWith('J') && f.Code != FindingCodes.TooManyFindings))
            {
                Assert.True(f.Line > 0 && f.Column > 0, $"case {n} (seed {seed}): {f}");
            }
        }
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var list = new List<byte>(original);
        int edits = random.Next(1, 6);
        for (int e = 0; e < edits && list.Count > 0; e++)
        {
            int at = random.Next(list.Count);
            switch (random.Next(5))
            {
                case 0: list[at] = (byte)random.Next(256); break;
                case 1: list.Insert(at, Interesting[random.Next(Interesting.Length)]); break;
                case 2: list.RemoveRange(at, Math.Min(list.Count - at, random.Next(1, 40))); break;
                case 3: list.RemoveRange(at, list.Count - at); break;
                default: list[at] = Interesting[random.Next(Interesting.Length)]; break;
            }
        }

        return list.ToArray();
    }
}
