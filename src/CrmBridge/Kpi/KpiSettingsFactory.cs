using CrmBridge.Core.Clients;
using CrmBridge.Core.Kpi;
using CrmBridge.Core.Model;
using CrmBridge.People;

namespace CrmBridge.Kpi;

/// <summary>Turns the validated Kpi section into the pure core's <see cref="KpiSettings"/>.</summary>
internal static class KpiSettingsFactory
{
    /// <param name="options">The Kpi section.</param>
    /// <param name="people">Who is nobody's manager and the People:Managers plans, which win over the old Kpi:Managers.</param>
    /// <param name="sleepingDays">Rules:SleepingDays, the one home of the sleeping term the funnels and statuses read.</param>
    public static KpiSettings Create(KpiOptions options, PeopleConfiguration people, int sleepingDays = 180)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(people);
        var plans = options.Managers.ToDictionary(
            pair => CrmUserKey.Normalize(pair.Key),
            pair => new ManagerPlan
            {
                PlanSharePercent = pair.Value.PlanSharePercent,
                Daily = pair.Value.Daily is { } daily ? new DailyPlan(daily.Calls, daily.Meetings, daily.DealsCreated, daily.DealsWon) : null,
            },
            StringComparer.OrdinalIgnoreCase);
        foreach (var (name, plan) in people.Plans)
        {
            plans[name] = plan;
        }

        return new KpiSettings
        {
            DepartmentMonthlyPlan = options.DepartmentMonthlyPlan,
            ManagerPlans = plans,
            WeeklyNorms = new WeeklyNorms
            {
                NewCategoryACompanies = options.WeeklyNorms.NewCategoryACompanies,
                DecisionMakers = options.WeeklyNorms.DecisionMakers,
                DecisionMakersVeryGood = options.WeeklyNorms.DecisionMakersVeryGood,
                NeedsIdentified = options.WeeklyNorms.NeedsIdentified,
                ProposalsSent = options.WeeklyNorms.ProposalsSent,
                FollowUpCallsPerClosingDeal = options.WeeklyNorms.FollowUpCallsPerClosingDeal,
            },
            Mappings = new Dictionary<CrmKind, CrmKpiMapping>
            {
                [CrmKind.Bitrix24] = Mapping(options.Bitrix24),
                [CrmKind.AmoCrm] = Mapping(options.AmoCrm),
            },
            TopZonePercent = options.TopZonePercent,
            Currency = new CurrencyPolicy
            {
                Mode = options.Currency.Mode,
                BaseCurrency = options.Currency.BaseCurrency.Trim().ToUpperInvariant(),
                Rates = options.Currency.Rates.ToDictionary(pair => pair.Key.Trim().ToUpperInvariant(), pair => pair.Value),
            },
            KeyAccountWindow = options.KeyAccountWindow,
            People = people.Settings,
            Clients = new ClientSettings
            {
                SleepingDays = sleepingDays,
                WindowMonths = options.Clients.WindowMonths,
                PartnerIncome = options.Clients.PartnerIncome,
                VipIncome = options.Clients.VipIncome,
                StatusFieldValues = options.Clients.StatusFieldValues,
                TopIncome = options.Clients.TopIncome,
                HighIncome = options.Clients.HighIncome,
                PotentialMinRevenue = options.Clients.PotentialMinRevenue,
                PotentialMinHeadcount = options.Clients.PotentialMinHeadcount,
            },
        };
    }

    private static CrmKpiMapping Mapping(CrmMappingOptions options)
    {
        var defaults = CrmKpiMapping.Default;
        return new CrmKpiMapping
        {
            DecisionMakerPositions = options.DecisionMakerPositions is { Count: > 0 } positions ? positions : defaults.DecisionMakerPositions,
            NeedStageIds = options.NeedStageIds ?? [],
            ProposalStageIds = options.ProposalStageIds ?? [],
            ProposalActivityKinds = options.ProposalActivityKinds is { Count: > 0 } kinds ? kinds : defaults.ProposalActivityKinds,
            TopZoneStageIds = options.TopZoneStageIds ?? [],
            StageProbabilities = options.StageProbabilities.ToDictionary(item => item.StageId.Trim(), item => item.Probability),
        };
    }
}
