using LiteDB;

namespace CrmBridge.Storage;

/// <summary>
/// One step of the schema. Applied at open, in version order, to databases whose version is lower;
/// the version is recorded right after, so each step runs once per database file.
/// </summary>
internal interface IStoreMigration
{
    /// <summary>The schema version this step leads to (1, 2, ...).</summary>
    int Version { get; }

    string Description { get; }

    void Apply(LiteDatabase database);
}
