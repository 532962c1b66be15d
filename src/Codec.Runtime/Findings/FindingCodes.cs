using static Codec.Runtime.Findings.Severity;

namespace Codec.Runtime.Findings;

/// <summary>
/// Every finding code, registered once: its constant and, in its <see cref="FindingAttribute"/>, its documentation
/// (meaning, usual severity, what to do, an example). Codes never change meaning; new ones get new numbers.
/// J = JSON text, S = structure declared by the schema, R = semantic rules, K = known producer bugs,
/// V = versions and products, B = binary files, F = files. The codes of the layers above — X, checks across a
/// Synthesis output folder's files, and D, datasets checked against a layout — are registered there
/// (Codec.Formats.Findings), the same way.
/// </summary>
public static class FindingCodes
{
    // J1xx: the document is not usable JSON (fatal for the document unless noted).
    [Finding(Error, "The text is not JSON: a character where none belongs, a missing comma, quote or bracket.",
        "Open the file at the line and column given; a file cut off or edited by hand is the usual cause. Re-export it from its producer.",
        Example = "(12,5) /: expected ',' or '}' after a member")]
    public const string Syntax = "J101";

    [Finding(Error, "The document ends in the middle of a value: the file was cut short.",
        "Copy or download the file again; compare its size with the source's.", Example = "/: the document ends in the middle of a value")]
    public const string Truncated = "J102";

    [Finding(Error, "Objects or arrays are nested deeper than the decoder's limit (no real file of these formats comes near it).",
        "The file is not one of these formats, or was made to exhaust parsers; do not feed it to other tools either.", Example = "/: nesting deeper than 64 levels")]
    public const string TooDeep = "J103";

    [Finding(Error, "A string holds bytes that are not valid UTF-8.",
        "Find the encoding that wrote it (often Latin-1) and convert the file to UTF-8.", Example = "/landmarks/ibug68/0/name: string is not valid UTF-8")]
    public const string InvalidUtf8 = "J104";

    [Finding(Error, "A number is too large for the type the format declares (an integer beyond 64 bits, a float beyond double).",
        "Check the value at the path against what the producer documents; it is damage or a unit mistake.", Example = "/render_id: number out of range for int64")]
    public const string NumberOutOfRange = "J105";

    [Finding(Warning, "A Python-style NaN or Infinity token, which standard JSON does not allow: decoded, but other JSON readers refuse it.",
        "Find out why the producer wrote a non-finite value there; json.dump(allow_nan=False) makes Python refuse it.", Example = "/camera/focal_length_mm: Python-style 'NaN' is not standard JSON; decoded as NaN")]
    public const string NonStandardNumber = "J106";

    [Finding(Error, "A string longer than the decoder's limit.",
        "No real field is that long: the file is damaged or not of this format.", Example = "/version: string of 20000000 bytes exceeds the limit of 16777216")]
    public const string StringTooLong = "J107";

    [Finding(Warning, "The file has more findings than are listed; the rest are counted in the totals by severity.",
        "Fix the listed findings first (they usually share one cause), then check again.", Example = "/: 12,345 more findings are not listed (12,000 errors, 345 warnings)")]
    public const string TooManyFindings = "J108";

    [Finding(Error, "Something follows the end of the JSON document (a second document, or garbage).",
        "A metadata.jsonl holds one document per line; an info.json exactly one. Remove what follows, or rename a JSON Lines file to .jsonl.", Example = "(40,2) /: unexpected content after the end of the document")]
    public const string TrailingContent = "J109";

    [Finding(Error, "A document or line larger than the size limit: skipped unread.",
        "Raise --max-file-size if the file is genuine; an info.json is a few megabytes at most.", Example = "/: line is 300000000 bytes, longer than the limit; skipped unread")]
    public const string DocumentTooLarge = "J110";

    [Finding(Warning, "A member appears twice in one object; the last value is used, as most JSON readers do, but some take the first.",
        "Remove the duplicate so that every reader sees the same value.", Example = "/camera/intrinsics: member appears more than once; the last value is used")]
    public const string DuplicateMember = "J111";

    // S2xx: the schema's structural rules.
    [Finding(Error, "A value of the wrong JSON type for its member (a string where a number belongs, an object for an array).",
        "Compare the member with the format version the file declares (codec changelog shows the differences).", Example = "/camera/focal_length_mm: expected a number, found a string")]
    public const string WrongType = "S201";

    [Finding(Error, "A member the format version requires is missing.",
        "The file is incomplete or of another version: check its version member against what its producer wrote.", Example = "/camera/intrinsics: required member is missing")]
    public const string MissingMember = "S202";

