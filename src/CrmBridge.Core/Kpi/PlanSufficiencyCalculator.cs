using CrmBridge.Core.Model;

namespace CrmBridge.Core.Kpi;

public static class PlanSufficiencyCalculator
{
    /// <summary>Null when no department plan is configured.</summary>
    public static PlanSufficiency? Compute(KpiContext context, TimeWindow month)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Settings;
        if (settings.DepartmentMonthlyPlan <= 0)
        {
            return null;
        }

        var currency = settings.Currency.BaseCurrency;
        var deals = context.Deals.Select(deal => (deal, money: context.MoneyOf(deal), owner: context.Team.OwnerOf(deal.Ref, deal.OwnerId))).ToList();
        var won = deals.Where(item => item.money.Currency == currency && item.deal.Outcome == DealOutcome.Won && month.Contains(item.deal.ClosedAt)).ToList();
        var forecast = deals
            .Where(item => item.money.Currency == currency && KpiContext.IsOpenAt(item.deal, month.To))
            .Select(item => (item.owner, value: item.money.Amount * (context.Stages.Find(item.deal, context.StageAt(item.deal, month.To))?.Probability ?? 0m)))
            .ToList();

        var managers = context.Team.People
            .Select(person => (person, plan: context.Settings.PlanFor(person)))
            .Where(item => item.plan is { PlanSharePercent: > 0 })
            .Select(item => new ManagerPlanProgress(
                item.person,
                settings.DepartmentMonthlyPlan * item.plan!.PlanSharePercent / 100m,
                won.Where(deal => deal.owner == item.person).Sum(deal => deal.money.Amount),
                forecast.Where(deal => deal.owner == item.person).Sum(deal => deal.value)))
            .ToList();

        return new PlanSufficiency(
            currency,
            settings.DepartmentMonthlyPlan,
            won.Sum(item => item.money.Amount),
            forecast.Sum(item => item.value),
            managers);
    }
}
