using CrmBridge.Core.Classification;
using CrmBridge.Core.Identifiers;
using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;
using CrmBridge.Outbox;
using CrmBridge.Storage;
using Microsoft.Extensions.Options;

namespace CrmBridge.Enrichment;

/// <summary>
/// Reads the enrichment cache for each card: a liquidated or bankrupt company becomes a quarantine finding, the category
/// is decided from the configured criteria (kept while the registry facts are unchanged, decided again when they
/// change; only new or changed decisions are returned, for the caller to store), and (opt-in) empty KPP/OGRN are
/// queued for write-back through the outbox.
/// </summary>
internal sealed class EnrichmentReview(EnrichmentCache cache, IOptions<EnrichmentOptions> options)
{
    public EnrichmentReviewResult Review(IEnumerable<Company> companies, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(companies);
        var settings = options.Value;
        var calendar = new PortalCalendar(zone);
        var criteria = settings.CategoryCriteria.ToCriteria();
        var findings = new List<Finding>();
        var categories = new List<(Company, CategoryDecision)>();
        var actions = new List<PlannedAction>();
        foreach (var card in companies.Where(c => !c.IsDeleted))
        {
            if (!Inn.TryParse(card.Inn, out var inn) || cache.Get(inn.Value)?.Profile is not { } profile)
            {
                continue;
            }

            findings.AddRange(LiquidationRule.Evaluate([card], profile, now));
            if (settings.CategoryCriteria.Any)
            {
                var decision = CategoryClassifier.Decide(card.CategoryDecision, profile, criteria, now, calendar);
                if (!Equals(decision, card.CategoryDecision))
                {
                    categories.Add((card, decision));
                }
            }

            if (settings.WriteBackEmptyFields && WriteBack(card, profile) is { } action)
            {
                actions.Add(action);
            }
        }

        return new EnrichmentReviewResult(findings, categories, actions);
    }

    private static PlannedAction? WriteBack(Company card, CompanyProfile profile)
    {
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
        // A branch card keeps its own KPP; the registry's KPP is the head office's, so it fills only a legal entity's empty KPP.
        if (string.IsNullOrWhiteSpace(card.Kpp) && Kpp.TryParse(profile.Kpp, out var kpp) && card.Inn?.Trim().Length == 10)
        {
            fields[CompanyFieldsPayload.Kpp] = kpp.ToString();
        }

        if (string.IsNullOrWhiteSpace(card.Ogrn) && Ogrn.TryParse(profile.Ogrn, out var ogrn))
        {
            fields[CompanyFieldsPayload.Ogrn] = ogrn.ToString();
        }

        if (fields.Count == 0)
        {
            return null;
        }

        var values = string.Join(',', fields.Select(f => $"{f.Key}={f.Value}"));
        return new PlannedAction(
            ActionKinds.CrmFillEmptyFields,
            $"enrichment-fill|{card.Ref.Key}|{values}",
            new CompanyFieldsPayload(card.Ref, fields, profile.Source) { Inn = card.Inn?.Trim() },
            $"Fill {string.Join(", ", fields.Keys)} of {card.Ref.Key} from {profile.Source}");
    }
}
