namespace Codec.Generators;

/// <summary>Names of the pipeline steps, so tests can check which steps re-ran after an edit.</summary>
public static class TrackingNames
{
    public const string ParseSchema = "Codec.ParseSchema";
    public const string ResolveSchemas = "Codec.ResolveSchemas";
    public const string Changelogs = "Codec.Changelogs";
    public const string ConsumerRequests = "Codec.ConsumerRequests";
    public const string EmitConsumers = "Codec.EmitConsumers";
    public const string Diagnostics = "Codec.Diagnostics";
    public const string EmitVersion = "Codec.EmitVersion";
    public const string VersionEntries = "Codec.VersionEntries";
    public const string EmitDispatchers = "Codec.EmitDispatchers";
    public const string EmitTables = "Codec.EmitTables";
    public const string EmitDatasets = "Codec.EmitDatasets";
    public const string EmitRenders = "Codec.EmitRenders";
    public const string EmitViews = "Codec.EmitViews";
    public const string EmitSharedTypes = "Codec.EmitSharedTypes";
}
