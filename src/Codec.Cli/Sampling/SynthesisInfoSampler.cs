using System.Buffers;
using System.Globalization;
using Codec.Formats.Synthesis.Landmarks;
using Codec.Runtime.Geometry;
using Codec.Runtime.Numbers;
using Codec.Runtime.Text;
using Codec.Runtime.Semantics;
using V12 = Codec.Formats.Synthesis.Info.V1_2;
using V15 = Codec.Formats.Synthesis.Info.V1_5;
using InfoCommon = Codec.Formats.Synthesis.Info.Common;
using SynthesisCommon = Codec.Formats.Synthesis.Common;
using V13 = Codec.Formats.Synthesis.Info.V1_3;

namespace Codec.Cli.Sampling;

/// <summary>
/// Writes realistic, internally consistent <c>N.info.json</c> files for each supported version: a random but
/// seeded scene (camera orbit, head pose, identity), landmarks projected through the camera exactly as the
/// producer does (iBUG screen positions rounded to 4 decimals, quaternions stored x,y,z,w), dense segment
/// mappings. Files are written by the generated encoders, so the sample data also exercises them.
/// </summary>
public static class SynthesisInfoSampler
{
    private static readonly string[] FaceClasses =
    {
        "background", "brow", "cheek_left", "cheek_right", "chin", "ear_left", "ear_right", "eye_left", "eye_right", "eyelashes",
        "eyelid", "forehead", "hair", "head", "jaw", "lip_lower", "lip_upper", "mouth", "neck", "nose", "shoulders", "teeth", "undereye",
    };

    private static readonly string[] BodyClasses =
    {
        "background", "arm_lower_left", "arm_lower_right", "arm_upper_left", "arm_upper_right", "brow", "cheek_left", "cheek_right",
        "chin", "ear_left", "ear_right", "eyebrow_left", "eyebrow_right", "forehead", "hair", "hand_left", "hand_right", "jaw",
        "leg_lower_left", "leg_lower_right", "lip_lower", "lip_upper", "neck", "nose", "pupil_left", "pupil_right", "torso_lower", "torso_upper",
    };

    private static readonly string[] Mpeg4Groups = { "2:14", "3:14", "4:6", "5:4", "6:4", "7:1", "8:10", "9:15", "10:10", "11:6" };

    // The feature points real 1.5 files carry (54 of the table's 84).
    private static readonly string[] Mpeg4Present =
    {
        "2.1", "2.2", "2.3", "2.10", "2.11", "2.12", "2.13", "2.14", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9", "3.10",
        "3.11", "3.12", "3.13", "3.14", "4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "8.1", "8.2", "8.3", "8.4", "9.1", "9.2", "9.3", "9.6",
        "9.7", "9.12", "9.13", "9.14", "9.15", "10.1", "10.2", "10.3", "10.4", "10.5", "10.6", "10.7", "10.8", "10.9", "10.10", "11.1",
        "11.4", "11.5",
    };

    /// <summary>
    /// Writes <paramref name="perVersion"/> renders per version into <c>dir/info-1.2</c> and <c>dir/info-1.5</c>: their
    /// info.json files and a metadata.jsonl (versions 1.2 and 1.4) whose lines agree with them.
    /// </summary>
    public static IReadOnlyList<string> Write(string directory, int perVersion, int seed)
    {
        var written = new List<string>();
        var random = new Random(seed);
        // Metadata lines draw from their own sequence, so adding them left the info files as they were.
        var lineRandom = new Random(unchecked(seed * 31 + 7));
        var buffer = new ArrayBufferWriter<byte>();
        var lines = new List<byte[]>();

        string dir12 = Path.Combine(directory, "info-1.2");
        Directory.CreateDirectory(dir12);
        var encoder12 = new V12.InfoFileEncoder();
        for (int i = 0; i < perVersion; i++)
        {
            var doc = BuildV12(random);
            buffer.Clear();
            encoder12.Encode(doc, buffer);
            written.Add(Save(Path.Combine(dir12, $"{i}.info.json"), buffer.WrittenSpan));
            lines.Add(SynthesisMetadataSampler.Line12(doc, i, lineRandom));
        }

        // Like the real Face API files of 2021, the last line has no line end.
        written.Add(SaveLines(Path.Combine(dir12, "metadata.jsonl"), lines, finalNewline: false));
        lines.Clear();

        string dir15 = Path.Combine(directory, "info-1.5");
        Directory.CreateDirectory(dir15);
        var encoder15 = new V15.InfoFileEncoder();
        for (int i = 0; i < perVersion; i++)
        {
            var doc = BuildV15(random, i % 2 == 1);
            buffer.Clear();
            encoder15.Encode(doc, buffer);
            written.Add(Save(Path.Combine(dir15, $"{i}.info.json"), buffer.WrittenSpan));
            lines.Add(SynthesisMetadataSampler.Line14(doc, i, lineRandom));
        }

        written.Add(SaveLines(Path.Combine(dir15, "metadata.jsonl"), lines, finalNewline: true));

        return written;
    }

