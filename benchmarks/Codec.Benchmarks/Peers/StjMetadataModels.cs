using System.Text.Json.Serialization;

namespace Codec.Benchmarks.Peers.Metadata;

// A metadata.jsonl line of version 1.2 as plain classes for System.Text.Json's source generator: the members of
// the Codec schema, written the way a user would (strings where 1.2 writes numeric strings).

public sealed class StjMetadataLine
{
    [JsonPropertyName("api")] public int Api { get; set; }
    [JsonPropertyName("version")] public string? Version { get; set; }
    [JsonPropertyName("task_id")] public string? TaskId { get; set; }
    [JsonPropertyName("render_id")] public long RenderId { get; set; }
    [JsonPropertyName("render")] public StjRender? Render { get; set; }
    [JsonPropertyName("scene")] public StjScene? Scene { get; set; }
}

public sealed class StjRender
{
    [JsonPropertyName("resolution")] public StjResolution? Resolution { get; set; }
    [JsonPropertyName("noise_threshold")] public double NoiseThreshold { get; set; }
    [JsonPropertyName("samples")] public int? Samples { get; set; }
    [JsonPropertyName("engine")] public string? Engine { get; set; }
    [JsonPropertyName("hair")] public string? Hair { get; set; }
    [JsonPropertyName("denoise")] public bool Denoise { get; set; }
}

public sealed class StjResolution
{
    [JsonPropertyName("w")] public int W { get; set; }
    [JsonPropertyName("h")] public int H { get; set; }
}

public sealed class StjScene
{
    [JsonPropertyName("id")] public long Id { get; set; }
    [JsonPropertyName("body")] public StjBody? Body { get; set; }
    [JsonPropertyName("agent")] public StjAgent? Agent { get; set; }
    [JsonPropertyName("camera")] public StjSceneCamera? Camera { get; set; }
    [JsonPropertyName("version")] public int Version { get; set; }
    [JsonPropertyName("clothing")] public StjMetadataClothing? Clothing { get; set; }
    [JsonPropertyName("accessories")] public StjMetadataAccessories? Accessories { get; set; }
    [JsonPropertyName("environment")] public StjEnvironment? Environment { get; set; }
    [JsonPropertyName("facial_attributes")] public StjMetadataFacialAttributes? FacialAttributes { get; set; }
    [JsonPropertyName("identity_metadata")] public StjMetadataIdentity? IdentityMetadata { get; set; }
}

public sealed class StjBody
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("enabled")] public bool Enabled { get; set; }
}

public sealed class StjAgent
{
    [JsonPropertyName("style")] public string? Style { get; set; }
    [JsonPropertyName("enabled")] public bool Enabled { get; set; }
    [JsonPropertyName("position_seed")] public double PositionSeed { get; set; }
}

public sealed class StjSceneCamera
{
    [JsonPropertyName("nir")] public StjNir? Nir { get; set; }
    [JsonPropertyName("location")] public StjCameraLocation? Location { get; set; }
    [JsonPropertyName("specifications")] public StjCameraSpecifications? Specifications { get; set; }
}

public sealed class StjNir
{
    [JsonPropertyName("enabled")] public bool Enabled { get; set; }
    [JsonPropertyName("intensity")] public double Intensity { get; set; }
    [JsonPropertyName("size_meters")] public double SizeMeters { get; set; }
}

public sealed class StjCameraLocation
{
    [JsonPropertyName("depth_meters")] public double DepthMeters { get; set; }
    [JsonPropertyName("vertical_angle")] public double VerticalAngle { get; set; }
    [JsonPropertyName("offset_vertical")] public double OffsetVertical { get; set; }
    [JsonPropertyName("horizontal_angle")] public double HorizontalAngle { get; set; }
    [JsonPropertyName("offset_horizontal")] public double OffsetHorizontal { get; set; }
}

public sealed class StjCameraSpecifications
{
    [JsonPropertyName("focal_length")] public double FocalLength { get; set; }
    [JsonPropertyName("sensor_width")] public double SensorWidth { get; set; }
    [JsonPropertyName("lens_shift_vertical")] public double LensShiftVertical { get; set; }
    [JsonPropertyName("lens_shift_horizontal")] public double LensShiftHorizontal { get; set; }
    [JsonPropertyName("window_offset_vertical")] public double WindowOffsetVertical { get; set; }
    [JsonPropertyName("window_offset_horizontal")] public double WindowOffsetHorizontal { get; set; }
}

public sealed class StjMetadataClothing
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("enabled")] public bool Enabled { get; set; }
    [JsonPropertyName("variant")] public string? Variant { get; set; }
}

