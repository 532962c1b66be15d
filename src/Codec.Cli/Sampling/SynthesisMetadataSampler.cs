using System.Buffers;
using Codec.Runtime.Geometry;
using Codec.Runtime.Numbers;
using Codec.Runtime.Text;
using I12 = Codec.Formats.Synthesis.Info.V1_2;
using I15 = Codec.Formats.Synthesis.Info.V1_5;
using M12 = Codec.Formats.Synthesis.Metadata.V1_2;
using M14 = Codec.Formats.Synthesis.Metadata.V1_4;
using InfoCommon = Codec.Formats.Synthesis.Info.Common;
using SynthesisCommon = Codec.Formats.Synthesis.Common;

namespace Codec.Cli.Sampling;

/// <summary>
/// Writes the metadata.jsonl line of a sample render from the model its info.json was encoded from, the way the
/// producer does: the request's identity and face settings are the ones the info.json repeats, the resolution is
/// twice the principal point, and the lens is the camera's. Version 1.2 lines go beside info 1.2 files, version 1.4
/// lines beside info 1.5 files. Lines are built as the metadata format's generated models and written by its
/// generated encoders (one compact line each).
/// </summary>
public static class SynthesisMetadataSampler
{
    /// <summary>A 1.2 line for the info 1.2 document <paramref name="info"/> of render <paramref name="renderId"/>.</summary>
    public static byte[] Line12(I12.InfoFile info, int renderId, Random random)
    {
        var line = new M12.MetadataLine { Api = 0, Version = Text("1.2"), TaskId = Text(Uuid(random)), RenderId = renderId };
        var render = line.Render;
        render.Resolution.W = Width(info.Camera.Intrinsics);
        render.Resolution.H = Height(info.Camera.Intrinsics);
        render.HasResolution = true;
        render.NoiseThreshold = 0.017;
        render.HasSamples = render.SamplesIsNull = true;
        render.Engine = M12.RenderEngine.Vray;
        render.HasHair = render.HairIsNull = true;
        render.Denoise = true;
        line.HasRender = true;

        var scene = line.Scene;
        scene.Id = info.IdentityMetadata.Id;
        scene.Body.Type = new FlexNumber(random.Next(0, 3), NumberForm.String);
        scene.Body.Enabled = true;
        scene.Agent.Style = info.Agent.Style;
        scene.Agent.Enabled = info.Agent.Enabled;
        scene.Agent.PositionSeed = info.Agent.PositionSeed;
        var camera = scene.Camera;
        camera.Nir.Enabled = false;
        camera.Nir.Intensity = 0.5;
        camera.Nir.SizeMeters = 1;
        camera.Location.DepthMeters = Math.Round(1 + random.NextDouble(), 7);
        camera.Location.VerticalAngle = 0;
        camera.Location.OffsetVertical = 0;
        camera.Location.HorizontalAngle = Math.Round(random.NextDouble() * 60 - 30, 6);
        camera.Location.OffsetHorizontal = 0;
        camera.Specifications.FocalLength = info.Camera.FocalLengthMm;
        camera.Specifications.SensorWidth = info.Camera.Sensor.WidthMm;
        camera.Specifications.LensShiftVertical = camera.Specifications.LensShiftHorizontal = 0;
        camera.Specifications.WindowOffsetVertical = camera.Specifications.WindowOffsetHorizontal = 0;
        camera.HasNir = camera.HasLocation = camera.HasSpecifications = true;
        scene.Version = 0;
        scene.Clothing.Type = info.Clothing.Type;
        scene.Clothing.Enabled = info.Clothing.Enabled;
        scene.Clothing.Variant = info.Clothing.Variant;

        var accessories = scene.Accessories;
        accessories.Headwear.Style = info.Accessories.Headwear.Style;
        accessories.Headphones.Style = info.Accessories.Headphones.Style;
        accessories.Mask.Style = info.Accessories.Mask.Style;
        accessories.Mask.Variant = info.Accessories.Mask.Variant;
        accessories.Mask.Position = info.Accessories.Mask.Position;
        accessories.Glasses.Style = info.Accessories.Glasses.Style;
        accessories.Glasses.Metalness = info.Accessories.Glasses.Metalness;
        accessories.Glasses.LensColor = info.Accessories.Glasses.LensColor;
        accessories.Glasses.Transparency = info.Accessories.Glasses.Transparency;
        accessories.Glasses.LensColorRgb = info.Accessories.Glasses.LensColorRgb;
        accessories.HasHeadwear = accessories.HasHeadphones = accessories.HasMask = accessories.HasGlasses = true;

        var environment = scene.Environment;
        var hdri = info.Hdri.Name; // one type in both formats
        environment.Hdri.Name = hdri;
        environment.Hdri.Rotation = random.Next(-180, 180);
        environment.Hdri.Intensity = Math.Round(0.5 + random.NextDouble(), 7);
        environment.HasHdri = environment.HasLights = true;
        environment.Geometry = Text("none");
        environment.Location.Id = 0;
        environment.Location.Enabled = false;
        environment.Location.FacingDirection = 0;
        environment.Location.HeadPositionSeed = 0;
        environment.Location.IndoorLightEnabled = false;
        environment.HasLocation = true;

        var face = scene.FacialAttributes;
        var asked = info.FacialAttributes;
        face.Gaze.VerticalAngle = asked.Gaze.VerticalAngle;
        face.Gaze.HorizontalAngle = asked.Gaze.HorizontalAngle;
        CopyHair(asked.Hair, face.Hair);
        face.HeadTurn.Yaw = asked.HeadTurn.Yaw;
        face.HeadTurn.Roll = asked.HeadTurn.Roll;
        face.HeadTurn.Pitch = asked.HeadTurn.Pitch;
        var expression = asked.Expression.Name; // one type in both formats
        face.Expression.Name = expression;
        face.Expression.Intensity = asked.Expression.Intensity;
        face.HasGaze = face.HasHair = face.HasHeadTurn = face.HasExpression = true;

        var identity = scene.IdentityMetadata;
        var who = info.IdentityMetadata;
        identity.Id = who.Id;
        identity.Age = who.Age;
        var sex = who.Gender; // one type in both formats
        identity.Gender = sex;
        identity.GenderSpelling = who.GenderSpelling;
        identity.Ethnicity = who.Ethnicity;
        identity.HeightCm = who.HeightCm;
        identity.WeightKg = who.WeightKg;
        scene.HasId = scene.HasBody = scene.HasAgent = scene.HasCamera = scene.HasVersion = scene.HasClothing = scene.HasAccessories = true;
        scene.HasEnvironment = scene.HasFacialAttributes = scene.HasIdentityMetadata = true;
        line.HasScene = true;
        return Encode(w => new M12.MetadataLineEncoder().Encode(line, w));
    }