    private static string SaveLines(string path, List<byte[]> lines, bool finalNewline)
    {
        using var file = File.Create(path);
        for (int i = 0; i < lines.Count; i++)
        {
            file.Write(lines[i]);
            if (finalNewline || i < lines.Count - 1) file.WriteByte((byte)'\n');
        }

        return path;
    }

    private static string Save(string path, ReadOnlySpan<byte> bytes)
    {
        File.WriteAllBytes(path, bytes.ToArray());
        return path;
    }

    // ------------------------------------------------------------------ 1.2

    public static V12.InfoFile BuildV12(Random random)
    {
        var scene = new SceneGeometry(random, 512, 512);
        var doc = new V12.InfoFile { Version = Text("1.2") };

        doc.Render.Wavelength = InfoCommon.Wavelength.Vs;
        doc.Render.Zmin = 0;
        doc.Render.Zmax = 100;
        doc.HasRender = true;

        var camera = doc.Camera;
        camera.Intrinsics = scene.Intrinsics;
        camera.FieldOfView.XAxisRads = scene.FovX;
        camera.FieldOfView.YAxisRads = scene.FovY;
        camera.HasFieldOfView = true;
        camera.FocalLengthMm = scene.FocalMm;
        camera.Sensor.WidthMm = scene.SensorWidthMm;
        camera.Sensor.HeightMm = scene.SensorHeightMm;
        camera.HasSensor = true;
        Fill(camera.TransformWorld2cam, scene.WorldToCam);
        Fill(camera.TransformCam2world, scene.CamToWorld);
        camera.HasTransformWorld2cam = camera.HasTransformCam2world = true;
        doc.HasCamera = true;

        Fill(doc.HeadTransform.TransformHead2cam, scene.HeadToCam);
        Fill(doc.HeadTransform.TransformHead2world, scene.HeadToWorld);
        doc.HeadTransform.HasTransformHead2cam = doc.HeadTransform.HasTransformHead2world = true;
        doc.HasHeadTransform = true;

        var left = scene.FromHead(FaceTemplate.PupilLeft);
        var right = scene.FromHead(FaceTemplate.PupilRight);
        Fill(doc.PupilCoordinates.PupilLeft, left);
        Fill(doc.PupilCoordinates.PupilRight, right);
        doc.PupilCoordinates.HasPupilLeft = doc.PupilCoordinates.HasPupilRight = true;
        doc.HasPupilCoordinates = true;

        FillGaze(doc.GazeValues.EyeLeft, scene, random);
        FillGaze(doc.GazeValues.EyeRight, scene, random);
        doc.GazeValues.HasEyeLeft = doc.GazeValues.HasEyeRight = true;
        doc.HasGazeValues = true;

        double minU = 1, minV = 1, maxU = 0, maxV = 0;
        for (int i = 0; i < 68; i++)
        {
            var p = scene.FromHead(FaceTemplate.Ibug68(i), screenDecimals: 4);
            var point = doc.Landmarks.AddSlot();
            point.Ptnum = i;
            point.ScreenSpacePos = p.Screen;
            point.CameraSpacePos = p.Camera;
            point.DistanceToCamera = p.Distance;
            point.WorldSpacePos = p.World;
            if (i >= 27)
            {
                minU = Math.Min(minU, p.Screen.X); maxU = Math.Max(maxU, p.Screen.X);
                minV = Math.Min(minV, p.Screen.Y); maxV = Math.Max(maxV, p.Screen.Y);
            }

            // The contour drops points hidden by the head turn; keep the visible ones, numbered from 1.
            if (i < 17 && Math.Abs(scene.Yaw) > 8 && (scene.Yaw > 0 ? i < 2 : i > 14)) continue;
            var contour = doc.ContourLandmarks.AddSlot();
            contour.Ptnum = i + 1;
            contour.ScreenSpacePos = p.Screen;
        }

        doc.HasLandmarks = doc.HasContourLandmarks = true;
        FillBox(doc.EyeNoseMouthBbox, scene, minU, minV, maxU, maxV);
        doc.HasEyeNoseMouthBbox = true;

        doc.Agent.Style = Text("00021_Yvonne004");
        doc.Agent.Enabled = false;
        doc.Agent.PositionSeed = 0;
        doc.HasAgent = true;

        doc.Accessories.Headwear.Style = Text("none");
        doc.Accessories.Headphones.Style = Text("none");
        doc.Accessories.Mask.Style = Text("none");
        doc.Accessories.Mask.Position = new FlexNumber(random.Next(1, 4), NumberForm.String);
        doc.Accessories.Mask.Variant = new FlexNumber(random.Next(0, 5), NumberForm.String);
        doc.Accessories.Glasses.Style = Text("none");
        doc.Accessories.Glasses.LensColor = Text("default");
        doc.Accessories.Glasses.LensColorRgb = new Vec3d(255, 255, 255);
        doc.Accessories.Glasses.Transparency = 1;
        doc.Accessories.Glasses.Metalness = 0;
        doc.Accessories.HasHeadwear = doc.Accessories.HasHeadphones = doc.Accessories.HasMask = doc.Accessories.HasGlasses = true;
        doc.HasAccessories = true;

        doc.Hdri.Name = SynthesisCommon.HdriName.OutdoorUmbrellas;
        doc.Hdri.Id = new FlexNumber(random.Next(1, 500), NumberForm.String);
        foreach (var tag in new[] { "outdoor", "urban", "natural light" }) doc.Hdri.Tags.Add(Text(tag));
        doc.Hdri.HasTags = true;
        doc.HasHdri = true;

        var identity = doc.IdentityMetadata;
        identity.Gender = random.Next(2) == 0 ? SynthesisCommon.Sex.Female : SynthesisCommon.Sex.Male;
        identity.GenderText = Text(identity.Gender == SynthesisCommon.Sex.Female ? "female" : "male");
        identity.Age = random.Next(18, 70);
        identity.WeightKg = random.Next(50, 100);
        identity.HeightCm = random.Next(150, 195);
        identity.Id = random.Next(1000, 9000);
        identity.Ethnicity = Text("asian/hisp");
        doc.HasIdentityMetadata = true;

        doc.Clothing.Type = new FlexNumber(random.Next(0, 12), NumberForm.String);
        doc.Clothing.Enabled = true;
        doc.Clothing.Variant = new FlexNumber(random.Next(0, 7), NumberForm.String);
        doc.HasClothing = true;

        var face = doc.FacialAttributes;
        FillHair(face.Hair, InfoCommon.HairColor.ChocolateBrown, InfoCommon.HairStyle.None);
        face.Gaze.HorizontalAngle = Round(random.NextDouble() * 20 - 10);
        face.Gaze.VerticalAngle = Round(random.NextDouble() * 20 - 10);
        face.Expression.Name = SynthesisCommon.ExpressionName.EyesSquint;
        face.Expression.Intensity = Round(random.NextDouble());
        face.HeadTurn.Yaw = scene.Yaw;
        face.HeadTurn.Pitch = scene.Pitch;
        face.HeadTurn.Roll = scene.Roll;
        face.HasHair = face.HasGaze = face.HasExpression = face.HasHeadTurn = true;
        doc.HasFacialAttributes = true;

        FillMapping(doc.SegmentsMapping, FaceClasses, random);
        doc.HasSegmentsMapping = true;
        return doc;
    }

