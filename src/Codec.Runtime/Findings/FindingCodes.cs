namespace Codec.Runtime.Findings;

/// <summary>
/// Every runtime finding code in one place. Codes never change meaning; new ones get new numbers.
/// J = JSON text, S = structure declared by the schema, R = semantic rules, K = known producer bugs,
/// V = versions and formats.
/// </summary>
public static class FindingCodes
{
    // J1xx: the document is not usable JSON (fatal for the document unless noted).
    public const string Syntax = "J101";
    public const string Truncated = "J102";
    public const string TooDeep = "J103";
    public const string InvalidUtf8 = "J104";
    public const string NumberOutOfRange = "J105";
    /// <summary>Python-style NaN/Infinity token: decoded, with a warning.</summary>
    public const string NonStandardNumber = "J106";
    public const string StringTooLong = "J107";
    public const string TooManyFindings = "J108";
    public const string TrailingContent = "J109";
    public const string DocumentTooLarge = "J110";
    public const string DuplicateMember = "J111";

    // S2xx: the schema's structural rules.
    public const string WrongType = "S201";
    public const string MissingMember = "S202";
    public const string UnknownMember = "S203";
    public const string CountOutOfBounds = "S204";
    public const string OutOfRange = "S205";
    public const string UnknownEnumValue = "S206";
    public const string NotNumericString = "S207";

    // R3xx: semantic rules declared in schemas, implemented in Codec.Runtime.Semantics.
    public const string NotRigidTransform = "R301";
    public const string TransformsNotInverse = "R302";
    public const string TranslationMismatch = "R303";
    public const string QuaternionMismatch = "R304";
    public const string CameraSpaceMismatch = "R305";
    public const string DistanceMismatch = "R306";
    public const string ProjectionMismatch = "R307";
    public const string FrustumMismatch = "R308";
    public const string FieldOfViewMismatch = "R309";
    public const string NotUnitVector = "R310";
    public const string DuplicateKey = "R311";
    public const string MappingNotDense = "R312";
    public const string PrincipalPointOffCentre = "R313";
    /// <summary>A landmark name its system's reference table does not know.</summary>
    public const string UnknownTableName = "R314";
    /// <summary>A landmark id its system's reference table does not know.</summary>
    public const string UnknownTableId = "R315";
    /// <summary>A landmark's id is not the one its name has in the reference table.</summary>
    public const string IdNameMismatch = "R316";
    /// <summary>A feature point off its reference table's recommended location (warning).</summary>
    public const string LocationConstraint = "R317";

    // K4xx: known producer bugs — warnings, never errors.
    /// <summary>Quaternions stored as x,y,z,w under the name <c>quaternion_wxyz</c> (info).</summary>
    public const string QuaternionStoredXyzw = "K401";
    /// <summary>The right pupil's 3D position is a copy of the left pupil's (files up to 1.1).</summary>
    public const string PupilCopy = "K402";
    /// <summary>A point lies off its 3D projection by a known, bounded amount (1.5 eyebrow contour).</summary>
    public const string KnownProjectionOffset = "K403";
    /// <summary>An id repeats inside a system where the name is the real key (MPEG-4 in Dec-2022 files).</summary>
    public const string RepeatedId = "K404";

    // V5xx: versions and products.
    public const string UnknownVersion = "V501";
    public const string MissingVersion = "V502";
    /// <summary>An unknown version was decoded with the nearest older schema (lenient callers only).</summary>
    public const string NearestVersionUsed = "V503";
    /// <summary>The document is not a JSON object, so it has no version member to read.</summary>
    public const string NotAnObject = "V504";
    /// <summary>The document comes from a sibling product that reuses the format's version strings (e.g. Synthesis retail).</summary>
    public const string OtherProduct = "V505";
    /// <summary>A reader bound to one version was given a document that declares another (or none).</summary>
    public const string VersionMismatch = "V506";

    // B8xx: binary files (NumPy, ZIP, WAV, point caches). Located by byte offset (Finding.Offset).
    /// <summary>The file does not start with its format's signature.</summary>
    public const string BadSignature = "B801";
    /// <summary>A format version the reader does not know.</summary>
    public const string UnsupportedFormatVersion = "B802";
    /// <summary>A header that cannot be parsed (syntax, missing or extra keys, wrong value types).</summary>
    public const string BadHeader = "B803";
    /// <summary>An element type the codec does not decode (complex, datetime, nested records...).</summary>
    public const string UnsupportedElementType = "B804";
    /// <summary>A NumPy object array: a Python pickle, never executed.</summary>
    public const string ObjectArray = "B805";
    /// <summary>The file ends before the data its header declares.</summary>
    public const string DataTruncated = "B806";
    /// <summary>Sizes whose product or sum overflows, or that are negative.</summary>
    public const string SizeOverflow = "B807";
    /// <summary>Bytes after the declared data (warning: readers ignore them).</summary>
    public const string TrailingBytes = "B808";
    /// <summary>A ZIP archive whose directory or a member's headers are missing, malformed or out of bounds.</summary>
    public const string BadArchive = "B810";
    /// <summary>Two archive members with the same name (or the same NPZ key).</summary>
    public const string DuplicateEntry = "B811";
    /// <summary>A member name with a path separator, a drive, or "..": never used as a path.</summary>
    public const string UnsafeEntryName = "B812";
    /// <summary>A member's declared sizes disagree with each other or with its data.</summary>
    public const string EntrySizeMismatch = "B813";
    /// <summary>A compression method or encryption the reader does not support.</summary>
    public const string UnsupportedEntry = "B814";
    /// <summary>A declared size no compressed data can produce, or beyond the limit (a "ZIP bomb").</summary>
    public const string CompressionBomb = "B815";
    /// <summary>A member whose CRC-32 differs from the one declared.</summary>
    public const string ChecksumMismatch = "B816";
    /// <summary>A text mesh (.obj) line that cannot be read, or a face index outside the vertex list.</summary>
    public const string BadMeshLine = "B821";
    /// <summary>A Maya cache's .xml description and its data disagree (channels, sample times, counts).</summary>
    public const string CacheDescriptionMismatch = "B820";
    /// <summary>A Maya cache whose channel to read cannot be chosen, or whose channels NVIDIA's reader would not take as one shape.</summary>
    public const string CacheChannelChoice = "B822";
    /// <summary>An EXR Cryptomatte layer's metadata disagrees with the specification (manifest ids, hash, conversion; warning).</summary>
    public const string CryptomatteMismatch = "B830";