    /// <summary>A 1.4 line (camera "default", frame 1) for the info 1.5 document <paramref name="info"/>.</summary>
    public static byte[] Line14(I15.InfoFile info, int renderId, Random random)
    {
        var line = new M14.MetadataLine
        {
            Api = 0, Version = Text("1.4"), JobId = Text(Uuid(random)), TaskId = Text(Uuid(random)), RenderId = renderId, FrameNumber = 1, CameraName = Text("default"),
        };
        var scene = line.Scene;
        scene.Body.Height = info.Body.Height;
        scene.Body.Enabled = info.Body.Enabled;
        scene.Body.FatContent = info.Body.FatContent;
        scene.Skin.HighestResolution = false;

        var gesture = scene.Gesture;
        gesture.Name = info.Gesture.Name;
        gesture.Mirrored = info.Gesture.Mirrored;
        gesture.HeldItem = Text("none");
        gesture.PoseFrame = 1;
        gesture.KeyframeOnly = info.Gesture.KeyframeOnly;
        gesture.PositionSeed = 0;
        gesture.HeldItemData.Helditem = gesture.HeldItemData.Handposition = gesture.HeldItemData.Helditemmaterial = Text("none");
        gesture.HasHeldItemData = true;
        gesture.EnableAnimation = false;
        gesture.SourceEndFrame = gesture.SourceStartFrame = 1;
        gesture.OutputFrameLength = info.Gesture.OutputFrameLength;
        gesture.HeldItemRotationSeed = 0;
        scene.Version = 0;

        scene.Clothing.Outfit = info.Clothing.Outfit;
        for (int i = 0; i < info.Clothing.ClothingMap.Count; i++)
        {
            var choice = scene.Clothing.ClothingMap.AddSlot();
            choice.Garment = info.Clothing.ClothingMap[i].GarmentName;
            choice.Material = info.Clothing.ClothingMap[i].Material;
        }

        scene.Clothing.HasClothingMap = true;
        scene.Clothing.SingleStylePerId = info.Clothing.SingleStylePerId;
        var who = info.IdentityMetadata;
        scene.Identity.Id = who.Id;
        scene.Identity.ModelIndex = who.ModelIndex;
        scene.Identity.TextureIndex = who.TextureIndex;
        scene.Location3d.Type = Text("open");
        scene.Location3d.Properties.Agent.Style = Text("00021_Yvonne004");
        scene.Location3d.Properties.Agent.Enabled = false;
        scene.Location3d.Properties.Agent.PositionSeed = 0;
        scene.Location3d.Properties.HasAgent = scene.Location3d.HasProperties = true;

        var accessories = scene.Accessories;
        accessories.Mask.Style = info.Accessories.Mask.Style;
        accessories.Mask.Variant = info.Accessories.Mask.Variant;
        accessories.Mask.Position = info.Accessories.Mask.Position;
        var glasses = info.Accessories.Glasses;
        accessories.Glasses.Style = glasses.Style;
        accessories.Glasses.Metalness = glasses.Metalness;
        accessories.Glasses.LensColor = glasses.LensColor;
        accessories.Glasses.Transparency = glasses.Transparency;
        accessories.Glasses.EffectiveIor = glasses.EffectiveIor;
        accessories.Glasses.LensColorRgb = glasses.LensColorRgb;
        accessories.Glasses.EffectiveIorEnabled = glasses.EffectiveIorEnabled;
        accessories.Headwear.Style = info.Accessories.Headwear.Style;
        accessories.Headphones.Style = info.Accessories.Headphones.Style;
        accessories.HasMask = accessories.HasGlasses = accessories.HasHeadwear = accessories.HasHeadphones = true;

        var hdri = info.Hdri.Name; // one type in both formats
        scene.Environment.Hdri.Name = hdri;
        scene.Environment.Hdri.NameText = info.Hdri.NameText;
        scene.Environment.Hdri.Rotation = random.Next(-180, 180);
        scene.Environment.Hdri.Intensity = Math.Round(0.5 + random.NextDouble(), 7);
        scene.Environment.HasHdri = true;

        var face = scene.FacialAttributes;
        var asked = info.FacialAttributes;
        face.Eyes.Redness = asked.Eyes.Redness;
        face.Eyes.IrisColor = asked.Eyes.IrisColor;
        face.Eyes.PupilDilation = asked.Eyes.PupilDilation;
        face.Gaze.VerticalAngle = asked.Gaze.VerticalAngle;
        face.Gaze.HorizontalAngle = asked.Gaze.HorizontalAngle;
        CopyHair(asked.Hair, face.Hair);
        M12.HairColorNames.TryParse(InfoCommon.HairColorNames.ToUtf8(asked.Eyebrows.Color), out var browColor);
        face.Eyebrows.Color = browColor;
        face.Eyebrows.ColorText = asked.Eyebrows.ColorText;
        face.Eyebrows.Style = asked.Eyebrows.StyleText.IsEmpty ? Text(System.Text.Encoding.UTF8.GetString(InfoCommon.HairStyleNames.ToUtf8(asked.Eyebrows.Style))) : asked.Eyebrows.StyleText;
        face.Eyebrows.ColorSeed = asked.Eyebrows.ColorSeed;
        face.Eyebrows.RelativeLength = asked.Eyebrows.RelativeLength;
        face.Eyebrows.RelativeDensity = asked.Eyebrows.RelativeDensity;
        face.HeadTurn.Yaw = asked.HeadTurn.Yaw;
        face.HeadTurn.Roll = asked.HeadTurn.Roll;
        face.HeadTurn.Pitch = asked.HeadTurn.Pitch;
        var expression = asked.Expression.Name; // one type in both formats
        face.Expression.Name = expression;
        face.Expression.NameText = asked.Expression.NameText;
        face.Expression.Intensity = asked.Expression.Intensity;
        face.HasEyes = face.HasGaze = face.HasHair = face.HasEyebrows = face.HasHeadTurn = face.HasExpression = true;

        var identity = scene.IdentityMetadata;
        identity.Id = who.Id;
        identity.Age = who.Age;
        var sex = who.Sex; // one type in both formats
        identity.Gender = sex;
        identity.GenderSpelling = 1; // 1.5 renders are described with "sex", as their info.json is
        identity.Ethnicity = who.Ethnicity;
        identity.HeightCm = who.HeightCm;
        identity.WeightKg = who.WeightKg;
        identity.HeightLabel = who.HeightLabel;
        identity.FatContentLabel = who.FatContentLabel;
        identity.Outfit = who.Outfit;
        identity.EyeFold = who.EyeFold;
        identity.SkinTone = who.SkinTone;
        M12.HairColorNames.TryParse(who.HairColor.Span, out var hairColor);
        identity.HairColor = hairColor;
        identity.HairColorText = who.HairColor;
        M12.HairStyleNames.TryParse(who.HairStyle.Span, out var hairStyle);
        identity.HairStyle = hairStyle;
        identity.HairStyleText = who.HairStyle;
        identity.IrisColor = who.IrisColor;
        identity.ModelIndex = who.ModelIndex;
        identity.EyebrowStyle = who.EyebrowStyle;
        identity.TextureIndex = who.TextureIndex;
        identity.EyebrowLength = who.EyebrowLength;
        identity.EyebrowDensity = who.EyebrowDensity;
        M12.HairColorNames.TryParse(who.FacialHairColor.Span, out var beardColor);
        identity.FacialHairColor = beardColor;
        identity.FacialHairColorText = who.FacialHairColor;
        M12.FacialHairStyleNames.TryParse(who.FacialHairStyle.Span, out var beardStyle);
        identity.FacialHairStyle = beardStyle;
        identity.FacialHairStyleText = who.FacialHairStyle;
        if (who.HasMonkScore) identity.MonkScore = who.MonkScore;

        AddRig(scene.CameraAndLightRigs.AddSlot(), info.Camera, random);
        scene.HasBody = scene.HasSkin = scene.HasGesture = scene.HasVersion = scene.HasClothing = scene.HasIdentity = scene.HasLocation3d = true;
        scene.HasAccessories = scene.HasEnvironment = scene.HasFacialAttributes = scene.HasIdentityMetadata = scene.HasCameraAndLightRigs = true;
        line.HasScene = true;
        return Encode(w => new M14.MetadataLineEncoder().Encode(line, w));
    }