    private static void Fill(V12.Transform t, in Mat4d m)
    {
        t.Mat4x4 = m;
        t.TranslationXyz = m.Translation;
        t.QuaternionWxyz = TransformRules.FromRotation(m); // stored x,y,z,w, as the producer does
        t.EulerXyz = SceneGeometry.EulerXyz(m);
    }

    private static void Fill(InfoCommon.Pupil pupil, ProjectedPoint p)
    {
        pupil.ScreenSpacePos = p.Screen;
        pupil.CameraSpacePos = p.Camera;
        pupil.DistanceToCamera = p.Distance;
        pupil.WorldSpacePos = p.World;
    }

    private static void FillGaze(InfoCommon.Gaze gaze, SceneGeometry scene, Random random)
    {
        gaze.HorizontalAngle = random.NextDouble() * 20 - 10;
        gaze.VerticalAngle = random.NextDouble() * 20 - 10;
        gaze.GazeVector = GazeVector(scene, gaze.HorizontalAngle, gaze.VerticalAngle);
    }

    private static void FillBox(InfoCommon.EyeNoseMouthBbox box, SceneGeometry scene, double minU, double minV, double maxU, double maxV)
    {
        box.ScreenSpace.Min = new Vec2d(minU, minV);
        box.ScreenSpace.Max = new Vec2d(maxU, maxV);
        box.WorldSpace.Min = scene.HeadToWorld.TransformPoint(new Vec3d(-0.05, -0.06, 0.07));
        box.WorldSpace.Max = scene.HeadToWorld.TransformPoint(new Vec3d(0.05, 0.05, 0.1));
        box.HasScreenSpace = box.HasWorldSpace = true;
    }

