using System.Globalization;
using Codec.Runtime.Text;
using Info = Codec.Formats.Synthesis.Info;
using Metadata = Codec.Formats.Synthesis.Metadata;

namespace Codec.Formats.Validation;

/// <summary>
/// The identity or the face settings a render was asked for, as plain values read through the views of either
/// format — a metadata line's <c>scene/identity_metadata</c> and <c>scene/facial_attributes</c>, an info.json's
/// <c>identity_metadata</c> and <c>facial_attributes</c> — so that the two can be compared member by member
/// whatever their versions. Kept per metadata line (strings copied out of the line), compared once per render.
/// </summary>
public sealed class RequestedSettings
{
    /// <summary>Relative tolerance of numbers: metadata.jsonl writes float32 digits where info.json may write float64.</summary>
    public const double RelativeTolerance = 1e-6;

    private readonly List<Setting> _values = new();

    private RequestedSettings()
    {
    }

    /// <summary>A member as read: its path under the compared object, and its number or text where present.</summary>
    private readonly record struct Setting(string Path, bool Present, double Number, string? Text);

    public static RequestedSettings? Identity(Info.IIdentity? identity) => identity is null ? null : new RequestedSettings()
        .Add("/id", identity.HasId, identity.Id).Add("/age", identity.HasAge, identity.Age).Add("/sex", identity.HasSex, identity.Sex)
        .Add("/ethnicity", identity.HasEthnicity, identity.Ethnicity).Add("/height_cm", identity.HasHeightCm, identity.HeightCm)
        .Add("/weight_kg", identity.HasWeightKg, identity.WeightKg).Add("/height_label", identity.HasHeightLabel, identity.HeightLabel)
        .Add("/fat_content_label", identity.HasFatContentLabel, identity.FatContentLabel).Add("/outfit", identity.HasOutfit, identity.Outfit)
        .Add("/eye_fold", identity.HasEyeFold, identity.EyeFold).Add("/skin_tone", identity.HasSkinTone, identity.SkinTone)
        .Add("/monk_score", identity.HasMonkScore, identity.MonkScore).Add("/model_index", identity.HasModelIndex, identity.ModelIndex)
        .Add("/texture_index", identity.HasTextureIndex, identity.TextureIndex).Add("/hair_color", identity.HasHairColor, identity.HairColor)
        .Add("/hair_style", identity.HasHairStyle, identity.HairStyle).Add("/eyebrow_style", identity.HasEyebrowStyle, identity.EyebrowStyle)
        .Add("/eyebrow_length", identity.HasEyebrowLength, identity.EyebrowLength).Add("/eyebrow_density", identity.HasEyebrowDensity, identity.EyebrowDensity)
        .Add("/facial_hair_color", identity.HasFacialHairColor, identity.FacialHairColor).Add("/facial_hair_style", identity.HasFacialHairStyle, identity.FacialHairStyle);

    public static RequestedSettings? Identity(Metadata.IIdentity? identity) => identity is null ? null : new RequestedSettings()
        .Add("/id", identity.HasId, identity.Id).Add("/age", identity.HasAge, identity.Age).Add("/sex", identity.HasSex, identity.Sex)
        .Add("/ethnicity", identity.HasEthnicity, identity.Ethnicity).Add("/height_cm", identity.HasHeightCm, identity.HeightCm)
        .Add("/weight_kg", identity.HasWeightKg, identity.WeightKg).Add("/height_label", identity.HasHeightLabel, identity.HeightLabel)
        .Add("/fat_content_label", identity.HasFatContentLabel, identity.FatContentLabel).Add("/outfit", identity.HasOutfit, identity.Outfit)
        .Add("/eye_fold", identity.HasEyeFold, identity.EyeFold).Add("/skin_tone", identity.HasSkinTone, identity.SkinTone)
        .Add("/monk_score", identity.HasMonkScore, identity.MonkScore).Add("/model_index", identity.HasModelIndex, identity.ModelIndex)
        .Add("/texture_index", identity.HasTextureIndex, identity.TextureIndex).Add("/hair_color", identity.HasHairColor, identity.HairColor)
        .Add("/hair_style", identity.HasHairStyle, identity.HairStyle).Add("/eyebrow_style", identity.HasEyebrowStyle, identity.EyebrowStyle)
        .Add("/eyebrow_length", identity.HasEyebrowLength, identity.EyebrowLength).Add("/eyebrow_density", identity.HasEyebrowDensity, identity.EyebrowDensity)
        .Add("/facial_hair_color", identity.HasFacialHairColor, identity.FacialHairColor).Add("/facial_hair_style", identity.HasFacialHairStyle, identity.FacialHairStyle);

