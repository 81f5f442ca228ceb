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

    /// <summary>
    /// Fields of this record's document that another writer owns (a deal's stage moves): a write of the record carries
    /// them over from the stored copy, and they never make a record differ from it.
    /// </summary>
    public virtual IReadOnlyList<string> KeptFields => [];

    /// <summary>
    /// A field every stored record has, when the collection can also hold documents with kept fields only (stage moves
    /// that came before their deal): those are no record. Null when every document is one.
    /// </summary>
    public virtual string? RequiredField => null;

    public abstract void Write(T record, BsonDocument document, AccountCodes accounts);

    public abstract T Read(BsonDocument document, CrmRef self, ReadContext context);
}