    // F6xx: files.
    public const string FileUnreadable = "F601";
    /// <summary>A file in an output folder whose name follows neither Synthesis naming convention: it belongs to no render (warning).</summary>
    public const string UnrecognisedFileName = "F602";
    /// <summary>A link that leads out of the folder being checked: reported, not followed (warning).</summary>
    public const string LinkOutsideFolder = "F603";

    // X7xx: checks across the files of one output folder.
    /// <summary>Two metadata lines describe the same render (render_id, camera, frame).</summary>
    public const string DuplicateRenderLine = "X701";
    /// <summary>A metadata line whose render has no files in the folder.</summary>
    public const string LineWithoutFiles = "X702";
    /// <summary>Render files without a metadata line.</summary>
    public const string FilesWithoutLine = "X703";
    /// <summary>identity_metadata differs between a metadata line and its render's info.json.</summary>
    public const string IdentityMismatch = "X704";
    /// <summary>facial_attributes differ between a metadata line and its render's info.json.</summary>
    public const string FacialAttributesMismatch = "X705";
    /// <summary>The requested resolution does not agree with the info.json intrinsics' principal point.</summary>
    public const string ResolutionMismatch = "X706";
    /// <summary>The requested focal length or sensor width does not agree with the info.json camera.</summary>
    public const string CameraMismatch = "X707";
    /// <summary>A segmentation mask whose size is not the render's (from the info.json intrinsics).</summary>
    public const string MaskSizeMismatch = "X708";
    /// <summary>Mask pixels whose value the render's segments_mapping (or clothing_segments_mapping) does not list.</summary>
    public const string MaskLabelNotMapped = "X709";
    /// <summary>A dense landmark mesh whose vertex count is not its kind's, or whose vertices do not project into the render.</summary>
    public const string MeshMismatch = "X710";
    /// <summary>A mask class the remapping target table lacks: its pixels become the target's default 0 (warning).</summary>
    public const string ClassNotInTarget = "X711";
    /// <summary>A cross-file check that could not run because the render's info.json lacks what it needs (warning).</summary>
    public const string CheckNotRun = "X712";
    /// <summary>A render lacks a file (a modality) that most renders of its folder have (warning).</summary>
    public const string MissingModality = "X713";
    /// <summary>Files named like a render's whose render has no info.json: nothing to check them against (warning).</summary>
    public const string FilesWithoutRender = "X714";

    // D9xx: datasets checked against a dataset layout (an Audio2Face-3D training dataset, or any other layout).
    /// <summary>A required folder or file of the layout is missing.</summary>
    public const string PartMissing = "D901";
    /// <summary>An entry no file of the layout claims, or a file where a placeholder folder holds only folders.</summary>
    public const string StrayEntry = "D902";
    /// <summary>A folder holds more than one of files only one of which is read (several cache formats).</summary>
    public const string SeveralAlternatives = "D903";
    /// <summary>A dimension (V, F, P, ...) differs between files that must agree.</summary>
    public const string DimensionMismatch = "D904";
    /// <summary>An array of the wrong dtype (warning where readers still cope).</summary>
    public const string WrongDType = "D905";
    /// <summary>An array of the wrong rank or with a fixed size that differs.</summary>
    public const string WrongShape = "D906";
    /// <summary>Values outside their range, or NaN/infinite where only finite numbers make sense.</summary>
    public const string ValueOutOfRange = "D907";
    /// <summary>An audio track below the sample rate or bit depth the layout asks for.</summary>
    public const string AudioQuality = "D908";
    /// <summary>Instances of a placeholder (shots) that do not agree across folders and archives, or names that are not portable.</summary>
    public const string InstancesDisagree = "D909";
    /// <summary>An audio track whose length is not its instance's frames / fps, or caches with different fps.</summary>
    public const string DurationMismatch = "D910";
    /// <summary>A file whose name contains several instances' names, which a match by substring attaches to all of them.</summary>
    public const string AmbiguousSubstring = "D911";
    /// <summary>A JSON file's field missing, of the wrong type, out of range, or of the wrong length.</summary>
    public const string BadField = "D912";
    /// <summary>A blendshape archive NVIDIA's SDK would refuse (pose names, neutral, deltas).</summary>
    public const string BlendshapeArchive = "D913";
    /// <summary>Two files that must hold the same values do not (the blendshape neutral and the training neutral).</summary>
    public const string ValuesDiffer = "D914";
    /// <summary>A layout's recommendations (instance count and length, instances per emotion, fps; NVIDIA's Audio2Face-3D guide's for A2F): warnings.</summary>
    public const string Recommendation = "D915";
}