    public static RequestedSettings? Face(Info.IFaceSettings? face)
    {
        if (face is null) return null;
        var s = new RequestedSettings();
        if (face.Expression is { } e) s.Add("/expression/name", e.HasName, e.Name).Add("/expression/intensity", e.HasIntensity, e.Intensity);
        if (face.Gaze is { } g) s.Add("/gaze/horizontal_angle", g.HasHorizontalAngle, g.HorizontalAngle).Add("/gaze/vertical_angle", g.HasVerticalAngle, g.VerticalAngle);
        if (face.HeadTurn is { } t) s.Add("/head_turn/yaw", t.HasYaw, t.Yaw).Add("/head_turn/pitch", t.HasPitch, t.Pitch).Add("/head_turn/roll", t.HasRoll, t.Roll);
        if (face.Eyes is { } eyes) s.Add("/eyes/redness", eyes.HasRedness, eyes.Redness).Add("/eyes/pupil_dilation", eyes.HasPupilDilation, eyes.PupilDilation);
        foreach (var (name, hair) in new[] { ("/hair", face.Hair), ("/facial_hair", face.FacialHair), ("/eyebrows", face.Eyebrows) })
        {
            if (hair is null) continue;
            s.Add(name + "/style", hair.HasStyle, hair.Style).Add(name + "/color", hair.HasColor, hair.Color).Add(name + "/color_seed", hair.HasColorSeed, hair.ColorSeed)
                .Add(name + "/relative_length", hair.HasRelativeLength, hair.RelativeLength).Add(name + "/relative_density", hair.HasRelativeDensity, hair.RelativeDensity);
        }

        return s;
    }

    public static RequestedSettings? Face(Metadata.IFaceSettings? face)
    {
        if (face is null) return null;
        var s = new RequestedSettings();
        if (face.Expression is { } e) s.Add("/expression/name", e.HasName, e.Name).Add("/expression/intensity", e.HasIntensity, e.Intensity);
        if (face.Gaze is { } g) s.Add("/gaze/horizontal_angle", g.HasHorizontalAngle, g.HorizontalAngle).Add("/gaze/vertical_angle", g.HasVerticalAngle, g.VerticalAngle);
        if (face.HeadTurn is { } t) s.Add("/head_turn/yaw", t.HasYaw, t.Yaw).Add("/head_turn/pitch", t.HasPitch, t.Pitch).Add("/head_turn/roll", t.HasRoll, t.Roll);
        if (face.Eyes is { } eyes) s.Add("/eyes/redness", eyes.HasRedness, eyes.Redness).Add("/eyes/pupil_dilation", eyes.HasPupilDilation, eyes.PupilDilation);
        foreach (var (name, hair) in new[] { ("/hair", face.Hair), ("/facial_hair", face.FacialHair), ("/eyebrows", face.Eyebrows) })
        {
            if (hair is null) continue;
            s.Add(name + "/style", hair.HasStyle, hair.Style).Add(name + "/color", hair.HasColor, hair.Color).Add(name + "/color_seed", hair.HasColorSeed, hair.ColorSeed)
                .Add(name + "/relative_length", hair.HasRelativeLength, hair.RelativeLength).Add(name + "/relative_density", hair.HasRelativeDensity, hair.RelativeDensity);
        }

        return s;
    }

    /// <summary>
    /// Up to <paramref name="max"/> differences, each as "path: requested vs rendered"; a member one side has and
    /// the other lacks is a difference, one neither has is not.
    /// </summary>
    public IReadOnlyList<string> Differences(RequestedSettings rendered, int max = 5)
    {
        var found = new List<string>();
        var other = rendered._values.ToDictionary(v => v.Path, StringComparer.Ordinal);
        foreach (var mine in _values)
        {
            if (found.Count >= max) break;
            var theirs = other.GetValueOrDefault(mine.Path);
            if (!mine.Present && !theirs.Present) continue;
            if (mine.Present && theirs.Present && Same(mine, theirs)) continue;
            found.Add($"{mine.Path}: {Show(mine)} vs {Show(theirs)}");
        }

        foreach (var theirs in rendered._values.Where(v => v.Present && _values.All(m => m.Path != v.Path)))
        {
            if (found.Count >= max) break;
            found.Add($"{theirs.Path}: (absent) vs {Show(theirs)}");
        }

        return found;
    }

    private static bool Same(Setting a, Setting b) => a.Text is not null || b.Text is not null
        ? a.Text == b.Text
        : Math.Abs(a.Number - b.Number) <= RelativeTolerance * Math.Max(1, Math.Max(Math.Abs(a.Number), Math.Abs(b.Number)));

    private static string Show(Setting s) =>
        !s.Present ? "(absent)" : s.Text is { } text ? "\"" + text + "\"" : s.Number.ToString("R", CultureInfo.InvariantCulture);

    private RequestedSettings Add(string path, bool present, double value)
    {
        _values.Add(new Setting(path, present, present ? value : 0, null));
        return this;
    }

    private RequestedSettings Add(string path, bool present, bool value)
    {
        _values.Add(new Setting(path, present, 0, present ? (value ? "true" : "false") : null));
        return this;
    }

    private RequestedSettings Add(string path, bool present, Utf8Text value)
    {
        // Copied out: the text points into a buffer the next line or file reuses.
        _values.Add(new Setting(path, present, 0, present ? value.ToString() : null));
        return this;
    }
}