    private static void FillHair(V12.HairSettings hair, InfoCommon.HairColor color, InfoCommon.HairStyle style)
    {
        hair.Color = color;
        hair.Style = style;
        hair.ColorSeed = 0;
        hair.RelativeLength = 1;
        hair.RelativeDensity = 1;
    }

    // ------------------------------------------------------------------ 1.5

    public static V15.InfoFile BuildV15(Random random, bool portrait)
    {
        var scene = new SceneGeometry(random, portrait ? 1080 : 1024, portrait ? 1920 : 1024, focalMm: portrait ? 140 : 100);
        var doc = new V15.InfoFile { Version = Text("1.5") };

        var camera = doc.Camera;
        camera.Intrinsics = scene.Intrinsics;
        camera.TransformCam2world.Mat4x4 = scene.CamToWorld;
        camera.TransformWorld2cam.Mat4x4 = scene.WorldToCam;
        camera.HasTransformCam2world = camera.HasTransformWorld2cam = true;
        camera.FocalLengthMm = scene.FocalMm;
        camera.FieldOfView.XAxisRads = scene.FovX;
        camera.FieldOfView.YAxisRads = scene.FovY;
        camera.Sensor.WidthMm = scene.SensorWidthMm;
        camera.Sensor.HeightMm = scene.SensorHeightMm;
        camera.HasFieldOfView = camera.HasSensor = true;
        doc.HasCamera = true;

        Fill(doc.PupilCoordinates.PupilLeft, scene.FromHead(FaceTemplate.PupilLeft));
        Fill(doc.PupilCoordinates.PupilRight, scene.FromHead(FaceTemplate.PupilRight));
        doc.PupilCoordinates.HasPupilLeft = doc.PupilCoordinates.HasPupilRight = true;
        doc.HasPupilCoordinates = true;

        FillGaze(doc.GazeValues.EyeLeft, scene, random);
        FillGaze(doc.GazeValues.EyeRight, scene, random);
        doc.GazeValues.HasEyeLeft = doc.GazeValues.HasEyeRight = true;
        doc.HasGazeValues = true;

        doc.HeadTransform.TransformHead2world.Mat4x4 = scene.HeadToWorld;
        doc.HeadTransform.TransformHead2cam.Mat4x4 = scene.HeadToCam;
        doc.HeadTransform.HasTransformHead2world = doc.HeadTransform.HasTransformHead2cam = true;
        doc.HasHeadTransform = true;

        var landmarks = doc.Landmarks;
        double minU = 1, minV = 1, maxU = 0, maxV = 0;
        for (int i = 0; i < 68; i++)
        {
            var p = scene.FromHead(FaceTemplate.Ibug68(i), screenDecimals: 4);
            var point = landmarks.Ibug68.AddSlot();
            Fill(point, i, (i + 1).ToString(CultureInfo.InvariantCulture), p);
            var contour = landmarks.Ibug68Contour.AddSlot();
            contour.Id = i;
            contour.Name = point.Name;
            contour.InFrustum = p.InFrustum;
            contour.ScreenSpacePos = p.Screen;
            if (i >= 27)
            {
                minU = Math.Min(minU, p.Screen.X); maxU = Math.Max(maxU, p.Screen.X);
                minV = Math.Min(minV, p.Screen.Y); maxV = Math.Max(maxV, p.Screen.Y);
            }
        }

        FillBox(doc.EyeNoseMouthBbox, scene, minU, minV, maxU, maxV);
        doc.HasEyeNoseMouthBbox = true;

        // Real files list body systems in no particular id order; so does the sample.
        foreach (int id in Shuffled(32, random))
        {
            Fill(landmarks.KinectV2.AddSlot(), id, scene.FromWorld(FaceTemplate.Body(id, 32, random)));
        }

        foreach (int id in Shuffled(133, random))
        {
            Fill(landmarks.Coco.WholeBody.AddSlot(), id, (id + 1).ToString(CultureInfo.InvariantCulture), scene.FromWorld(FaceTemplate.Body(id, 133, random)));
        }

        foreach (int id in Shuffled(33, random))
        {
            Fill(landmarks.Mediapipe.Body.AddSlot(), id, scene.FromWorld(FaceTemplate.Body(id, 33, random)));
        }

        FillHand(landmarks.Mediapipe.LeftHand, scene, random, 0.25);
        FillHand(landmarks.Mediapipe.RightHand, scene, random, -0.25);
        landmarks.Mediapipe.HasBody = landmarks.Mediapipe.HasLeftHand = landmarks.Mediapipe.HasRightHand = true;
        if (portrait)
        {
            FillIris(landmarks.Mediapipe.LeftIris, scene, FaceTemplate.PupilLeft, 473);
            FillIris(landmarks.Mediapipe.RightIris, scene, FaceTemplate.PupilRight, 468);
            landmarks.Mediapipe.HasLeftIris = landmarks.Mediapipe.HasRightIris = true;
        }

        for (int i = 0; i < Mpeg4Present.Length; i++)
        {
            var head = FaceTemplate.Mpeg4[Mpeg4Present[i]];
            Fill(landmarks.Mpeg4.AddSlot(), Mpeg4Ordinal(Mpeg4Present[i]), Mpeg4Present[i], scene.FromHead(head));
        }

        landmarks.Coco.HasWholeBody = true;
        landmarks.HasIbug68 = landmarks.HasIbug68Contour = landmarks.HasKinectV2 = landmarks.HasCoco = landmarks.HasMediapipe = landmarks.HasMpeg4 = true;
        doc.HasLandmarks = true;

        var identity = doc.IdentityMetadata;
        int identityId = random.Next(1, 400);
        identity.Id = identityId;
        identity.Age = random.Next(18, 70);
        identity.Sex = random.Next(2) == 0 ? SynthesisCommon.Sex.Female : SynthesisCommon.Sex.Male;
        identity.SexText = Text(identity.Sex == SynthesisCommon.Sex.Female ? "female" : "male");
        identity.Outfit = Text("jeans_and_hoodie_0");
        identity.EyeFold = false;
        identity.Ethnicity = Text("white");
        identity.HeightCm = random.Next(150, 195);
        identity.SkinTone = Math.Round(1 + random.NextDouble() * 5, 8);
        identity.WeightKg = random.Next(50, 100);
        identity.HairColor = Text("chocolate_brown");
        identity.HairStyle = Text("long_wavy_02");
        identity.IrisColor = new FlexNumber(random.Next(1, 100), NumberForm.String);
        if (portrait) identity.MonkScore = Math.Round(1 + random.NextDouble() * 9, 2);
        identity.ModelIndex = identityId;
        identity.HeightLabel = Text("median");
        identity.EyebrowStyle = Text("straight_06");
        identity.TextureIndex = identityId;
        identity.EyebrowLength = 0.9;
        identity.EyebrowDensity = 0.8;
        identity.FacialHairColor = Text("chocolate_brown");
        identity.FacialHairStyle = Text("none");
        identity.FatContentLabel = Text("lower");
        doc.HasIdentityMetadata = true;

        var face = doc.FacialAttributes;
        face.Eyes.Redness = 0;
        face.Eyes.IrisColor = identity.IrisColor;
        face.Eyes.PupilDilation = 0.5;
        face.Gaze.VerticalAngle = doc.GazeValues.EyeLeft.VerticalAngle;
        face.Gaze.HorizontalAngle = doc.GazeValues.EyeLeft.HorizontalAngle;
        FillHair(face.Hair, InfoCommon.HairColor.ChocolateBrown, InfoCommon.HairStyle.LongWavy02);
        FillHair(face.Eyebrows, InfoCommon.HairColor.ChocolateBrown, InfoCommon.HairStyle.Straight06);
        face.HeadTurn.Yaw = scene.Yaw;
        face.HeadTurn.Roll = scene.Roll;
        face.HeadTurn.Pitch = scene.Pitch;
        face.Expression.Name = SynthesisCommon.ExpressionName.None;
        face.Expression.Intensity = 0.75;
        face.HasEyes = face.HasGaze = face.HasHair = face.HasEyebrows = face.HasHeadTurn = face.HasExpression = true;
        doc.HasFacialAttributes = true;

        doc.Body.Height = Text("median");
        doc.Body.Enabled = true;
        doc.Body.FatContent = Text("lower");
        doc.HasBody = true;

        doc.Clothing.Outfit = identity.Outfit;
        foreach (var (garment, material) in new[] { ("jeansA", 0), ("teeA", 18), ("hoodieA", 0), ("sneakersA", 3) })
        {
            var g = doc.Clothing.ClothingMap.AddSlot();
            g.GarmentName = Text(garment);
            g.Material = new FlexNumber(material, NumberForm.String);
        }

        doc.Clothing.HasClothingMap = true;
        doc.Clothing.SingleStylePerId = false;
        doc.HasClothing = true;

        doc.Accessories.Mask.Style = Text("none");
        doc.Accessories.Mask.Variant = new FlexNumber(0, NumberForm.String);
        doc.Accessories.Mask.Position = new FlexNumber(2, NumberForm.String);
        doc.Accessories.Glasses.Style = Text("none");
        doc.Accessories.Glasses.Metalness = 0;
        doc.Accessories.Glasses.LensColor = Text("default");
        doc.Accessories.Glasses.Transparency = 1;
        doc.Accessories.Glasses.EffectiveIor = 1;
        doc.Accessories.Glasses.LensColorRgb = new Vec3d(255, 255, 255);
        doc.Accessories.Glasses.EffectiveIorEnabled = false;
        doc.Accessories.Headwear.Style = Text("none");
        doc.Accessories.Headphones.Style = Text("none");
        doc.Accessories.HasMask = doc.Accessories.HasGlasses = doc.Accessories.HasHeadwear = doc.Accessories.HasHeadphones = true;
        doc.HasAccessories = true;

        doc.Hdri.Name = SynthesisCommon.HdriName.FreightStation;
        doc.Hdri.Id = new FlexNumber(98, NumberForm.String);
        foreach (var tag in new[] { "sun", "industrial", "outdoor", "partly cloudy" }) doc.Hdri.Tags.Add(Text(tag));
        doc.Hdri.HasTags = true;
        doc.HasHdri = true;

        doc.Gesture.Name = Text(portrait ? "stand_idle_2" : "default");
        doc.Gesture.Mirrored = false;
        doc.Gesture.KeyframeOnly = true;
        doc.Gesture.OutputFrameLength = 1;
        doc.HasGesture = true;

        doc.Render.Zmin = 0;
        doc.Render.Zmax = 100;
        doc.Render.Wavelength = InfoCommon.Wavelength.Visible;
        doc.Render.FrameNumber = 1;
        doc.HasRender = true;

        FillMapping(doc.SegmentsMapping, BodyClasses, random);
        doc.HasSegmentsMapping = true;
        if (portrait)
        {
            FillMapping(doc.ClothingSegmentsMapping, new[] { "background", "long sleeve outerwear", "shoe", "short sleeve shirt", "trousers" }, random, keepAll: true);
            doc.HasClothingSegmentsMapping = true;
        }

        return doc;
    }

