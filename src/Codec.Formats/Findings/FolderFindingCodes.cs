using Codec.Runtime.Findings;
using static Codec.Runtime.Findings.Severity;

namespace Codec.Formats.Findings;

/// <summary>
/// The X7xx codes: checks across the files of a Synthesis output folder (a render's files against each other and against its metadata line).
/// Registered as <see cref="FindingCodes"/>'s are (see <see cref="FindingAttribute"/>); <see cref="BuiltInFindings"/>
/// puts them in the one catalog.
/// </summary>
public static class FolderFindingCodes
{
    // X7xx: checks across the files of one output folder.
    [Finding(Error, "Two metadata lines describe the same render (render_id, camera, frame).",
        "A job was appended twice to metadata.jsonl; keep one line per render.", Example = "(25,1) /render_id: render 12 (camera cam_default, frame 1) is also on line 3")]
    public const string DuplicateRenderLine = "X701";

    [Finding(Error, "A metadata line whose render has no files in the folder.",
        "Renders are missing from the delivery (a failed copy, a filter); find them or drop their lines.", Example = "(7,1) /render_id: render 6 has no files in the folder")]
    public const string LineWithoutFiles = "X702";

    [Finding(Error, "Render files without a metadata line.",
        "metadata.jsonl is incomplete (a job's lines lost) or the files belong to another job.", Example = "6.info.json: render 6 has no line in metadata.jsonl")]
    public const string FilesWithoutLine = "X703";

    [Finding(Error, "identity_metadata differs between a metadata line and its render's info.json.",
        "The files of two renders were mixed (a renumbering, a merge of jobs); labels of the identity cannot be trusted.", Example = "/identity_metadata/age: 34 in metadata.jsonl line 3, 52 in 2.info.json")]
    public const string IdentityMismatch = "X704";

    [Finding(Error, "facial_attributes differ between a metadata line and its render's info.json.",
        "As X704: the line and the file describe different renders.", Example = "/facial_attributes/expression/name: 'happy' in the line, 'sad' in 2.info.json")]
    public const string FacialAttributesMismatch = "X705";

    [Finding(Error, "The requested resolution does not agree with the info.json intrinsics' principal point.",
        "Images were resized after rendering without the intrinsics, or the files are of another job.", Example = "/camera/intrinsics: principal point (256, 256) is not half the requested 1024 x 1024")]
    public const string ResolutionMismatch = "X706";

    [Finding(Error, "The requested focal length or sensor width does not agree with the info.json camera.",
        "Train with the info.json camera, and find out why the request was not honoured.", Example = "/camera/focal_length_mm: 50 requested, 35 rendered")]
    public const string CameraMismatch = "X707";

    [Finding(Error, "A segmentation mask whose size is not the render's (from the info.json intrinsics).",
        "The mask was resized or belongs to another render; labels will not line up with the image.", Example = "2.segments.png: 512 x 512 pixels; the render is 1024 x 1024")]
    public const string MaskSizeMismatch = "X708";

    [Finding(Error, "Mask pixels whose value the render's segments_mapping (or clothing_segments_mapping) does not list.",
        "The mask was resampled with interpolation (values between classes) or belongs to another render.", Example = "2.segments.png: 1,204 pixels of value 97, which segments_mapping does not list")]
    public const string MaskLabelNotMapped = "X709";

    [Finding(Error, "A dense landmark mesh whose vertex count is not its kind's, or whose vertices do not project into the render.",
        "Re-export the mesh; a mesh of another render or in another space is the usual cause.", Example = "2.sai_dense.obj: 4839 vertices; this kind of dense landmark mesh has 4840")]
    public const string MeshMismatch = "X710";

    [Finding(Warning, "A mask class the remapping target table lacks: its pixels become the target's default 0.",
        "Choose a target that has the class (codec remap --to), or accept that the class becomes background.", Example = "2.segments.png: 'jewellery' (3,012 pixels) is not in the body table; written as 0")]
    public const string ClassNotInTarget = "X711";

    [Finding(Warning, "A cross-file check that could not run because the render's info.json lacks what it needs (no camera to project a mesh with).",
        "Nothing is known about what was not checked; supply the missing data or accept the gap.", Example = "2.sai_dense.obj: check not run: 2.info.json has no camera intrinsics")]
    public const string CheckNotRun = "X712";

    [Finding(Warning, "A render lacks a file (a modality) that most renders of its folder have.",
        "A deleted or failed file: a loader that expects every modality would fail on this render.", Example = "7.segments.png: render 7 has no segments.png; 240 of 241 renders have one")]
    public const string MissingModality = "X713";

    [Finding(Warning, "Files named like a render's whose render has no info.json: nothing to check them against.",
        "The info.json was lost; the images and masks alone have no labels.", Example = "9.rgb.png: render 9 has no info.json; its 3 files are not checked")]
    public const string FilesWithoutRender = "X714";

