using System.Text.Json.Serialization;

namespace Codec.Benchmarks.Peers;

// Plain classes for System.Text.Json's source generator: the same members as the Codec schemas, the way a user
// would write them by hand. Matrices are double[][], vectors double[], maps Dictionary<string, int>.

public sealed class StjTransform
{
    [JsonPropertyName("mat_4x4")] public double[][]? Mat4x4 { get; set; }
    [JsonPropertyName("translation_xyz")] public double[]? TranslationXyz { get; set; }
    [JsonPropertyName("quaternion_wxyz")] public double[]? QuaternionWxyz { get; set; }
    [JsonPropertyName("euler_xyz")] public double[]? EulerXyz { get; set; }
}

public sealed class StjCamera
{
    [JsonPropertyName("intrinsics")] public double[][]? Intrinsics { get; set; }
    [JsonPropertyName("transform_cam2world")] public StjTransform? TransformCam2World { get; set; }
    [JsonPropertyName("transform_world2cam")] public StjTransform? TransformWorld2Cam { get; set; }
    [JsonPropertyName("focal_length_mm")] public double FocalLengthMm { get; set; }
    [JsonPropertyName("field_of_view")] public StjFieldOfView? FieldOfView { get; set; }
    [JsonPropertyName("sensor")] public StjSensor? Sensor { get; set; }
}

public sealed class StjFieldOfView
{
    [JsonPropertyName("x_axis_rads")] public double XAxisRads { get; set; }
    [JsonPropertyName("y_axis_rads")] public double YAxisRads { get; set; }
}

public sealed class StjSensor
{
    [JsonPropertyName("width_mm")] public double WidthMm { get; set; }
    [JsonPropertyName("height_mm")] public double HeightMm { get; set; }
}

public sealed class StjBox
{
    [JsonPropertyName("min")] public double[]? Min { get; set; }
    [JsonPropertyName("max")] public double[]? Max { get; set; }
}

public sealed class StjBbox
{
    [JsonPropertyName("world_space")] public StjBox? WorldSpace { get; set; }
    [JsonPropertyName("screen_space")] public StjBox? ScreenSpace { get; set; }
}

public sealed class StjPupil
{
    [JsonPropertyName("screen_space_pos")] public double[]? ScreenSpacePos { get; set; }
    [JsonPropertyName("camera_space_pos")] public double[]? CameraSpacePos { get; set; }
    [JsonPropertyName("world_space_pos")] public double[]? WorldSpacePos { get; set; }
    [JsonPropertyName("distance_to_camera")] public double DistanceToCamera { get; set; }
}

public sealed class StjPupils
{
    [JsonPropertyName("pupil_left")] public StjPupil? PupilLeft { get; set; }
    [JsonPropertyName("pupil_right")] public StjPupil? PupilRight { get; set; }
}

public sealed class StjGaze
{
    [JsonPropertyName("horizontal_angle")] public double HorizontalAngle { get; set; }
    [JsonPropertyName("vertical_angle")] public double VerticalAngle { get; set; }
    [JsonPropertyName("gaze_vector")] public double[]? GazeVector { get; set; }
}

public sealed class StjGazeValues
{
    [JsonPropertyName("eye_left")] public StjGaze? EyeLeft { get; set; }
    [JsonPropertyName("eye_right")] public StjGaze? EyeRight { get; set; }
}

public sealed class StjHeadTransform
{
    [JsonPropertyName("transform_head2world")] public StjTransform? Head2World { get; set; }
    [JsonPropertyName("transform_head2cam")] public StjTransform? Head2Cam { get; set; }
}

public sealed class StjPoint
{
    [JsonPropertyName("id")] public int Id { get; set; }
    [JsonPropertyName("ptnum")] public int Ptnum { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("in_frustum")] public bool InFrustum { get; set; }
    [JsonPropertyName("screen_space_pos")] public double[]? ScreenSpacePos { get; set; }
    [JsonPropertyName("camera_space_pos")] public double[]? CameraSpacePos { get; set; }
    [JsonPropertyName("world_space_pos")] public double[]? WorldSpacePos { get; set; }
    [JsonPropertyName("distance_to_camera")] public double DistanceToCamera { get; set; }
}