    // The generated point types share member names but no base class (their id ranges and name types differ),
    // so each gets its own small setter.
    private static void Fill(V15.Ibug68Point point, int id, string name, ProjectedPoint p)
    {
        point.Id = id;
        point.Name = Text(name);
        point.InFrustum = p.InFrustum;
        (point.ScreenSpacePos, point.CameraSpacePos, point.WorldSpacePos) = (p.Screen, p.Camera, p.World);
    }

    private static void Fill(InfoCommon.CocoPoint point, int id, string name, ProjectedPoint p)
    {
        point.Id = id;
        point.Name = Text(name);
        point.InFrustum = p.InFrustum;
        (point.ScreenSpacePos, point.CameraSpacePos, point.WorldSpacePos) = (p.Screen, p.Camera, p.World);
    }

    private static void Fill(V15.Mpeg4Point point, int id, string name, ProjectedPoint p)
    {
        point.Id = id;
        point.Name = Text(name);
        point.InFrustum = p.InFrustum;
        (point.ScreenSpacePos, point.CameraSpacePos, point.WorldSpacePos) = (p.Screen, p.Camera, p.World);
    }

    private static void Fill(V13.KinectPoint point, int id, ProjectedPoint p)
    {
        point.Id = id;
        point.Name = Text(KinectJointTable.NameOf(id)!);
        point.InFrustum = p.InFrustum;
        (point.ScreenSpacePos, point.CameraSpacePos, point.WorldSpacePos) = (p.Screen, p.Camera, p.World);
    }

