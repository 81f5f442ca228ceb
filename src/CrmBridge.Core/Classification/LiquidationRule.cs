using CrmBridge.Core.Dedupe;
using CrmBridge.Core.Model;

namespace CrmBridge.Core.Classification;

/// <summary>A company the registry shows as liquidated or bankrupt leaves the working base: a quarantine finding per card.</summary>
public static class LiquidationRule
{
    public static bool IsGone(CompanyProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Status is RegistryStatus.Liquidated or RegistryStatus.Bankrupt;
    }

    /// <param name="cards">The cards carrying the profile's INN.</param>
    public static IReadOnlyList<Finding> Evaluate(IEnumerable<Company> cards, CompanyProfile profile, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cards);
        if (!IsGone(profile))
        {
            return [];
        }

        return [.. cards.Where(c => !c.IsDeleted).Select(card => new Finding
        {
            Rule = RuleNames.Liquidated,
            Subject = card.Ref,
            OwnerId = card.OwnerId,
            Severity = Severity.Warning,
            DetectedAt = now,
            Data = new Dictionary<string, string>
            {
                [DedupeDataKeys.Inn] = profile.Inn,
                [DedupeDataKeys.Title] = card.Title,
                [DedupeDataKeys.Status] = profile.RawStatus ?? profile.Status.ToString().ToUpperInvariant(),
                ["source"] = profile.Source,
            },
        })];
    }
}
