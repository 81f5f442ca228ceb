using CrmBridge.Bitrix24.Api;
using CrmBridge.Crm;

namespace CrmBridge.Bitrix24.Transport;

/// <summary>
/// Turns a Bitrix24 error reply into the exception the caller can act on
/// (codes: bitrix24/b24restdocs _includes/system-errors.md, limits.md).
/// </summary>
internal static class Bitrix24Errors
{
    public const string QueryLimitExceeded = "QUERY_LIMIT_EXCEEDED";
    public const string OperationTimeLimit = "OPERATION_TIME_LIMIT";

    public static bool IsLimit(string? code) =>
        string.Equals(code, QueryLimitExceeded, StringComparison.OrdinalIgnoreCase)
        || string.Equals(code, OperationTimeLimit, StringComparison.OrdinalIgnoreCase);

    /// <summary>Null when the reply is not an error at all.</summary>
    public static Exception? Classify(string host, string method, int status, BitrixError? error)
    {
        var code = error?.Code ?? "";
        var description = error?.Description ?? "";
        var stop = StopMessage(host, method, code, status);
        if (stop is not null)
        {
            return new CrmStopException(stop);
        }

        if (string.Equals(code, QueryLimitExceeded, StringComparison.OrdinalIgnoreCase))
        {
            return new Bitrix24TransientException($"Bitrix24 portal {host}: {method} hit the request-rate limit ({code}, HTTP {status}).", true, status, code);
        }

        if (string.Equals(code, OperationTimeLimit, StringComparison.OrdinalIgnoreCase))
        {
            return new Bitrix24TransientException($"Bitrix24 portal {host}: {method} used up its operating-time budget ({code}, HTTP {status}).", true, status, code);
        }

        if (status >= 500)
        {
            return new Bitrix24TransientException($"Bitrix24 portal {host}: {method} failed with HTTP {status} {Describe(code, description)}.", false, status, code);
        }

        if (error is null && status is >= 200 and < 300)
        {
            return null;
        }

        return new Bitrix24Exception($"Bitrix24 portal {host}: {method} was refused with HTTP {status} {Describe(code, description)}.", status, code);
    }

    /// <summary>The error of one command inside a batch (the batch itself answered 200).</summary>
    public static Exception ClassifyCommand(string host, string method, BitrixError error) =>
        Classify(host, method, 400, error) ?? new Bitrix24Exception($"Bitrix24 portal {host}: {method} failed.");

    private static string Describe(string code, string description) =>
        (code.Length, description.Length) switch
        {
            (0, 0) => "(no error text)",
            (0, _) => $"(\"{description}\")",
            (_, 0) => $"({code})",
            _ => $"({code}: \"{description}\")",
        };

    private static string? StopMessage(string host, string method, string code, int status) => code.ToUpperInvariant() switch
    {
        "EXPIRED_TOKEN" or "INVALID_TOKEN" or "NO_AUTH_FOUND" or "INVALID_CREDENTIALS" =>
            $"Bitrix24 portal {host} rejected the inbound webhook ({code}) on {method}: it expired, was deleted or its user lost access. " +
            "Create a new inbound webhook (scopes crm, user) and set Bitrix24:WebhookUrl (environment CRMBRIDGE_Bitrix24__WebhookUrl). Sync stopped; checkpoints are kept.",
        "ACCESS_DENIED" =>
            $"Bitrix24 portal {host} denied REST access ({code}) on {method}: REST needs a paid plan and a webhook user with CRM rights. Sync stopped; checkpoints are kept.",
        "INSUFFICIENT_SCOPE" =>
            $"Bitrix24 portal {host}: the inbound webhook lacks the scope for {method} ({code}). Add the crm and user scopes to the webhook. Sync stopped; checkpoints are kept.",
        "PORTAL_DELETED" =>
            $"Bitrix24 portal {host} is deleted ({code}). Check Bitrix24:WebhookUrl. Sync stopped; checkpoints are kept.",
        "OVERLOAD_LIMIT" =>
            $"Bitrix24 portal {host} blocked REST calls ({code}): only Bitrix24 support can lift this block. Sync stopped; checkpoints are kept.",
        "" when status == 401 =>
            $"Bitrix24 portal {host} answered HTTP 401 on {method}: the inbound webhook is not accepted. Check Bitrix24:WebhookUrl. Sync stopped; checkpoints are kept.",
        _ => null,
    };
}