    private static void Fill(V13.MediapipeBodyPoint point, int id, ProjectedPoint p)
    {
        point.Id = id;
        point.Name = Text(MediapipePosePointTable.NameOf(id)!);
        point.InFrustum = p.InFrustum;
        (point.ScreenSpacePos, point.CameraSpacePos, point.WorldSpacePos) = (p.Screen, p.Camera, p.World);
    }

    private static void FillHand(Codec.Runtime.Collections.ObjectList<V15.MediapipeHandPoint> hand, SceneGeometry scene, Random random, double x)
    {
        for (int id = 0; id < 21; id++)
        {
            var p = scene.FromWorld(new Vec3d(x + 0.01 * (id % 5), 0.9 - 0.01 * id, 0.05 + 0.01 * random.NextDouble()));
            var point = hand.AddSlot();
            point.Id = id;
            point.Name = Text(MediapipeHandPointTable.NameOf(id)!);
            point.InFrustum = p.InFrustum;
            point.ScreenSpacePos = p.Screen;
            point.CameraSpacePos = p.Camera;
            point.WorldSpacePos = p.World;
        }
    }

    private static void FillIris(Codec.Runtime.Collections.ObjectList<V15.MediapipeIrisPoint> iris, SceneGeometry scene, Vec3d pupil, int firstId)
    {
        var offsets = new[] { new Vec3d(0, 0, 0), new Vec3d(0.0055, 0, 0), new Vec3d(0, 0.0055, 0), new Vec3d(-0.0055, 0, 0), new Vec3d(0, -0.0055, 0) };
        for (int k = 0; k < 5; k++)
        {
            var p = scene.FromHead(new Vec3d(pupil.X + offsets[k].X, pupil.Y + offsets[k].Y, pupil.Z));
            var point = iris.AddSlot();
            point.Id = firstId + k;
            point.Name = Text(MediapipeIrisPointTable.NameOf(k)!);
            point.InFrustum = p.InFrustum;
            point.ScreenSpacePos = p.Screen;
            point.CameraSpacePos = p.Camera;
            point.WorldSpacePos = p.World;
        }
    }

