using System.Globalization;
using CrmBridge.AmoCrm.Api;
using CrmBridge.Core.Model;
using CrmBridge.Storage;
using Microsoft.Extensions.Logging;

namespace CrmBridge.AmoCrm;

/// <summary>
/// Users and pipelines change rarely, so a tick reads them only when due: on the first load, on a full tick, once
/// AmoCrm:ReferenceRefreshMinutes have passed since the last read, or at once when a record read this tick names a
/// user, pipeline or status the Store does not know. A change they bring still marks every company changed (the Store
/// does that), so the next evaluation is full as before — it is just noticed within the refresh period.
/// </summary>
internal sealed partial class AmoReferenceWatch(ICrmStore store, string account, int refreshMinutes, TimeProvider time)
{
    private HashSet<string>? _users;
    private HashSet<(string Pipeline, string Stage)>? _stages;

    /// <summary>The Store value holding when the reference lists were last read (round-trip UTC).</summary>
    public string Key { get; } = $"amocrm:{account}:references-read-at";

    /// <summary>Whether records are checked against the stored references (not while the lists are read anyway).</summary>
    public bool Watching { get; set; }

    /// <summary>The first unknown reference a record named this tick, for the log; null = none.</summary>
    public string? Unknown { get; private set; }

    public bool Due()
    {
        if (store.Values.Get(Key) is not { } text
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var readAt))
        {
            return true;
        }

        var now = time.GetUtcNow();
        return now - readAt >= TimeSpan.FromMinutes(refreshMinutes) || readAt > now;
    }

    public void Read() => store.Values.Set(Key, time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));

    /// <summary>Passes the record through, remembering it if it names a user the Store lacks.</summary>
    public T Note<T>(T record, string? ownerId)
    {
        if (Watching && Unknown is null && ownerId is { Length: > 0 } and not "0" && !Users().Contains(ownerId))
        {
            Unknown = $"user {ownerId}";
        }

        return record;
    }

    /// <summary>A deal names its owner, pipeline and status; 142 (won) and 143 (lost) exist in every pipeline.</summary>
    public Deal Note(Deal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        Note(deal, deal.OwnerId);
        if (Watching && Unknown is null && !IsClosedStatus(deal.StageId) && !Stages().Contains((deal.PipelineId, deal.StageId)))
        {
            Unknown = $"status {deal.StageId} of pipeline {deal.PipelineId}";
        }

        return deal;
    }

    [LoggerMessage(30, LogLevel.Information, "amoCRM {Account}: a record names {Reference}, unknown to the Store; users and pipelines are read again")]
    public static partial void ReferencesUnknown(ILogger logger, string account, string reference);

    private static bool IsClosedStatus(string stageId) =>
        stageId == AmoStatus.Won.ToString(CultureInfo.InvariantCulture) || stageId == AmoStatus.Lost.ToString(CultureInfo.InvariantCulture);

    private HashSet<string> Users() =>
        _users ??= store.Managers.ByAccount(CrmKind.AmoCrm, account).Select(m => m.Ref.Id).ToHashSet(StringComparer.Ordinal);

    private HashSet<(string, string)> Stages() =>
        _stages ??= store.Pipelines.ByAccount(CrmKind.AmoCrm, account).SelectMany(p => p.Stages.Select(s => (p.Ref.Id, s.Id))).ToHashSet();
}