public sealed class StjMetadataAccessories
{
    [JsonPropertyName("mask")] public StjMetadataMask? Mask { get; set; }
    [JsonPropertyName("glasses")] public StjMetadataGlasses? Glasses { get; set; }
    [JsonPropertyName("headwear")] public StjStyled? Headwear { get; set; }
    [JsonPropertyName("headphones")] public StjStyled? Headphones { get; set; }
}

public sealed class StjStyled
{
    [JsonPropertyName("style")] public string? Style { get; set; }
}

public sealed class StjMetadataMask
{
    [JsonPropertyName("style")] public string? Style { get; set; }
    [JsonPropertyName("variant")] public string? Variant { get; set; }
    [JsonPropertyName("position")] public string? Position { get; set; }
}

public sealed class StjMetadataGlasses
{
    [JsonPropertyName("style")] public string? Style { get; set; }
    [JsonPropertyName("metalness")] public double Metalness { get; set; }
    [JsonPropertyName("lens_color")] public string? LensColor { get; set; }
    [JsonPropertyName("transparency")] public double Transparency { get; set; }
    [JsonPropertyName("lens_color_rgb")] public double[]? LensColorRgb { get; set; }
}

public sealed class StjEnvironment
{
    [JsonPropertyName("hdri")] public StjMetadataHdri? Hdri { get; set; }
    [JsonPropertyName("lights")] public List<StjMetadataLight>? Lights { get; set; }
    [JsonPropertyName("geometry")] public string? Geometry { get; set; }
    [JsonPropertyName("location")] public StjEnvironmentLocation? Location { get; set; }
}

public sealed class StjMetadataHdri
{
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("rotation")] public double Rotation { get; set; }
    [JsonPropertyName("intensity")] public double Intensity { get; set; }
}

public sealed class StjMetadataLight
{
    [JsonPropertyName("color")] public double[]? Color { get; set; }
    [JsonPropertyName("rotation")] public double[]? Rotation { get; set; }
    [JsonPropertyName("intensity")] public double Intensity { get; set; }
    [JsonPropertyName("size_meters")] public double SizeMeters { get; set; }
    [JsonPropertyName("distance_meters")] public double DistanceMeters { get; set; }
}

public sealed class StjEnvironmentLocation
{
    [JsonPropertyName("id")] public int Id { get; set; }
    [JsonPropertyName("enabled")] public bool Enabled { get; set; }
    [JsonPropertyName("facing_direction")] public double FacingDirection { get; set; }
    [JsonPropertyName("head_position_seed")] public double HeadPositionSeed { get; set; }
    [JsonPropertyName("indoor_light_enabled")] public bool IndoorLightEnabled { get; set; }
}

public sealed class StjMetadataFacialAttributes
{
    [JsonPropertyName("gaze")] public StjAngles? Gaze { get; set; }
    [JsonPropertyName("hair")] public StjMetadataHair? Hair { get; set; }
    [JsonPropertyName("head_turn")] public StjHeadTurnAngles? HeadTurn { get; set; }
    [JsonPropertyName("expression")] public StjMetadataExpression? Expression { get; set; }
    [JsonPropertyName("facial_hair")] public StjMetadataHair? FacialHair { get; set; }
}

public sealed class StjAngles
{
    [JsonPropertyName("vertical_angle")] public double VerticalAngle { get; set; }
    [JsonPropertyName("horizontal_angle")] public double HorizontalAngle { get; set; }
}

public sealed class StjHeadTurnAngles
{
    [JsonPropertyName("yaw")] public double Yaw { get; set; }
    [JsonPropertyName("roll")] public double Roll { get; set; }
    [JsonPropertyName("pitch")] public double Pitch { get; set; }
}

public sealed class StjMetadataHair
{
    [JsonPropertyName("color")] public string? Color { get; set; }
    [JsonPropertyName("style")] public string? Style { get; set; }
    [JsonPropertyName("color_seed")] public double ColorSeed { get; set; }
    [JsonPropertyName("relative_length")] public double RelativeLength { get; set; }
    [JsonPropertyName("relative_density")] public double RelativeDensity { get; set; }
}

public sealed class StjMetadataExpression
{
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("intensity")] public double Intensity { get; set; }
}

public sealed class StjMetadataIdentity
{
    [JsonPropertyName("id")] public long Id { get; set; }
    [JsonPropertyName("age")] public int Age { get; set; }
    [JsonPropertyName("gender")] public string? Gender { get; set; }
    [JsonPropertyName("ethnicity")] public string? Ethnicity { get; set; }
    [JsonPropertyName("height_cm")] public int HeightCm { get; set; }
    [JsonPropertyName("weight_kg")] public int WeightKg { get; set; }
}

[JsonSerializable(typeof(StjMetadataLine))]
public sealed partial class StjMetadataContext : JsonSerializerContext;
