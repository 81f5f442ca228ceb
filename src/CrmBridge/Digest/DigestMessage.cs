using CrmBridge.Core.Kpi;

namespace CrmBridge.Digest;

/// <summary>A rendered digest: its sections, the Telegram messages they pack into, and the funnel chart.</summary>
internal sealed record DigestMessage(
    KpiReport Report,
    IReadOnlyList<DigestSection> Sections,
    IReadOnlyList<string> Messages,
    byte[]? Chart,
    string ChartCaption);