    [Finding(Warning, "A member that is not part of the format version the file declares. Every built-in format reports it as a warning; a schema's \"unknownMembers\": \"error\" makes it an error.",
        "A newer version's member in an older file means the version member is wrong; a misspelt name means a hand edit.", Example = "/camera/lens_shift: member is not part of this format version", AlsoAs = [Error])]
    public const string UnknownMember = "S203";

    [Finding(Error, "An array with more or fewer items than the format declares (68 iBUG points, a 3x3 matrix).",
        "Look for points dropped by a filter or a matrix flattened by an exporter.", Example = "/landmarks/ibug68: expected exactly 68 items, found 67")]
    public const string CountOutOfBounds = "S204";

    [Finding(Error, "A number outside the range the schema declares (an age below 0, a negative focal length).",
        "Check the value against the producer's documentation for that member.", Example = "/identity_metadata/age: value 250 is outside [0, 120]")]
    public const string OutOfRange = "S205";

    [Finding(Error, "A string that is none of the values its member allows.",
        "The message lists the allowed values; a new value means a newer producer version, so check the version member.", Example = "/identity_metadata/gender: 'x' is not one of: male, female")]
    public const string UnknownEnumValue = "S206";

    [Finding(Error, "A string where a number is expected that does not hold a number.",
        "Fix the value; these members are numbers written as strings by some producer versions.", Example = "/render_id: expected a number or a string holding a number")]
    public const string NotNumericString = "S207";

    // R3xx: semantic rules declared in schemas, implemented in Codec.Runtime.Semantics.
    [Finding(Error, "A transform that should be rigid is not: its rotation part is not orthonormal, or it scales or shears.",
        "The matrix was written wrongly (transposed, row and column mixed) or is damaged; re-export the render.", Example = "/camera/transform_cam2world/mat_4x4: rotation part is not orthonormal (|R^T R - I| = 0.02)")]
    public const string NotRigidTransform = "R301";

    [Finding(Error, "Two transforms that should be each other's inverse (world2cam and cam2world) are not.",
        "One of the two matrices is stale or transposed; rebuild the render's camera data.", Example = "/camera/transform_world2cam/mat_4x4: is not the inverse of transform_cam2world (largest difference 0.4)")]
    public const string TransformsNotInverse = "R302";

    [Finding(Error, "A translation stored beside a matrix differs from the matrix's own translation column.",
        "The two were written from different states of the scene; trust neither until the render is re-exported.", Example = "/head_transform/translation: differs from the matrix's translation by 0.1 m")]
    public const string TranslationMismatch = "R303";

    [Finding(Error, "A quaternion does not describe the same rotation as the matrix beside it (or has zero length).",
        "Check the quaternion's component order; a swapped order is K401 (info), anything else is damage.", Example = "/head_transform/transform_head2world/quaternion_wxyz: rotates by 12 degrees from the matrix")]
    public const string QuaternionMismatch = "R304";

    [Finding(Error, "A camera-space position is not the world-space position seen through world2cam.",
        "The landmark's spaces were computed from different camera states; the labels of this render cannot be trusted.", Example = "/landmarks/ibug68/30/camera_space_pos: 0.03 m from world_space_pos through world2cam")]
    public const string CameraSpaceMismatch = "R305";

    [Finding(Error, "A distance_to_camera that is not the length of its camera-space position.",
        "Recompute the distance from camera_space_pos, or re-export the render.", Example = "/pupil_coordinates/pupil_left/distance_to_camera: 0.61 m, but |camera_space_pos| is 0.58 m")]
    public const string DistanceMismatch = "R306";

    [Finding(Error, "A landmark's screen position is not where its camera-space position projects through the intrinsics.",
        "A small offset of a whole system is a coordinate convention (origin, y axis); a few points off is damage. Codec names the pixel distance.", Example = "/landmarks/ibug68/8/screen_space_pos: 20.5 px from the projection of camera_space_pos")]
    public const string ProjectionMismatch = "R307";

    [Finding(Error, "A point's in-frustum flag disagrees with where it projects (inside the image but flagged out, or the reverse).",
        "Treat the flag as unreliable for this render and compute visibility from the projection.", Example = "/landmarks/ibug68/0/in_frustum: false, but the point projects inside the image")]
    public const string FrustumMismatch = "R308";