    [Finding(Error, "An image of a render (RGB, depth, normals, alpha, or its EXR) whose size is not the render's (from the info.json intrinsics).",
        "The image was resized or belongs to another render; its pixels will not line up with the labels.", Example = "2.depth.tif: 256 x 256 pixels; the render is 512 x 512")]
    public const string ImageSizeMismatch = "X715";

    [Finding(Error, "An RGB render (or an EXR's beauty pass) whose every pixel is the same: an all-black (or all-white) image.",
        "The render failed (no light, the camera inside an object, a crash); re-render it or drop it from training.", Example = "3.rgb.png: every pixel is (0, 0, 0)")]
    public const string BlankImage = "X716";

    [Finding(Error, "Depth that is not finite, or lies outside the render's zmin..zmax where there is surface.",
        "Check the depth's units and range against the info.json's render section; NaN depth poisons a depth loss.", Example = "2.depth.tif: 1,024 surface pixels lie outside [0, 100] (first at (10, 12): -3.5)")]
    public const string DepthOutOfRange = "X717";

    [Finding(Error, "Normals (an image, or an EXR's CameraNormals, normals or worldNormals pass) that are not of unit length where there is surface.",
        "The normals were written unnormalised, or as colours (0..1 instead of -1..1); renormalise or re-export them.", Example = "2.normals.tif: 5,210 of 61,000 surface pixels have |n| off 1 by more than 0.05 (first at (100, 40): 0.51)")]
    public const string NormalsNotUnit = "X718";

    [Finding(Error, "The alpha (or an EXR's binary_segmentation.foreground pass) and the segmentation mask disagree about which pixels are background, beyond the edge pixels that antialiasing blurs.",
        "One of the two belongs to another render, or was resized; compare them with codec render --image N.alpha.tif --mask N.segments.png.", Example = "2.alpha.tif: 8,200 pixels (3.1%) are transparent where 2.segments.png has a class, or opaque where it has background")]
    public const string AlphaMaskMismatch = "X719";

    [Finding(Error, "A render's EXR lacks a channel Synthesis AI's documentation lists (R, G, B, A, Z), or its header's zmin/zmax differ from the info.json's.",
        "Re-download the render's EXR; the images extracted from it (rgb, depth) may come from another render.", Example = "188.exr: the EXR has no Z channel (Synthesis AI's documentation lists R, G, B, A and Z)")]
    public const string ExrLayout = "X720";

    [Finding(Error, "Cryptomatte IDs in an EXR's pixels that the layer's manifest does not name.",
        "Masks made from the manifest miss those objects; the manifest is stale or the layer was written by another render.", Example = "188.exr: 1,204 pixels of CryptoObject hold ids its manifest does not name (first 3f800000 at (10, 12))")]
    public const string CryptomatteIdUnknown = "X721";

    [Finding(Error, "A dense landmark mesh that misses the info.json's iBUG-68 points in camera space: N.sai_dense.obj must carry the points of the nose, eyes and mouth as its vertices, N.mediapipe_dense.obj pass near those of the brows, nose, eyes and mouth.",
        "The mesh and the info.json describe different heads or cameras: re-export the mesh of this render, or check world2cam.", Example = "24.sai_dense.obj: 38 of 41 iBUG-68 points of the nose, eyes and mouth in 24.info.json lie farther than 0.5 mm from every vertex in camera space (worst: point 33 at 6.2 mm)")]
    public const string DenseMeshOffLandmarks = "X722";

    [Finding(Error, "A mesh that is not one surface any more: a vertex pulled out of place (every edge of it far longer than its neighbours' edges), or a face joining far vertices (an edge far longer than the mesh's usual edge).",
        "Compare the mesh with another render's of the same kind (codec render draws both); re-export it, or find the step that moved the vertex or rewrote the faces.", Example = "24.mediapipe_dense.obj: vertex 5 (of 468) stands out of the surface: its edges are 4.5 times as long as its neighbours' (at most 3); worst of 1")]
    public const string MeshOutOfShape = "X724";

    [Finding(Warning, "What the metadata line requests is not what the segmentation mask shows: an item requested (headwear, a face mask, glasses, headphones, facial hair) with no pixel of its class, or pixels of a class only that item makes when it was not requested.",
        "Look at the render: an item missing from the labels is a known failure of synthetic face datasets (the ground truth was processed without it); report it to the producer with the render id.", Example = "3.segments.png: line 4 requests headwear 'male_cap_1', but the mask has no pixel of class headwear")]
    public const string RequestNotInMask = "X725";

    [Finding(Error, "An EXR's segmentation.<class> pass and the segmentation mask disagree about where that class is, beyond the edge pixels that antialiasing blurs.",
        "One of the two belongs to another render, or the mapping names the classes differently; compare them with codec render --image N.exr --mask N.segments.png.", Example = "188.exr: segmentation.hair: 9,400 pixels (3.6%) are outside the pass where 188.segments.png has hair, or inside it where it has another class")]
    public const string ClassMaskMismatch = "X723";
}