public sealed class StjCoco
{
    [JsonPropertyName("whole_body")] public List<StjPoint>? WholeBody { get; set; }
}

public sealed class StjMediapipe
{
    [JsonPropertyName("body")] public List<StjPoint>? Body { get; set; }
    [JsonPropertyName("left_hand")] public List<StjPoint>? LeftHand { get; set; }
    [JsonPropertyName("right_hand")] public List<StjPoint>? RightHand { get; set; }
    [JsonPropertyName("left_iris")] public List<StjPoint>? LeftIris { get; set; }
    [JsonPropertyName("right_iris")] public List<StjPoint>? RightIris { get; set; }
}

public sealed class StjLandmarks15
{
    [JsonPropertyName("ibug68")] public List<StjPoint>? Ibug68 { get; set; }
    [JsonPropertyName("ibug68_contour")] public List<StjPoint>? Ibug68Contour { get; set; }
    [JsonPropertyName("kinect_v2")] public List<StjPoint>? KinectV2 { get; set; }
    [JsonPropertyName("coco")] public StjCoco? Coco { get; set; }
    [JsonPropertyName("mediapipe")] public StjMediapipe? Mediapipe { get; set; }
    [JsonPropertyName("mpeg4")] public List<StjPoint>? Mpeg4 { get; set; }
}

public sealed class StjIdentity
{
    [JsonPropertyName("id")] public int Id { get; set; }
    [JsonPropertyName("age")] public int Age { get; set; }
    [JsonPropertyName("sex")] public string? Sex { get; set; }
    [JsonPropertyName("gender")] public string? Gender { get; set; }
    [JsonPropertyName("outfit")] public string? Outfit { get; set; }
    [JsonPropertyName("eye_fold")] public bool EyeFold { get; set; }
    [JsonPropertyName("ethnicity")] public string? Ethnicity { get; set; }
    [JsonPropertyName("height_cm")] public int HeightCm { get; set; }
    [JsonPropertyName("skin_tone")] public double SkinTone { get; set; }
    [JsonPropertyName("weight_kg")] public int WeightKg { get; set; }
    [JsonPropertyName("hair_color")] public string? HairColor { get; set; }
    [JsonPropertyName("hair_style")] public string? HairStyle { get; set; }
    [JsonPropertyName("iris_color")] public string? IrisColor { get; set; }
    [JsonPropertyName("monk_score")] public double? MonkScore { get; set; }
    [JsonPropertyName("model_index")] public int ModelIndex { get; set; }
    [JsonPropertyName("height_label")] public string? HeightLabel { get; set; }
    [JsonPropertyName("eyebrow_style")] public string? EyebrowStyle { get; set; }
    [JsonPropertyName("texture_index")] public int TextureIndex { get; set; }
    [JsonPropertyName("eyebrow_length")] public double EyebrowLength { get; set; }
    [JsonPropertyName("eyebrow_density")] public double EyebrowDensity { get; set; }
    [JsonPropertyName("facial_hair_color")] public string? FacialHairColor { get; set; }
    [JsonPropertyName("facial_hair_style")] public string? FacialHairStyle { get; set; }
    [JsonPropertyName("fat_content_label")] public string? FatContentLabel { get; set; }
}

public sealed class StjHair
{
    [JsonPropertyName("color")] public string? Color { get; set; }
    [JsonPropertyName("style")] public string? Style { get; set; }
    [JsonPropertyName("color_seed")] public double ColorSeed { get; set; }
    [JsonPropertyName("relative_length")] public double RelativeLength { get; set; }
    [JsonPropertyName("relative_density")] public double RelativeDensity { get; set; }
}

