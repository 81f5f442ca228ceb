using Microsoft.Extensions.Logging;

namespace CrmBridge.AmoCrm;

/// <summary>Log lines of the amoCRM connector. None takes a token, secret, code or request header.</summary>
internal static partial class AmoCrmLog
{
    [LoggerMessage(1, LogLevel.Information, "amoCRM {Account} authorized; the access token expires at {ExpiresAt:O}")]
    public static partial void Authorized(ILogger logger, string account, DateTimeOffset expiresAt);

    [LoggerMessage(2, LogLevel.Information, "amoCRM {Account} access token refreshed; the new one expires at {ExpiresAt:O}")]
    public static partial void TokenRefreshed(ILogger logger, string account, DateTimeOffset expiresAt);

    [LoggerMessage(3, LogLevel.Error, "amoCRM {Account} answered {Status} to {Method} {Path}; calls stop until the next tick")]
    public static partial void AccountStopped(ILogger logger, string account, int status, string method, string? path);

    [LoggerMessage(4, LogLevel.Warning, "amoCRM {Account}: skipped malformed {Entity} record id={Id}: {Reason}")]
    public static partial void RecordSkipped(ILogger logger, string account, string entity, string? id, string reason);

    [LoggerMessage(5, LogLevel.Warning, "amoCRM {Account}: {Entity} {Id} has an unreadable value in custom field {FieldId}; the field is ignored")]
    public static partial void BrokenField(ILogger logger, string account, string entity, long id, long fieldId);

    [LoggerMessage(6, LogLevel.Information, "amoCRM {Account}: {Entity} page {Page} stored ({Stored} records, {Skipped} skipped)")]
    public static partial void PageStored(ILogger logger, string account, string entity, int page, int stored, int skipped);

    [LoggerMessage(7, LogLevel.Information, "amoCRM {Account}: {What} already present on company {CompanyId}; not added again")]
    public static partial void WriteAlreadyDone(ILogger logger, string account, string what, long companyId);

    [LoggerMessage(8, LogLevel.Information, "amoCRM {Account}: company {CompanyId} has no configured field for {Fields} ({Settings}); those values are not written")]
    public static partial void FieldsNotConfigured(ILogger logger, string account, long companyId, IEnumerable<string> fields, IEnumerable<string> settings);

    [LoggerMessage(9, LogLevel.Information, "amoCRM {Account}: company {CompanyId} already has {Fields}; nothing overwritten")]
    public static partial void FieldsAlreadyFilled(ILogger logger, string account, long companyId, IEnumerable<string> fields);
}
