using CrmBridge.Core.Kpi;

namespace CrmBridge.Digest;

/// <summary>A rendered digest: its sections, the Telegram messages they pack into, and its charts (sent as photos first).</summary>
internal sealed record DigestMessage(
    KpiReport Report,
    IReadOnlyList<DigestSection> Sections,
    IReadOnlyList<string> Messages,
    IReadOnlyList<DigestChart> Charts);