public sealed class StjFacialAttributes
{
    [JsonPropertyName("eyes")] public StjEyes? Eyes { get; set; }
    [JsonPropertyName("gaze")] public StjGaze? Gaze { get; set; }
    [JsonPropertyName("hair")] public StjHair? Hair { get; set; }
    [JsonPropertyName("eyebrows")] public StjHair? Eyebrows { get; set; }
    [JsonPropertyName("head_turn")] public StjHeadTurn? HeadTurn { get; set; }
    [JsonPropertyName("expression")] public StjExpression? Expression { get; set; }
    [JsonPropertyName("facial_hair")] public StjHair? FacialHair { get; set; }
}

public sealed class StjEyes
{
    [JsonPropertyName("redness")] public double Redness { get; set; }
    [JsonPropertyName("iris_color")] public string? IrisColor { get; set; }
    [JsonPropertyName("pupil_dilation")] public double PupilDilation { get; set; }
}

public sealed class StjHeadTurn
{
    [JsonPropertyName("yaw")] public double Yaw { get; set; }
    [JsonPropertyName("roll")] public double Roll { get; set; }
    [JsonPropertyName("pitch")] public double Pitch { get; set; }
}

public sealed class StjExpression
{
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("intensity")] public double Intensity { get; set; }
}

public sealed class StjBody
{
    [JsonPropertyName("height")] public string? Height { get; set; }
    [JsonPropertyName("enabled")] public bool Enabled { get; set; }
    [JsonPropertyName("fat_content")] public string? FatContent { get; set; }
}

public sealed class StjGarment
{
    [JsonPropertyName("garment")] public string? Garment { get; set; }
    [JsonPropertyName("material")] public string? Material { get; set; }
}

public sealed class StjClothing
{
    [JsonPropertyName("outfit")] public string? Outfit { get; set; }
    [JsonPropertyName("clothing_map")] public List<StjGarment>? ClothingMap { get; set; }
    [JsonPropertyName("single_style_per_id")] public bool SingleStylePerId { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("enabled")] public bool Enabled { get; set; }
    [JsonPropertyName("variant")] public string? Variant { get; set; }
}

public sealed class StjStyled
{
    [JsonPropertyName("style")] public string? Style { get; set; }
    [JsonPropertyName("variant")] public string? Variant { get; set; }
    [JsonPropertyName("position")] public string? Position { get; set; }
}

public sealed class StjGlasses
{
    [JsonPropertyName("style")] public string? Style { get; set; }
    [JsonPropertyName("metalness")] public double Metalness { get; set; }
    [JsonPropertyName("lens_color")] public string? LensColor { get; set; }
    [JsonPropertyName("transparency")] public double Transparency { get; set; }
    [JsonPropertyName("effective_ior")] public double EffectiveIor { get; set; }
    [JsonPropertyName("lens_color_rgb")] public double[]? LensColorRgb { get; set; }
    [JsonPropertyName("effective_ior_enabled")] public bool EffectiveIorEnabled { get; set; }
}

public sealed class StjAccessories
{
    [JsonPropertyName("mask")] public StjStyled? Mask { get; set; }
    [JsonPropertyName("glasses")] public StjGlasses? Glasses { get; set; }
    [JsonPropertyName("headwear")] public StjStyled? Headwear { get; set; }
    [JsonPropertyName("headphones")] public StjStyled? Headphones { get; set; }
}

public sealed class StjHdri
{
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("tags")] public List<string>? Tags { get; set; }
}

public sealed class StjGesture
{
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("mirrored")] public bool Mirrored { get; set; }
    [JsonPropertyName("keyframe_only")] public bool KeyframeOnly { get; set; }
    [JsonPropertyName("output_frame_length")] public int OutputFrameLength { get; set; }
}

public sealed class StjRender
{
    [JsonPropertyName("zmin")] public double Zmin { get; set; }
    [JsonPropertyName("zmax")] public double Zmax { get; set; }
    [JsonPropertyName("wavelength")] public string? Wavelength { get; set; }
    [JsonPropertyName("frame_number")] public int FrameNumber { get; set; }
}

