using System.Text.Json;
using System.Text.Json.Serialization;
using CrmBridge.Core.Model;
using CrmBridge.Storage;

namespace CrmBridge.Sync;

/// <summary>The last tick per CRM account, kept as one small value in the Store.</summary>
internal sealed class TickLog(IKeyValueStore values)
{
    private const string Key = "sync:last-ticks";
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };
    private readonly Lock gate = new();

    public void Record(CrmKind crm, string account, DateTimeOffset at, string? error)
    {
        lock (gate)
        {
            var all = All().ToList();
            var previous = all.Find(r => r.Crm == crm && r.Account == account);
            all.RemoveAll(r => r.Crm == crm && r.Account == account);
            all.Add(new TickRecord(crm, account, at, error is null, error, error is null ? at : previous?.LastSuccessAt));
            values.Set(Key, JsonSerializer.Serialize(all, Json));
        }
    }

    /// <summary>Every CRM account that has ticked, in the order they first did.</summary>
    public IReadOnlyList<TickRecord> All() =>
        values.Get(Key) is { } text ? JsonSerializer.Deserialize<List<TickRecord>>(text, Json) ?? [] : [];
}