    private static void Fill(V15.Pupil pupil, ProjectedPoint p)
    {
        pupil.ScreenSpacePos = p.Screen;
        pupil.CameraSpacePos = p.Camera;
        pupil.WorldSpacePos = p.World;
        pupil.DistanceToCamera = p.Distance;
    }

    private static void FillGaze(V15.Gaze gaze, SceneGeometry scene, Random random)
    {
        gaze.HorizontalAngle = random.NextDouble() * 20 - 10;
        gaze.VerticalAngle = random.NextDouble() * 20 - 10;
        gaze.GazeVector = GazeVector(scene, gaze.HorizontalAngle, gaze.VerticalAngle);
    }

    private static void FillBox(V15.EyeNoseMouthBbox box, SceneGeometry scene, double minU, double minV, double maxU, double maxV)
    {
        box.ScreenSpace.Min = new Vec2d(minU, minV);
        box.ScreenSpace.Max = new Vec2d(maxU, maxV);
        box.WorldSpace.Min = scene.HeadToWorld.TransformPoint(new Vec3d(-0.05, -0.06, 0.07));
        box.WorldSpace.Max = scene.HeadToWorld.TransformPoint(new Vec3d(0.05, 0.05, 0.1));
        box.HasScreenSpace = box.HasWorldSpace = true;
    }