    // One head-orbit rig with a rect light and the render's camera, as the producer's single-camera jobs have.
    private static void AddRig(M14.Rig rig, I15.Camera camera, Random random)
    {
        rig.Type = Text("head_orbit");
        var light = rig.Lights.AddSlot();
        light.Type = Text("rect");
        light.Color.Red = light.Color.Blue = light.Color.Green = 255;
        light.HasColor = true;
        light.Intensity = 0;
        light.Wavelength = Text("visible");
        light.SizeMeters = 0.25;
        SetPose(light.RelativeLocation, 0, 0, 0, 0);
        light.HasRelativeLocation = rig.HasLights = true;

        var rigCamera = rig.Cameras.AddSlot();
        rigCamera.Name = Text("default");
        var advanced = rigCamera.Advanced;
        advanced.Denoise = true;
        advanced.NoiseThreshold = 0.017;
        advanced.LensShiftVertical = advanced.LensShiftHorizontal = advanced.WindowOffsetVertical = advanced.WindowOffsetHorizontal = 0;
        var specifications = rigCamera.Specifications;
        specifications.Wavelength = Text("visible");
        specifications.FocalLength = camera.FocalLengthMm;
        specifications.ResolutionH = Height(camera.Intrinsics);
        specifications.ResolutionW = Width(camera.Intrinsics);
        specifications.SensorWidth = camera.Sensor.WidthMm;
        SetPose(rigCamera.RelativeLocation, 0, 0, 0, 0);
        rigCamera.HasAdvanced = rigCamera.HasSpecifications = rigCamera.HasRelativeLocation = rig.HasCameras = true;
        SetPose(rig.Location, 0, 0, Math.Round(1.2 + random.NextDouble() * 0.5, 2), Math.Round(random.NextDouble() * 10 - 5, 2));
        rig.HasLocation = true;
    }

