namespace Codec.Runtime.Numbers;

/// <summary>How a flexible number was written, so encoding gives back the same JSON type.</summary>
public enum NumberForm : byte
{
    /// <summary>Absent / not decoded.</summary>
    None = 0,
    Integer = 1,
    Real = 2,
    /// <summary>A JSON string holding a number, e.g. <c>"hdri": {"id": "121"}</c>.</summary>
    String = 3,
}

/// <summary>
/// A value that real files write either as a JSON number or as a numeric string (schema type
/// <c>number-or-string</c>). The numeric value is always available; <see cref="Form"/> remembers the spelling.
/// </summary>
public readonly record struct FlexNumber(double Value, NumberForm Form)
{
    public bool IsInteger => Value == Math.Floor(Value) && Math.Abs(Value) < 9.007199254740992E15;

    public override string ToString() => Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
