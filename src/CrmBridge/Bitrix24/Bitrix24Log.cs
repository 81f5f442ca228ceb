using Microsoft.Extensions.Logging;

namespace CrmBridge.Bitrix24;

/// <summary>Log lines name the portal host only: the webhook path holds the secret.</summary>
internal static partial class Bitrix24Log
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Bitrix24 {Host}: method {Method} is out of operating time until {Until}")]
    public static partial void MethodBlocked(this ILogger logger, string host, string method, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bitrix24 {Host}: skipped malformed {Entity} record id {Id}: {Reason}")]
    public static partial void SkippedRecord(this ILogger logger, string host, string entity, string id, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bitrix24 {Host}: {Entity} {Mode} stored {Count} records")]
    public static partial void EntityLoaded(this ILogger logger, string host, string entity, string mode, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bitrix24 {Host}: sync done, {Companies} companies, {Persons} persons, {Deals} deals, {Activities} activities, {Users} users, {Skipped} skipped, {Requests} requests")]
    public static partial void SyncDone(this ILogger logger, string host, int companies, int persons, int deals, int activities, int users, int skipped, int requests);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bitrix24 {Host}: reading {Entity} failed; its checkpoint is kept: {Reason}")]
    public static partial void EntityFailed(this ILogger logger, string host, string entity, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bitrix24 {Host}: reconciliation marked {Count} {Entity} records deleted")]
    public static partial void Reconciled(this ILogger logger, string host, string entity, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bitrix24 {Host}: owner of company {CompanyId} changed from {From} to {To}")]
    public static partial void OwnerChanged(this ILogger logger, string host, string companyId, string? from, string to);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bitrix24 {Host}: requisite {RequisiteId} of company {CompanyId} already has {Fields}; nothing overwritten")]
    public static partial void RequisiteAlreadyFilled(this ILogger logger, string host, string requisiteId, string companyId, IEnumerable<string> fields);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bitrix24 {Host}: {Method} on company {CompanyId} had already landed (its marker is on the card); not written again")]
    public static partial void WriteAlreadyDone(this ILogger logger, string host, string method, string companyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bitrix24 {Host}: company {CompanyId} field {Field} has '{Value}': {Problem}")]
    public static partial void UnreadableField(this ILogger logger, string host, string companyId, string field, string value, string problem);
}
