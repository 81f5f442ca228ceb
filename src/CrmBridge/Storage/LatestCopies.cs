using CrmBridge.Core.Model;

namespace CrmBridge.Storage;

/// <summary>
/// A page's records by reference, for the repositories' upserts: within one batch the last copy of a reference wins,
/// as if the records had been written one by one. Every row handed in is counted on the meter, kept or not.
/// </summary>
internal static class LatestCopies
{
    public static Dictionary<CrmRef, T> Of<T>(IEnumerable<T> records, RowMeter? meter)
        where T : IRecord
    {
        ArgumentNullException.ThrowIfNull(records);
        var latest = new Dictionary<CrmRef, T>();
        foreach (var record in records)
        {
            latest[record.Ref] = record;
            meter?.Add(record.Ref.Crm, 1);
        }

        return latest;
    }
}