    [Finding(Error, "A field of view that does not follow from the sensor size and the focal length.",
        "One of field_of_view, sensor or focal_length_mm is stale; recompute the intrinsics you train with from two of them.", Example = "/camera/field_of_view/x_axis_rads: 0.70, but 2 atan(36 / (2 x 50)) is 0.69")]
    public const string FieldOfViewMismatch = "R309";

    [Finding(Error, "A vector that should have length 1 (a gaze direction) does not.",
        "Normalise it before use; if it is far from 1 the value is damaged.", Example = "/gaze_values/eye_left/gaze_vector: length 1.3, not 1")]
    public const string NotUnitVector = "R310";

    [Finding(Error, "Two entries of a list or mapping have the same key.",
        "Readers keep one of them at random; find which is right and remove the other.", Example = "/segments_mapping/hair: value 17 is also used by eyebrows")]
    public const string DuplicateKey = "R311";

    [Finding(Error, "A segment mapping with a gap: its values are not 0..N-1 in a row, or it has no background 0.",
        "Masks are read with the mapping as a dense table; a gap means a class whose pixels cannot be named.", Example = "/segments_mapping: mapping has no value 5 (values go up to 40)")]
    public const string MappingNotDense = "R312";

    [Finding(Error, "The principal point is not at the centre of the image (reserved: the built-in schemas check this across files as X706).",
        "Compare the intrinsics with the render resolution.", Example = "/camera/intrinsics: principal point (512, 500) is not the image centre (512, 512)")]
    public const string PrincipalPointOffCentre = "R313";

    [Finding(Error, "A landmark name its system's reference table does not know.",
        "A misspelt or renamed point: compare it with the table in schemas/synthesis/landmarks; training code indexing by name would miss it.", Example = "/landmarks/kinect_v2/3/name: 'HEAD_TOP' is not a Kinect v2 joint")]
    public const string UnknownTableName = "R314";

    [Finding(Error, "A landmark id its system's reference table does not know.",
        "Check the id against the system's table; ids beyond the table shift every index after them.", Example = "/landmarks/mpeg4/90/id: 90 is not an MPEG-4 feature point (there are 84)")]
    public const string UnknownTableId = "R315";

    [Finding(Error, "A landmark's id is not the one its name has in the reference table.",
        "Index points by name, not by id, for this render; ids and names were shuffled by the writer.", Example = "/landmarks/mpeg4/12/id: 12, but '2.13' is id 13")]
    public const string IdNameMismatch = "R316";

    [Finding(Warning, "A feature point lies off its reference table's recommended location (for example, left of a point it should be right of).",
        "Look at the render with codec render; a flipped side or a swapped pair shows at once.", Example = "/landmarks/mpeg4/20/camera_space_pos: 3.1 should lie above 3.9 (by 2.1 mm it does not)")]
    public const string LocationConstraint = "R317";

    // K4xx: known producer bugs — warnings, never errors.
    [Finding(Info, "Quaternions are stored in x,y,z,w order under the name quaternion_wxyz, as every real file does.",
        "Read the four numbers as x,y,z,w. Nothing to fix; listed with --info.", Example = "/head_transform/transform_head2world/quaternion_wxyz: stored as x,y,z,w")]
    public const string QuaternionStoredXyzw = "K401";

    [Finding(Warning, "The right pupil's 3D position is a copy of the left pupil's (a producer bug of files up to version 1.1).",
        "Do not train on the right pupil's 3D position from these files; the screen positions are right.", Example = "/pupil_coordinates/pupil_right/camera_space_pos: a copy of pupil_left's")]
    public const string PupilCopy = "K402";

    [Finding(Warning, "A point lies off its 3D projection by a known, bounded amount (the eyebrow contour of version 1.5).",
        "Known producer behaviour: use the screen positions, or exclude those points from 3D supervision.", Example = "/landmarks/ibug68/17/screen_space_pos: 14.2 px from the projection (within the known 25 px offset)")]
    public const string KnownProjectionOffset = "K403";

    [Finding(Warning, "An id repeats inside a system where the name is the real key (MPEG-4 in files of December 2022).",
        "Index the points of this system by name.", Example = "/landmarks/mpeg4/33/id: id 32 repeats; names are unique")]
    public const string RepeatedId = "K404";

    // V5xx: versions and products.
    [Finding(Error, "The document declares a version no schema describes; nothing is decoded.",
        "The message names the versions that exist. For a newer producer release, --lenient-versions reads it with the nearest older schema.", Example = "/version: '1.9' is not a known version of synthesis.info (0, 1, 1.1, 1.2, 1.3, 1.4, 1.5)")]
    public const string UnknownVersion = "V501";

