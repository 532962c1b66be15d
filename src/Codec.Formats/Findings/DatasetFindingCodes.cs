using Codec.Runtime.Findings;
using static Codec.Runtime.Findings.Severity;

namespace Codec.Formats.Findings;

/// <summary>
/// The D9xx codes: a dataset checked against its layout (an Audio2Face-3D training dataset, or any other layout).
/// Registered as <see cref="FindingCodes"/>'s are (see <see cref="FindingAttribute"/>); <see cref="BuiltInFindings"/>
/// puts them in the one catalog.
/// </summary>
public static class DatasetFindingCodes
{
    // D9xx: datasets checked against a dataset layout (an Audio2Face-3D training dataset, or any other layout).
    [Finding(Error, "A required folder or file of the layout is missing.",
        "Add it; NVIDIA's training framework stops without it. The message names what the layout expects there.", Example = "geom/skin/neutral_pose.npy: required by the layout (the skin's neutral pose), missing", AlsoAs = [Warning])]
    public const string PartMissing = "D901";

    [Finding(Error, "An entry no file of the layout claims, or a file where a placeholder folder holds only folders.",
        "Move it out of the dataset: a stray file in cache/skin/ is taken for a shot.", Example = "cache/skin/notes.txt: is a file in cache/skin/, which holds one folder per shot")]
    public const string StrayEntry = "D902";

    [Finding(Warning, "A folder holds more than one of files only one of which is read (several cache formats for one shot).",
        "Keep one: which one training reads depends on the order it looks for them.", Example = "cache/skin/cp1_neutral: holds cp1_neutral.npy and cp1_neutral.pc2; one is read")]
    public const string SeveralAlternatives = "D903";

    [Finding(Error, "A dimension (vertices V, frames F, poses P) differs between files that must agree.",
        "One file is of another mesh or topology; re-export it with the dataset's neutral.", Example = "cache/skin/cp2/cp2.npy: V is 5000 here and 4998 in geom/skin/neutral_pose.npy")]
    public const string DimensionMismatch = "D904";

    [Finding(Error, "An array of the wrong dtype (a warning where readers still cope).",
        "Save it as the dtype the message names (astype before np.save).", Example = "bs_data/bs_skin.npz#poseNames: dtype <U12; |S is what NVIDIA's SDK reads (byte strings, as astype('S') writes them)", AlsoAs = [Warning])]
    public const string WrongDType = "D905";

    [Finding(Error, "An array of the wrong rank, or with a fixed size that differs.",
        "Reshape before saving: caches are [frames, vertices, 3], neutrals [vertices, 3].", Example = "geom/skin/neutral_pose.npy: shape (15000) has 1 dimensions; expected [V, 3]")]
    public const string WrongShape = "D906";

    [Finding(Error, "Values outside their range, or NaN or infinite where only finite numbers make sense.",
        "Find the frames or indices named; a NaN in a cache poisons every training step that reads it.", Example = "cache/skin/cp1/cp1.npy: 12 values are NaN (first at frame 40, vertex 1203)")]
    public const string ValueOutOfRange = "D907";

    [Finding(Warning, "An audio track a model learns badly from: below the sample rate or bit depth the layout asks for, clipped, mostly silence, shifted by a DC offset, or far too quiet (thresholds declared by the layout).",
        "Re-export the audio from the original recording at the rate named (16 kHz or more for Audio2Face-3D), with its gain set so that it neither clips nor stays far below full scale; trim long silences.", Example = "audio/cp1.wav: clips: 1,204 samples (0.63%) sit at full scale in runs of 3 or more; at most 0.1% may")]
    public const string AudioQuality = "D908";

    [Finding(Error, "Instances of a placeholder (shots) that do not agree across folders and archives, or names that are not portable.",
        "Every shot needs its audio, its cache and its entries; the message names the one that is missing where.", Example = "audio/cp3.wav: cp3 names no shot of cache/skin")]
    public const string InstancesDisagree = "D909";

    [Finding(Error, "An audio track whose length is not its instance's frames / fps, or caches with different fps.",
        "Trim or re-export audio and cache of the shot together; training pairs frames with audio windows by time.", Example = "audio/cp1.wav: 4.20 s; the cache's 120 frames at 30 fps are 4.00 s")]
    public const string DurationMismatch = "D910";

    [Finding(Warning, "A file whose name contains several instances' names, which a match by substring attaches to all of them.",
        "Rename shots so that no name contains another (cp1 and cp10).", Example = "audio/cp10.wav: a match by substring attaches cp10 to 2 shots: cp1, cp10")]
    public const string AmbiguousSubstring = "D911";

    [Finding(Error, "A JSON file's field missing, of the wrong type, out of range, or of the wrong length.",
        "Fix the field the path names; NVIDIA's tools read these configs without checking.", Example = "bs_data/bs_skin_config.json/weightMultipliers: has 51 entries and poseNames 52: they are paired one to one")]
    public const string BadField = "D912";

    [Finding(Error, "A blendshape archive NVIDIA's SDK would refuse (pose names, neutral, deltas).",
        "Rebuild the archive with a neutral and one delta per pose name.", Example = "bs_data/bs_skin.npz: member jawOpen2 is not in poseNames: nothing reads it", AlsoAs = [Warning])]
    public const string BlendshapeArchive = "D913";

    [Finding(Error, "Two files that must hold the same values do not (the blendshape neutral and the training neutral).",
        "Export both from the same mesh; the message gives the largest difference and where.", Example = "bs_data/bs_skin.npz#neutral: differs from geom/skin/neutral_pose.npy by up to 0.02 (at value 301; tolerance 1e-05)")]
    public const string ValuesDiffer = "D914";

    [Finding(Warning, "A layout's recommendation is not met (for Audio2Face-3D, NVIDIA's guide: shot count and length, shots per emotion, fps).",
        "Training still runs; results are better with what the guide recommends.", Example = "cache/skin: 3 shots; NVIDIA's Audio2Face-3D guide recommends at least 50")]
    public const string Recommendation = "D915";
}
