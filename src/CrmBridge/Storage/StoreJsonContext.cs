using System.Text.Json.Serialization;
using CrmBridge.Core.Model;

namespace CrmBridge.Storage;

/// <summary>
/// Source-generated JSON for what the Store keeps: records are stored as JSON inside LiteDB documents so the
/// Core model needs no LiteDB attributes and round-trips exactly (offsets, decimals, lists, nullables).
/// </summary>
[JsonSourceGenerationOptions(Converters = [typeof(CrmRefJsonConverter)], UseStringEnumConverter = true)]
[JsonSerializable(typeof(Company))]
[JsonSerializable(typeof(Person))]
[JsonSerializable(typeof(Deal))]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(Manager))]
[JsonSerializable(typeof(Pipeline))]
[JsonSerializable(typeof(StageChange))]
[JsonSerializable(typeof(OwnerChange))]
[JsonSerializable(typeof(SyncCheckpoint))]
[JsonSerializable(typeof(CompanyProfile))]
[JsonSerializable(typeof(OutboxEntry))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