    [Finding(Error, "The document has no version member, and the format has no version a file without one can be.",
        "Check that the file is of this format; a hand-made file needs its version member.", Example = "/version: the document declares no version")]
    public const string MissingVersion = "V502";

    [Finding(Warning, "An unknown version was decoded with the nearest older schema (with --lenient-versions).",
        "Findings of members the newer version added are expected; ask for a schema of the new version.", Example = "/version: '1.6' is unknown; decoded as 1.5")]
    public const string NearestVersionUsed = "V503";

    [Finding(Error, "The document is not a JSON object, so it has no version member to read.",
        "The file is not of this format (an array or a bare value).", Example = "/: the document is not a JSON object, so it is not a synthesis.info document")]
    public const string NotAnObject = "V504";

    [Finding(Error, "The document comes from another Synthesis product (retail, containers) that reuses the Human API's version strings.",
        "Check it with that product's tools; codec checks Human API outputs. Its other files are not cross-checked.", Example = "/: another Synthesis product, not the Human API (\"api\": 3)")]
    public const string OtherProduct = "V505";

    [Finding(Error, "A reader bound to one version was given a document that declares another version (or none).",
        "Bind the reader to the version the files have, or use the format's reader for every version.", Example = "/version: the document declares 1.4; this reader is bound to 1.3")]
    public const string VersionMismatch = "V506";

    // B8xx: binary files (NumPy, ZIP, WAV, point caches). Located by byte offset (Finding.Offset).
    [Finding(Error, "The file does not start with its format's signature (the .npy magic, RIFF, FOR4, a PNG header).",
        "The extension lies, or the file is empty or truncated; check what wrote it (codec inspect says what it holds).", Example = "/: the file has 3 bytes: too short for a .npy file")]
    public const string BadSignature = "B801";

    [Finding(Error, "A format version the reader does not know (a .npy version 4.0).",
        "Re-save the file with a standard writer (np.save).", Example = "/: format version 4.0 is not one of 1.0, 2.0, 3.0", AlsoAs = [Warning])]
    public const string UnsupportedFormatVersion = "B802";

    [Finding(Error, "A header that cannot be parsed: its syntax, missing or extra keys, wrong value types, or a size beyond the file.",
        "The file is damaged; re-export it. Codec reads headers strictly and never evaluates them.", Example = "/: the header claims 70000 bytes; more than 65535 are not read", AlsoAs = [Warning])]
    public const string BadHeader = "B803";

    [Finding(Error, "An element type codec does not decode here (complex, datetime, nested records), or not the numbers a cache holds.",
        "Save the array as float32 or float64.", Example = "/: an animation cache is a numeric [frames, vertices, 3] array; this is <c8 (complex)")]
    public const string UnsupportedElementType = "B804";

    [Finding(Error, "A NumPy object array: a Python pickle, which codec never executes.",
        "Loading it needs allow_pickle=True, which runs code from the file. Save plain numeric or byte-string arrays instead.", Example = "/: dtype 'O' is a pickled object array; not read")]
    public const string ObjectArray = "B805";

    [Finding(Error, "The file ends before the data its header declares (a cut-off copy), or it shrank while being read.",
        "Copy the file again and compare sizes; a truncated cache silently loses its last frames in other readers.", Example = "/: the header declares 1200000 bytes of data; 800000 follow it", AlsoAs = [Warning])]
    public const string DataTruncated = "B806";

    [Finding(Error, "Sizes whose product or sum overflows, or that are negative: a header that lies.",
        "The file is damaged or hostile; nothing was allocated for it.", Example = "/: shape (4294967296, 4294967296, 3) has more elements than a file can hold")]
    public const string SizeOverflow = "B807";

    [Finding(Warning, "Bytes after the declared data; readers ignore them.",
        "Harmless for reading, but a sign the file was written twice or appended to: compare it with its source.", Example = "/: 128 bytes after the array data are ignored")]
    public const string TrailingBytes = "B808";

    [Finding(Error, "A ZIP archive (.npz) whose directory or a member's headers are missing, malformed or out of bounds.",
        "Re-create the archive (np.savez); a truncated download is the usual cause.", Example = "/: the end record asks for ZIP64 but there is no ZIP64 locator")]
    public const string BadArchive = "B810";

    [Finding(Warning, "Two archive members with the same name (or the same NPZ key); the first is used.",
        "Other readers may take the other one: rebuild the archive with each key once.", Example = "/: member 'neutral.npy' appears twice; the first is used", AlsoAs = [Error])]
    public const string DuplicateEntry = "B811";