    private static void FillHair(V15.HairSettings hair, InfoCommon.HairColor color, InfoCommon.HairStyle style)
    {
        hair.Color = color;
        hair.Style = style;
        hair.ColorSeed = 0;
        hair.RelativeLength = 1;
        hair.RelativeDensity = 1;
    }

    // ------------------------------------------------------------------ shared

    /// <summary>World-space unit vector from the eye centre towards the pupil (head +Z turned by the gaze angles).</summary>
    private static Vec3d GazeVector(SceneGeometry scene, double horizontal, double vertical)
    {
        var local = SceneGeometry.Compose(SceneGeometry.RotationY(horizontal), SceneGeometry.RotationX(-vertical)).TransformPoint(new Vec3d(0, 0, 1));
        var world = scene.HeadToWorld;
        var v = new Vec3d(
            world[0, 0] * local.X + world[0, 1] * local.Y + world[0, 2] * local.Z,
            world[1, 0] * local.X + world[1, 1] * local.Y + world[1, 2] * local.Z,
            world[2, 0] * local.X + world[2, 1] * local.Y + world[2, 2] * local.Z);
        double n = v.Length;
        return new Vec3d(v.X / n, v.Y / n, v.Z / n);
    }

    /// <summary>Dense mapping as real files have it: background 0, then present classes alphabetically from 1.</summary>
    private static void FillMapping(Codec.Runtime.Collections.NameValueMap map, string[] classes, Random random, bool keepAll = false)
    {
        var present = classes.Skip(1).Where(_ => keepAll || random.NextDouble() > 0.15).Order(StringComparer.Ordinal).ToList();
        map.Add(Text("background"), 0);
        for (int i = 0; i < present.Count; i++) map.Add(Text(present[i]), i + 1);
    }

    private static int Mpeg4Ordinal(string label)
    {
        int ordinal = 0;
        var parts = label.Split('.');
        int group = int.Parse(parts[0], CultureInfo.InvariantCulture), index = int.Parse(parts[1], CultureInfo.InvariantCulture);
        foreach (var g in Mpeg4Groups)
        {
            var gp = g.Split(':');
            int gNumber = int.Parse(gp[0], CultureInfo.InvariantCulture), gCount = int.Parse(gp[1], CultureInfo.InvariantCulture);
            if (gNumber == group) return ordinal + index - 1;
            ordinal += gCount;
        }

        throw new ArgumentException("not an MPEG-4 feature point: " + label);
    }

    private static IEnumerable<int> Shuffled(int count, Random random)
    {
        var ids = Enumerable.Range(0, count).ToArray();
        random.Shuffle(ids);
        return ids;
    }

    private static double Round(double value) => Math.Round(value, 6);

    private static Utf8Text Text(string value) => Utf8Text.From(value);
}
