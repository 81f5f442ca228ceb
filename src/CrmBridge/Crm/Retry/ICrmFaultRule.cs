using Polly;

namespace CrmBridge.Crm.Retry;

/// <summary>What one CRM's replies mean for a retry: its error shapes, its stop codes and which of its calls may repeat.</summary>
internal interface ICrmFaultRule
{
    /// <summary>The CRM's name as people know it ("Bitrix24", "amoCRM").</summary>
    string Crm { get; }

    /// <summary>The call in words for log lines ("crm.company.list", "GET /api/v4/leads"); never a secret.</summary>
    string Describe(HttpRequestMessage request);

    /// <summary>A read, or a write that changes nothing when repeated: it may repeat after an ambiguous failure.</summary>
    bool IsIdempotent(HttpRequestMessage request);

    /// <summary>The transient fault this outcome is, or null when it is a reply to keep (success, a refusal, a stop code).</summary>
    ValueTask<TransientFault?> ClassifyAsync(Outcome<HttpResponseMessage> outcome, HttpRequestMessage request);
}