    [Finding(Error, "A member name with a path separator, a drive or '..', which would escape a folder if extracted; never used as a path.",
        "Do not unzip the archive with tools that follow such names; rebuild it with plain keys.", Example = "/: member name '../../etc/passwd' is a path (separators, a drive or '..'); it is not read")]
    public const string UnsafeEntryName = "B812";

    [Finding(Error, "A member's declared sizes disagree with each other or with its data.",
        "The archive is damaged; rebuild it.", Example = "/: member 'data.npy' declares 4096 bytes of data at 100, past the archive's end (2048 bytes)")]
    public const string EntrySizeMismatch = "B813";

    [Finding(Error, "A compression method or encryption the reader does not support.",
        "Write the archive with np.savez or np.savez_compressed (stored or deflate).", Example = "/: member 'data.npy' is encrypted")]
    public const string UnsupportedEntry = "B814";

    [Finding(Error, "A declared size no compressed data can produce, or beyond the limit (a \"ZIP bomb\").",
        "Nothing was inflated. If the member is genuine, it is larger than any array a dataset needs.", Example = "/: declares 1099511627776 bytes from 1024 compressed bytes: more than deflate can produce")]
    public const string CompressionBomb = "B815";

    [Finding(Error, "A member whose CRC-32 differs from the one declared: its bytes changed after it was written.",
        "Copy the archive again from its source; the data cannot be trusted.", Example = "/: CRC-32 of the data is not the declared 1a2b3c4d")]
    public const string ChecksumMismatch = "B816";

    [Finding(Error, "A Maya cache's .xml description and its data disagree (channels, sample times, counts), or the data it names is not beside it.",
        "Re-export the cache from Maya, or the .xml that belongs to this .mc; a stale .xml is the usual cause.", Example = "/: the .xml describes channel headShape, which no sample holds")]
    public const string CacheDescriptionMismatch = "B820";

    [Finding(Error, "A text mesh (.obj) line that cannot be read, or a face index outside the vertex list.",
        "Re-export the mesh; the file is damaged or truncated.", Example = "(5001,1) /: face index 4841 is beyond the 4840 vertices")]
    public const string BadMeshLine = "B821";

    [Finding(Error, "A Maya cache whose channel to read cannot be chosen (two shapes), or whose channels NVIDIA's reader would not take as one shape.",
        "Give --channel NAME (the message lists them) to convert or inspect; for training, export one vertex channel per cache.", Example = "/: the cache holds headShape (FloatVectorArray positions, 5000 vertices), tongueShape (...); choose one with --channel NAME")]
    public const string CacheChannelChoice = "B822";

    [Finding(Warning, "An EXR Cryptomatte layer's metadata disagrees with the Cryptomatte specification (manifest ids, hash, conversion).",
        "Masks decoded from this layer by name may come out empty; re-render with a standard Cryptomatte writer.", Example = "/: CryptoObject manifest id of 'head' is not its MurmurHash3")]
    public const string CryptomatteMismatch = "B830";

    // F6xx: files.
    [Finding(Error, "A file that could not be read: missing, no permission, not a regular file (a FIFO, a device, a link loop), or it failed while read.",
        "The message says why. A path that is not a regular file is never opened (it could block or never end).", Example = "/: is a named pipe (FIFO); only regular files are read")]
    public const string FileUnreadable = "F601";

    [Finding(Warning, "A file in an output folder whose name follows neither Synthesis naming convention: it belongs to no render.",
        "Move notes and tool outputs out of the delivery, or ignore the code for that path in codec.json.", Example = "notes.txt: belongs to no render: not named like a Synthesis render file; not checked")]
    public const string UnrecognisedFileName = "F602";

    [Finding(Warning, "A link that leads out of the folder being checked: reported, not followed.",
        "Copy the target into the dataset, or check the folder it points to as well.", Example = "cache/skin: a link to /mnt/other/skin, outside /data/claire; not followed")]
    public const string LinkOutsideFolder = "F603";

    [Finding(Error, "A Git LFS pointer where a file should be: the repository was cloned or pulled without Git LFS, so the data was never fetched.",
        "Install Git LFS (git lfs install) and run git lfs pull in the clone; the pointer names the object's oid and size.", Example = "cache/skin/shot1/shot1.npy: is a Git LFS pointer (oid sha256:4665a5ea…, 288,000,128 bytes), not the file: the data was never fetched; install Git LFS and run `git lfs pull` in the clone")]
    public const string LfsPointer = "F604";
}
