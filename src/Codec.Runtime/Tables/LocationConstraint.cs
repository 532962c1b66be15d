namespace Codec.Runtime.Tables;

/// <summary>An axis of the frame a location constraint is written in.</summary>
public enum Axis
{
    X = 0,
    Y = 1,
    Z = 2,
}

/// <summary>How a coordinate relates to the points a constraint names.</summary>
public enum ConstraintKind
{
    /// <summary>The coordinate equals <see cref="LocationConstraint.First"/>'s (<c>7.1.x</c>).</summary>
    EqualTo,

    /// <summary>The coordinate is the mean of two points' (<c>(2.2.x+2.4.x)/2</c>).</summary>
    MidpointOf,

    /// <summary>The coordinate lies strictly between two points' (<c>&gt; 8.7.x and &lt; 8.3.x</c>).</summary>
    Between,

    /// <summary>The coordinate is greater than a point's (<c>&gt; 4.3.x</c>).</summary>
    GreaterThan,

    /// <summary>The coordinate is less than a point's (<c>&lt; 4.4.x</c>).</summary>
    LessThan,
}

/// <summary>
/// One recommended location constraint of a feature point on one axis, parsed from the reference table's text at
/// compile time. Points are table ids. For <see cref="ConstraintKind.Between"/>, <see cref="First"/> is the lower
/// bound and <see cref="Second"/> the upper.
/// </summary>
/// <param name="Point">The constrained point.</param>
/// <param name="Axis">The axis (every point the constraint names is read on this axis too).</param>
/// <param name="Kind">The relation.</param>
/// <param name="First">The first point named.</param>
/// <param name="Second">The second point named, or -1.</param>
/// <param name="Text">The constraint as the table writes it.</param>
/// <param name="Alternative">Text after "or" that offers another placement no coordinate can check, or null.</param>
public readonly record struct LocationConstraint(int Point, Axis Axis, ConstraintKind Kind, int First, int Second, string Text, string? Alternative)
{
    /// <summary>Whether a coordinate satisfies the constraint given the named points' coordinates.</summary>
    public bool IsSatisfied(double value, double first, double second, double tolerance) => Kind switch
    {
        ConstraintKind.EqualTo => Math.Abs(value - first) <= tolerance,
        ConstraintKind.MidpointOf => Math.Abs(value - (first + second) / 2) <= tolerance,
        ConstraintKind.Between => value > first - tolerance && value < second + tolerance,
        ConstraintKind.GreaterThan => value > first - tolerance,
        ConstraintKind.LessThan => value < first + tolerance,
        _ => true,
    };

    public override string ToString() => Alternative is null ? Text : Text + " or " + Alternative;
}