    private static void SetPose(M14.Pose pose, double x, double y, double z, double pitch)
    {
        pose.X = x;
        pose.Y = y;
        pose.Z = z;
        pose.Yaw = 0;
        pose.Roll = 0;
        pose.Pitch = pitch;
    }

    private static void CopyHair(I12.HairSettings from, M12.Hair to)
    {
        M12.HairColorNames.TryParse(InfoCommon.HairColorNames.ToUtf8(from.Color), out var color);
        M12.HairStyleNames.TryParse(InfoCommon.HairStyleNames.ToUtf8(from.Style), out var style);
        (to.Color, to.ColorText, to.Style, to.StyleText) = (color, from.ColorText, style, from.StyleText);
        (to.ColorSeed, to.RelativeLength, to.RelativeDensity) = (from.ColorSeed, from.RelativeLength, from.RelativeDensity);
    }

    private static void CopyHair(I15.HairSettings from, M12.Hair to)
    {
        M12.HairColorNames.TryParse(InfoCommon.HairColorNames.ToUtf8(from.Color), out var color);
        M12.HairStyleNames.TryParse(InfoCommon.HairStyleNames.ToUtf8(from.Style), out var style);
        (to.Color, to.ColorText, to.Style, to.StyleText) = (color, from.ColorText, style, from.StyleText);
        (to.ColorSeed, to.RelativeLength, to.RelativeDensity) = (from.ColorSeed, from.RelativeLength, from.RelativeDensity);
    }

    // The render is twice the principal point in each direction.
    private static long Width(in Mat3d intrinsics) => (long)Math.Round(intrinsics[0, 2] * 2);

    private static long Height(in Mat3d intrinsics) => (long)Math.Round(intrinsics[1, 2] * 2);

    // The encoders end a line with its newline; the file writer decides where lines end (the last may have none).
    private static byte[] Encode(Action<IBufferWriter<byte>> encode)
    {
        var buffer = new ArrayBufferWriter<byte>();
        encode(buffer);
        return buffer.WrittenSpan.TrimEnd((byte)'\n').ToArray();
    }

    private static Utf8Text Text(string value) => Utf8Text.From(value);

    private static string Uuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes).ToString();
    }
}
