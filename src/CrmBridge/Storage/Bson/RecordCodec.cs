using CrmBridge.Core.Model;
using LiteDB;

namespace CrmBridge.Storage.Bson;

/// <summary>
/// How one record type is laid out in its collection: short field names, absent defaults, references as account-coded
/// keys. Field names are part of the file format: renaming one needs a migration.
/// </summary>
internal abstract class RecordCodec<T>
    where T : class, IRecord
{
    /// <summary>The company reference field of records bound to a company.</summary>
    public const string CompanyField = "c";

    /// <summary>ModifiedAt.</summary>
    public const string ModifiedField = "m";

    public abstract string Collection { get; }

    /// <summary>The fields the Store queries by; each gets an index.</summary>
    public virtual IReadOnlyList<string> Indexes => [];

    /// <summary>
    /// True when ModifiedAt is CrmBridge's read time rather than the CRM's (users, pipelines): a re-read with nothing
    /// else different is no change.
    /// </summary>
    public virtual bool ModifiedIsReadTime => false;

    public abstract void Write(T record, BsonDocument document, AccountCodes accounts);

    public abstract T Read(BsonDocument document, CrmRef self, ReadContext context);
}
