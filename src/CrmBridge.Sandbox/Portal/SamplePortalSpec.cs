namespace CrmBridge.Sandbox.Portal;

/// <summary>What to generate: the number of companies, the seed and the moment the data is relative to.</summary>
public sealed record SamplePortalSpec
{
    public const int MinSize = 200;
    public const int MaxSize = 1_000_000;

    /// <summary>Companies across both CRMs, 200..1,000,000.</summary>
    public int Size { get; init; } = 1_000;

    public long Seed { get; init; } = 20261123;

    /// <summary>The reference "now": yesterday, cooldowns and ownership clocks are relative to it.</summary>
    public DateTimeOffset Now { get; init; } = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(3));

    /// <summary>Share of companies in the Bitrix24 portal; the rest are in amoCRM.</summary>
    public double BitrixShare { get; init; } = 0.6;

    /// <summary>The portal's UTC offset (Europe/Moscow has no DST).</summary>
    public TimeSpan UtcOffset { get; init; } = TimeSpan.FromHours(3);

    public string BitrixPortal { get; init; } = "sandbox.bitrix24.ru";

    public string AmoSubdomain { get; init; } = "sandbox";

    public void Validate()
    {
        if (Size is < MinSize or > MaxSize)
        {
            throw new ArgumentOutOfRangeException(nameof(Size), Size, $"Size must be from {MinSize} to {MaxSize} companies.");
        }

        if (BitrixShare is < 0.2 or > 0.8)
        {
            throw new ArgumentOutOfRangeException(nameof(BitrixShare), BitrixShare, "BitrixShare must be from 0.2 to 0.8.");
        }
    }
}
