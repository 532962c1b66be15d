using System.Collections.Generic;
using System.Linq;
using Codec.Generators.Model;
using static Codec.Generators.Model.ValueKind;

namespace Codec.Generators.Rules;

/// <summary>
/// Every rule a schema may name, registered once. A format rule calls into <c>Codec.Runtime.Semantics</c> from
/// the generated validator; a dataset rule into <c>Codec.Formats.Datasets.DatasetRules</c> from the generated
/// contract; a render rule into <c>Codec.Formats.Validation.Folders.RenderRules</c> from the generated render contract. The schema checker holds every use to its registration (CODEC007, CODEC008, CODEC024), so a wrong
/// argument, a missing one or an unknown key fails the build instead of taking a default.
/// </summary>
internal static class RuleRegistry
{
    private const string Transform = "global::Codec.Runtime.Semantics.TransformRules.";
    private const string Camera = "global::Codec.Runtime.Semantics.CameraRules.";
    private const string Vector = "global::Codec.Runtime.Semantics.VectorRules.";
    private const string Tables = "global::Codec.Runtime.Semantics.TableRules.";
    private const string Datasets = "global::Codec.Formats.Datasets.DatasetRules.";
    private const string Renders = "global::Codec.Formats.Validation.Folders.RenderRules.";

    private static readonly RuleDefinition[] All =
    {
        // ---------------------------------------------------------------- format rules
        Format("rigid_transform", "rotation orthonormal, det +1, last row `0 0 0 1`", "R301")
            .Pointer("matrix", "a 4×4 transform", Mat4).Tolerance(1e-5).ReportsAt("matrix")
            .Calls(Transform + "RigidTransform({matrix}, {tolerance}, sink, {path})"),
        Format("inverse_transforms", "a·b = I", "R302")
            .Pointer("a", "a 4×4 transform", Mat4).Pointer("b", "its inverse", Mat4).Tolerance(1e-9).ReportsAt("b")
            .Calls(Transform + "InverseTransforms({a}, {b}, {tolerance}, sink, {path})"),
        Format("translation_matches", "translation = matrix column 3", "R303")
            .Pointer("matrix", "a 4×4 transform", Mat4).Pointer("translation", "its translation", Vec3).Tolerance(1e-9).ReportsAt("translation")
            .Calls(Transform + "TranslationMatches({matrix}, {translation}, {tolerance}, sink, {path})"),
        Format("quaternion_matches", "same rotation, in w,x,y,z or x,y,z,w order (x,y,z,w reported as info `K401`)", "R304", "K401")
            .Pointer("matrix", "a 4×4 transform", Mat4).Pointer("quaternion", "its rotation as a quaternion", Vec4).Tolerance(1e-6).ReportsAt("quaternion")
            .Calls(Transform + "QuaternionMatches({matrix}, {quaternion}, {tolerance}, sink, {path})"),
        Format("camera_space_matches_world", "camera = world2cam · world (metres)", "R305")
            .Pointer("world2cam", "the world-to-camera transform", Mat4).Pointer("world", "a point in world space", Vec3)
            .Pointer("camera", "the same point in camera space", Vec3).Tolerance(1e-5).ReportsAt("camera")
            .Calls(Camera + "CameraSpaceMatchesWorld({world2cam}, {world}, {camera}, {tolerance}, sink, {path})"),
        Format("distance_to_camera", "distance = \\|camera\\|", "R306")
            .Pointer("camera", "a point in camera space", Vec3).Pointer("distance", "its distance to the camera", Float, Int).Tolerance(1e-5).ReportsAt("distance")
            .Calls(Camera + "DistanceToCamera({camera}, {distance}, {tolerance}, sink, {path})"),
        Format("projects_to_screen", "OpenGL camera point projects through OpenCV intrinsics onto the screen fraction (pixels); `knownOffset` turns bounded deviations of listed ids into warnings `K403`", "R307", "K403")
            .Pointer("intrinsics", "the 3×3 camera intrinsics", Mat3).Pointer("camera", "a point in camera space", Vec3)
            .Pointer("screen", "its screen position as a fraction of the image", Vec2).Tolerance(0.25).KnownOffset().ReportsAt("screen")
            .Calls(Camera + "ProjectsToScreen({intrinsics}, {camera}, {screen}, {tolerance}, sink, {path}{knownOffset})"),
        Format("in_frustum_agrees", "in_frustum ⇔ screen inside [0, 1]²", "R308")
            .Pointer("screen", "a screen position as a fraction of the image", Vec2).Pointer("in_frustum", "whether the file says it is in view", Bool)
            .Tolerance(1e-9).ReportsAt("in_frustum")
            .Calls(Camera + "InFrustumAgrees({screen}, {in_frustum}, {tolerance}, sink, {path})"),
        Format("field_of_view", "fov = 2·atan(sensor / 2 / focal)", "R309")
            .Pointer("fov", "the field of view", Float, Int).Pointer("sensor", "the sensor size", Float, Int).Pointer("focal", "the focal length", Float, Int)
            .Tolerance(1e-6).ReportsAt("fov")
            .Calls(Camera + "FieldOfView({fov}, {sensor}, {focal}, {tolerance}, sink, {path})"),
        Format("unit_vector", "\\|v\\| = 1", "R310")
            .Pointer("vector", "a direction", Vec3).Tolerance(1e-4).ReportsAt("vector")
            .Calls(Vector + "UnitVector({vector}, {tolerance}, sink, {path})"),
        Format("distinct_points", "the two differ (a copy is the known pupil bug, warning `K402`)", "K402")
            .Pointer("a", "a point", Vec3).Pointer("b", "another point", Vec3).ReportsAt("b")
            .Calls(Vector + "DistinctPoints({a}, {b}, sink, {path})"),
        Format("unique", "no repeats in the list; `\"knownBug\": true` makes repeats warnings `K404`", "R311", "K404")
            .ItemPointer("key", "a member of the list's items, e.g. `/points/*/id`", Int, String).KnownBug().ReportsAt("key")
            .Keeps("global::Codec.Runtime.Semantics.UniqueKeys")
            .Calls("{state}.Check({key}, {knownBug}, sink, {path})"),
        Format("dense_mapping", "`background` = 0, values 0..n−1 without gaps or repeats, names unique", "R312")
            .Pointer("map", "names to label values", IntMap).ReportsAt("map")
            .Calls("global::Codec.Runtime.Semantics.MappingRules.DenseMapping({map}, sink, {path})"),
        Format("table_name", "the name is in the reference table", "R314")
            .Pointer("name", "a name", String).UsesTable(TableUse.AnyTable).ReportsAt("name")
            .Calls(Tables + "KnownName<{table}>({name}, sink, {path})"),
        Format("table_id", "id − idOffset is an id of the table", "R315")
            .Pointer("id", "an id", Int).UsesTable(TableUse.AnyTable).ReportsAt("id")
            .Calls(Tables + "KnownId<{table}>({id}, {idOffset}, sink, {path})"),
        Format("table_entry", "both known, and id − idOffset is the name's id in the table", "R314", "R315", "R316")
            .Pointer("id", "an id", Int).Pointer("name", "its name", String).UsesTable(TableUse.AnyTable).ReportsAt("name")
            .Calls(Tables + "Entry<{table}>({id}, {name}, {idOffset}, sink, {path})"),
        Format("location_constraints", "each point lies where the table recommends, in the head's frame (warnings)", "R317")
            .Pointer("head2world", "the head's transform", Mat4).ItemPointer("name", "a point's name, per list item", String)
            .ItemPointer("world", "its world position, per list item", Vec3).UsesTable(TableUse.LocatedTable).Tolerance(0.005).ReportsAt("world")
            .Keeps("global::Codec.Runtime.Semantics.LocationConstraintCheck<{table}>", "{state}.Finish({head2world}, {tolerance}, sink, {listPointer})")
            .Calls("{state}.Add({name}, {world}, i)"),

        // ---------------------------------------------------------------- dataset rules
        Dataset("instances_agree", "the instances of a placeholder in `in` are those of `reference`: one missing from `in` is reported with `missing`, one `reference` lacks with `extra`; a path with another placeholder is compared per instance of it, an `npz` file by its members", "D909")
            .Argument("placeholder", ArgumentType.Placeholder, "the placeholder whose values are compared, e.g. `shot`")
            .Argument("reference", ArgumentType.Path, "the folder (or file pattern) whose instances are the reference, e.g. `cache/skin/{shot}`")
            .Argument("in", ArgumentType.Path, "the folder or `npz` file compared with it")
            .Optional("missing", ArgumentType.Severity, "\"error\"", "`error` or `warning`: how an instance missing from `in` is reported")
            .Optional("extra", ArgumentType.Severity, "\"warning\"", "`error` or `warning`: how an instance that `reference` lacks is reported")
            .Optional("onlyIfAny", ArgumentType.Flag, "false", "missing instances are reported only when `in` holds any")
            .Calls(Datasets + "InstancesAgree(context, severity, {placeholder}, {reference}, {in}, {missing}, {extra}, {onlyIfAny})"),
        Dataset("portable_names", "instance names use only letters, digits, `_`, `.` and `-` (warnings): tools that write them unescaped into JSON or code break on others", "D909")
            .Argument("placeholder", ArgumentType.Placeholder, "the placeholder whose values are checked")
            .Argument("in", ArgumentType.Path, "the folder whose instances are checked")
            .Calls(Datasets + "PortableNames(context, {placeholder}, {in})"),
        Dataset("duration_matches_frames", "each audio track bound to a placeholder lasts that instance's `frames` / fps, within one frame; one fps for every instance (a cache's own, else `--fps`, else `defaultFps`)", "D910")
            .Argument("placeholder", ArgumentType.Placeholder, "the placeholder tracks and frame counts share, e.g. `shot`")
            .Argument("frames", ArgumentType.Dimension, "the dimension counting an instance's frames, e.g. `F`")
            .Optional("defaultFps", ArgumentType.Number, "30", "frames per second when no cache and no `--fps` gives one")
            .Calls(Datasets + "DurationMatchesFrames(context, severity, {placeholder}, {frames}, {defaultFps})"),
        Dataset("substring_claims", "no file of `in` has a name containing several instances of `reference` (warnings): a matcher by substring attaches it to all of them", "D911")
            .Argument("placeholder", ArgumentType.Placeholder, "the placeholder of the reference instances")
            .Argument("reference", ArgumentType.Path, "the folder whose instances are matched")
            .Argument("in", ArgumentType.Path, "the folder whose file names are matched")
            .Calls(Datasets + "SubstringClaims(context, {placeholder}, {reference}, {in})"),
        Dataset("blendshape_npz", "`names` lists the poses, the neutral first, and every other pose is a member of the neutral's size; members neither listed nor declared are warnings", "D913")
            .Argument("npz", ArgumentType.Path, "the archive")
            .Optional("names", ArgumentType.Text, "\"poseNames\"", "the member listing the pose names")
            .Optional("neutral", ArgumentType.Text, "\"neutral\"", "the name the first pose must have")
            .Calls(Datasets + "BlendshapeNpz(context, severity, {npz}, {names}, {neutral})"),
        Dataset("same_values", "two arrays hold the same values within `tolerance`", "D914")
            .Argument("a", ArgumentType.Path, "a file, or `file#member` of an archive", readsValues: true)
            .Argument("b", ArgumentType.Path, "another", readsValues: true)
            .Optional("tolerance", ArgumentType.Number, "1e-05", "the largest difference allowed")
            .Calls(Datasets + "SameValues(context, severity, {a}, {b}, {tolerance})"),
        Dataset("audio_levels", "each audio track in `in` is fit to learn from: fewer than `maxClipped` of its samples clipped (in runs of `clipRun` or more at full scale), fewer than `maxSilent` of its 50 ms windows below `silenceDb`, a DC offset of at most `maxDcOffset` and a peak of at least `minPeakDb`", "D908")
            .Argument("in", ArgumentType.Path, "the folder of the tracks, e.g. `audio` or `audio/aug/{voice}`")
            .Optional("clipRun", ArgumentType.Count, "3", "consecutive samples of a channel at full scale that are clipping, not a loud peak")
            .Optional("maxClipped", ArgumentType.Number, "0.001", "the share of samples that may be clipped")
            .Optional("silenceDb", ArgumentType.Number, "-50", "the level (dB below full scale) under which a window is silence")
            .Optional("maxSilent", ArgumentType.Number, "0.6", "the share of windows that may be silence")
            .Optional("maxDcOffset", ArgumentType.Number, "0.01", "the largest mean of a channel, as a share of full scale")
            .Optional("minPeakDb", ArgumentType.Number, "-30", "the level (dB below full scale) the loudest sample reaches at least")
            .Calls(Datasets + "AudioLevels(context, severity, {in}, {clipRun}, {maxClipped}, {silenceDb}, {maxSilent}, {maxDcOffset}, {minPeakDb})"),
        Dataset("recommendations", "the reference instances are enough, long enough and spread over the listed emotions (an instance's emotion is the first listed name its name contains, else `neutral`)", "D915")
            .Argument("placeholder", ArgumentType.Placeholder, "the placeholder of the instances, e.g. `shot`")
            .Argument("reference", ArgumentType.Path, "the folder of the instances, e.g. `cache/skin/{shot}`")
            .Argument("frames", ArgumentType.Dimension, "the dimension counting an instance's frames")
            .Optional("minShots", ArgumentType.Count, "50", "instances at least")
            .Optional("minSeconds", ArgumentType.Number, "3", "seconds an instance lasts at least")
            .Optional("maxSeconds", ArgumentType.Number, "30", "seconds an instance lasts at most")
            .Optional("minShotsPerEmotion", ArgumentType.Count, "3", "instances per emotion at least")
            .Optional("minFps", ArgumentType.Number, "30", "frames per second at least")
            .Optional("defaultFps", ArgumentType.Number, "30", "frames per second when no cache and no `--fps` gives one")
            .Optional("emotions", ArgumentType.Words, "[\"neutral\"]", "the emotions, as substrings of instance names")
            .Calls(Datasets + "Recommendations(context, severity, {placeholder}, {reference}, {frames}, {minShots}, {minSeconds}, {maxSeconds}, {minShotsPerEmotion}, {minFps}, {defaultFps}, {emotions})"),

        // ---------------------------------------------------------------- render rules (each applies to the files its use names in `in`)
        Render("size_matches_intrinsics", "the file is the render's size, twice the principal point of the info.json's intrinsics within `tolerance` pixels (an EXR by its display window); an image or EXR of another size is not checked further", "X708", "X715", "X712")
            .AppliesTo("mask", "image", "exr")
            .Argument("tolerance", ArgumentType.Tolerance, "pixels between half the image's size and the principal point")
            .Calls(Renders + "SizeMatchesIntrinsics(context, {tolerance})"),
        Render("mask_values_mapped", "every value of the mask is listed by the info.json's mapping the mask file names", "X709")
            .AppliesTo("mask")
            .Calls(Renders + "MaskValuesMapped(context)"),
        Render("mesh_vertices", "the mesh has exactly `vertices` vertices", "X710")
            .AppliesTo("mesh")
            .Argument("vertices", ArgumentType.Count, "the vertex count of this kind of mesh")
            .Calls(Renders + "MeshVertices(context, {vertices})"),
        Render("requested_in_mask", "each item the metadata line requests (its style not `none`) has pixels of its class in the mask, and a class only that item makes has none when it was not requested (an item whose class the mask's mapping does not list is not checked)", "X725")
            .AppliesTo("mask")
            .Argument("items", ArgumentType.Words, "requested items and their classes, `item:class`: `glasses`, `headwear`, `mask`, `headphones` or `facial_hair`, e.g. `facial_hair:beard`")
            .Argument("none", ArgumentType.Text, "the style that means not requested (`none`)")
            .Calls(Renders + "RequestedInMask(context, {items}, {none})"),
        Render("mesh_surface", "no vertex stands out of the surface (its edges over `vertexRatio` times as long as its neighbours' edges) and no face joins far vertices (an edge over `edgeRatio` times the mesh's median edge)", "X724")
            .AppliesTo("mesh")
            .Argument("vertexRatio", ArgumentType.Tolerance, "how many times as long as its neighbours' edges a vertex's edges may be")
            .Argument("edgeRatio", ArgumentType.Tolerance, "how many times the mesh's median edge an edge may be")
            .Calls(Renders + "MeshSurfaceHolds(context, {vertexRatio}, {edgeRatio})"),
        Render("mesh_in_view", "through the info.json's camera, no vertex lies behind it and at most half project outside the image", "X710", "X712")
            .AppliesTo("mesh")
            .Calls(Renders + "MeshInView(context)"),
        Render("mesh_near_landmarks", "each iBUG-68 point from `firstPoint` (0-based) lies within `tolerance` millimetres of a vertex, in camera space", "X722")
            .AppliesTo("mesh")
            .Argument("firstPoint", ArgumentType.Count, "the first iBUG-68 point held to the mesh")
            .Argument("parts", ArgumentType.Text, "what those points are, for the message")
            .Argument("tolerance", ArgumentType.Tolerance, "millimetres between a point and the nearest vertex")
            .Calls(Renders + "MeshNearLandmarks(context, {firstPoint}, {parts}, {tolerance})"),
        Render("not_blank", "the image is not one colour", "X716")
            .AppliesTo("image", "pass")
            .Calls(Renders + "NotBlank(context)"),
        Render("depth_in_range", "depth is finite, and within the info.json's zmin..zmax (an EXR header's where the info.json has none) where there is surface: the fully opaque pixels of `surface`, or without it the classes of `mask`", "X717")
            .AppliesTo("image", "pass")
            .Argument("surface", ArgumentType.File, "the file whose fully opaque pixels are surface")
            .Argument("mask", ArgumentType.File, "the mask whose classes are surface where there is no `surface`")
            .Calls(Renders + "DepthInRange(context, {surface}, {mask})"),
        Render("unit_normals", "at most a `share` of the surface pixels (as for depth_in_range, less those of `mask`'s classes in `exceptClasses`) have normals whose length is off 1 by more than `length`; colour-coded normals are not checked", "X718")
            .AppliesTo("image", "pass")
            .Argument("surface", ArgumentType.File, "the file whose fully opaque pixels are surface")
            .Argument("mask", ArgumentType.File, "the mask whose classes are surface where there is no `surface`")
            .Argument("length", ArgumentType.Tolerance, "how far from 1 a normal's length may be")
            .Argument("share", ArgumentType.Tolerance, "the share of surface pixels whose normal may be off more")
            .Optional("exceptClasses", ArgumentType.Words, "[]", "classes of `mask` (by the names its mapping gives) whose pixels are not held to unit length: a producer convention, with its reason in the rule's description")
            .Calls(Renders + "UnitNormals(context, {surface}, {mask}, {length}, {share}, {exceptClasses})"),
        Render("agrees_with_mask", "the image (an alpha or a foreground mask) and `mask` disagree about background on at most a `share` of the pixels", "X719")
            .AppliesTo("image", "pass")
            .Argument("mask", ArgumentType.File, "the segmentation mask")
            .Argument("share", ArgumentType.Tolerance, "the share of pixels that may disagree (edges)")
            .Argument("clear", ArgumentType.Text, "what the image's background pixels are, for the message (`transparent`)")
            .Argument("covered", ArgumentType.Text, "what its other pixels are (`opaque`)")
            .Calls(Renders + "AgreesWithMask(context, {mask}, {share}, {clear}, {covered})"),
        Render("exr_channels", "the EXR's first part has every one of `channels`", "X720")
            .AppliesTo("exr")
            .Argument("channels", ArgumentType.Words, "the channels it must have")
            .Calls(Renders + "ExrChannels(context, {channels})"),
        Render("exr_depth_range", "the EXR header's zmin/zmax are the info.json's", "X720")
            .AppliesTo("exr")
            .Calls(Renders + "ExrDepthRange(context)"),
        Render("exr_passes", "where codec decodes the EXR's pixels, each pass the file declares is checked by the rules of the file it stands for", "X716", "X717", "X718", "X719")
            .AppliesTo("exr")
            .Calls(Renders + "ExrPasses(context)"),
        Render("class_passes", "each `prefix`<class> channel of the EXR agrees with `mask`'s pixels of that class (named by the mask's mapping) on all but a `share` of the pixels", "X723")
            .AppliesTo("exr")
            .Argument("prefix", ArgumentType.Text, "the channel names' common start")
            .Argument("mask", ArgumentType.File, "the segmentation mask")
            .Argument("share", ArgumentType.Tolerance, "the share of pixels that may disagree (edges)")
            .Calls(Renders + "ClassPasses(context, {prefix}, {mask}, {share})"),
        Render("cryptomatte_ids", "every id covering a pixel of a Cryptomatte layer is named by the layer's manifest", "X721")
            .AppliesTo("exr")
            .Calls(Renders + "CryptomatteIds(context)"),
        Render("line_matches_info", "the render's metadata line asks for what the info.json holds: identity, face settings, the resolution (within `resolution` pixels of twice the principal point) and the lens (within `lens`, relative)", "X704", "X705", "X706", "X707", "X712")
            .AppliesTo("info")
            .Argument("resolution", ArgumentType.Tolerance, "pixels between half the requested resolution and the principal point")
            .Argument("lens", ArgumentType.Tolerance, "relative difference between requested and rendered focal length and sensor width")
            .Calls(Renders + "LineMatchesInfo(context, {resolution}, {lens})"),
    };

    public static readonly IReadOnlyDictionary<string, RuleDefinition> FormatRules = All.Where(r => r.Scope == RuleScope.Format).ToDictionary(r => r.Name);

    public static readonly IReadOnlyDictionary<string, RuleDefinition> DatasetRules = All.Where(r => r.Scope == RuleScope.Dataset).ToDictionary(r => r.Name);

    public static readonly IReadOnlyDictionary<string, RuleDefinition> RenderRules = All.Where(r => r.Scope == RuleScope.Render).ToDictionary(r => r.Name);

    public static string Names(RuleScope scope) =>
        string.Join(", ", All.Where(r => r.Scope == scope).Select(r => r.Name).OrderBy(k => k, System.StringComparer.Ordinal));

    private static RuleDefinition Format(string name, string summary, params string[] codes) => new(RuleScope.Format, name, summary, codes);

    private static RuleDefinition Dataset(string name, string summary, params string[] codes) => new(RuleScope.Dataset, name, summary, codes);

    private static RuleDefinition Render(string name, string summary, params string[] codes) => new(RuleScope.Render, name, summary, codes);
}