public sealed class StjAgent
{
    [JsonPropertyName("style")] public string? Style { get; set; }
    [JsonPropertyName("enabled")] public bool Enabled { get; set; }
    [JsonPropertyName("position_seed")] public double PositionSeed { get; set; }
}

/// <summary>info.json version 1.5.</summary>
public sealed class StjInfo15
{
    [JsonPropertyName("version")] public string? Version { get; set; }
    [JsonPropertyName("camera")] public StjCamera? Camera { get; set; }
    [JsonPropertyName("eye_nose_mouth_bbox")] public StjBbox? EyeNoseMouthBbox { get; set; }
    [JsonPropertyName("pupil_coordinates")] public StjPupils? PupilCoordinates { get; set; }
    [JsonPropertyName("gaze_values")] public StjGazeValues? GazeValues { get; set; }
    [JsonPropertyName("head_transform")] public StjHeadTransform? HeadTransform { get; set; }
    [JsonPropertyName("landmarks")] public StjLandmarks15? Landmarks { get; set; }
    [JsonPropertyName("identity_metadata")] public StjIdentity? IdentityMetadata { get; set; }
    [JsonPropertyName("facial_attributes")] public StjFacialAttributes? FacialAttributes { get; set; }
    [JsonPropertyName("body")] public StjBody? Body { get; set; }
    [JsonPropertyName("clothing")] public StjClothing? Clothing { get; set; }
    [JsonPropertyName("accessories")] public StjAccessories? Accessories { get; set; }
    [JsonPropertyName("hdri")] public StjHdri? Hdri { get; set; }
    [JsonPropertyName("gesture")] public StjGesture? Gesture { get; set; }
    [JsonPropertyName("render")] public StjRender? Render { get; set; }
    [JsonPropertyName("segments_mapping")] public Dictionary<string, int>? SegmentsMapping { get; set; }
    [JsonPropertyName("clothing_segments_mapping")] public Dictionary<string, int>? ClothingSegmentsMapping { get; set; }
}

/// <summary>info.json version 1.2.</summary>
public sealed class StjInfo12
{
    [JsonPropertyName("version")] public string? Version { get; set; }
    [JsonPropertyName("render")] public StjRender? Render { get; set; }
    [JsonPropertyName("gaze_values")] public StjGazeValues? GazeValues { get; set; }
    [JsonPropertyName("landmarks")] public List<StjPoint>? Landmarks { get; set; }
    [JsonPropertyName("contour_landmarks")] public List<StjPoint>? ContourLandmarks { get; set; }
    [JsonPropertyName("agent")] public StjAgent? Agent { get; set; }
    [JsonPropertyName("accessories")] public StjAccessories? Accessories { get; set; }
    [JsonPropertyName("eye_nose_mouth_bbox")] public StjBbox? EyeNoseMouthBbox { get; set; }
    [JsonPropertyName("pupil_coordinates")] public StjPupils? PupilCoordinates { get; set; }
    [JsonPropertyName("camera")] public StjCamera? Camera { get; set; }
    [JsonPropertyName("hdri")] public StjHdri? Hdri { get; set; }
    [JsonPropertyName("identity_metadata")] public StjIdentity? IdentityMetadata { get; set; }
    [JsonPropertyName("clothing")] public StjClothing? Clothing { get; set; }
    [JsonPropertyName("head_transform")] public StjHeadTransform? HeadTransform { get; set; }
    [JsonPropertyName("facial_attributes")] public StjFacialAttributes? FacialAttributes { get; set; }
    [JsonPropertyName("segments_mapping")] public Dictionary<string, int>? SegmentsMapping { get; set; }
}

[JsonSerializable(typeof(StjInfo15))]
[JsonSerializable(typeof(StjInfo12))]
public sealed partial class StjInfoContext : JsonSerializerContext;
