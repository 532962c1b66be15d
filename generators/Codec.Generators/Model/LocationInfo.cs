using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Codec.Generators.Model;

/// <summary>A place in a schema file, kept as plain values (a Roslyn Location would break caching).</summary>
internal sealed record LocationInfo(string FilePath, int Start, int Length, int Line, int Column)
{
    public Location ToLocation()
    {
        var start = new LinePosition(Line, Column);
        var end = new LinePosition(Line, Column + Length);
        return Location.Create(FilePath, new TextSpan(Start, Length), new LinePositionSpan(start, end));
    }
}
