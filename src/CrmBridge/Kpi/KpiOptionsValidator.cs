using System.Text.RegularExpressions;
using CrmBridge.Foundation;
using Microsoft.Extensions.Options;

namespace CrmBridge.Kpi;

internal sealed partial class KpiOptionsValidator : IValidateOptions<KpiOptions>
{
    private const string S = KpiOptions.Section;

    public ValidateOptionsResult Validate(string? name, KpiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ConfigurationErrors();
        if (options.DepartmentMonthlyPlan < 0)
        {
            errors.Add($"{S}:DepartmentMonthlyPlan", "must be 0 (no plan) or a positive amount");
        }

        foreach (var (key, plan) in options.Managers)
        {
            if (plan.PlanSharePercent is < 0 or > 100)
            {
                errors.Add($"{S}:Managers:{key}:PlanSharePercent", "must be between 0 and 100");
            }

            if (plan.Daily is { } daily && (daily.Calls < 0 || daily.Meetings < 0 || daily.DealsCreated < 0 || daily.DealsWon < 0))
            {
                errors.Add($"{S}:Managers:{key}:Daily", "plans cannot be negative");
            }
        }

        var shares = options.Managers.Values.Sum(plan => plan.PlanSharePercent);
        if (shares > 100)
        {
            errors.Add($"{S}:Managers", $"plan shares add up to {shares} %, more than the whole department plan");
        }

        var clients = options.Clients;
        if (clients.WindowMonths < 1)
        {
            errors.Add($"{S}:Clients:WindowMonths", "must be at least 1 month");
        }

        if (clients.HighIncome < 0 || clients.TopIncome < clients.HighIncome)
        {
            errors.Add($"{S}:Clients:TopIncome", "must be at least Kpi:Clients:HighIncome, and both not negative");
        }

        foreach (var (value, status) in clients.StatusFieldValues)
        {
            if (status is not Core.Model.ClientStatus.Partner and not Core.Model.ClientStatus.Vip)
            {
                errors.Add($"{S}:Clients:StatusFieldValues:{value}", "must be Partner or Vip");
            }
        }

        var norms = options.WeeklyNorms;
        if (new[] { norms.NewCategoryACompanies, norms.DecisionMakers, norms.NeedsIdentified, norms.ProposalsSent, norms.FollowUpCallsPerClosingDeal }.Any(value => value < 0))
        {
            errors.Add($"{S}:WeeklyNorms", "norms cannot be negative");
        }

        if (norms.DecisionMakersVeryGood < norms.DecisionMakers)
        {
            errors.Add($"{S}:WeeklyNorms:DecisionMakersVeryGood", "must not be below WeeklyNorms:DecisionMakers");
        }

        ValidateMapping(errors, $"{S}:Bitrix24", options.Bitrix24);
        ValidateMapping(errors, $"{S}:AmoCrm", options.AmoCrm);

        if (options.TopZonePercent is < 1 or > 100)
        {
            errors.Add($"{S}:TopZonePercent", "must be between 1 and 100");
        }

        if (!CurrencyCode().IsMatch(options.Currency.BaseCurrency ?? ""))
        {
            errors.Add($"{S}:Currency:BaseCurrency", "must be a three-letter ISO code such as RUB");
        }

        foreach (var (code, rate) in options.Currency.Rates)
        {
            if (!CurrencyCode().IsMatch(code) || rate <= 0)
            {
                errors.Add($"{S}:Currency:Rates:{code}", "must be a three-letter ISO code with a positive rate");
            }
        }

        if (options.KeyAccountWindow <= TimeSpan.Zero)
        {
            errors.Add($"{S}:KeyAccountWindow", "must be a positive time span such as 365.00:00:00");
        }

        return errors.ToResult();
    }

    private static void ValidateMapping(ConfigurationErrors errors, string prefix, CrmMappingOptions mapping)
    {
        for (var index = 0; index < mapping.StageProbabilities.Count; index++)
        {
            var item = mapping.StageProbabilities[index];
            if (string.IsNullOrWhiteSpace(item.StageId))
            {
                errors.Add($"{prefix}:StageProbabilities:{index}:StageId", "is empty");
            }

            if (item.Probability is < 0 or > 1)
            {
                errors.Add($"{prefix}:StageProbabilities:{index}:Probability", "must be between 0 and 1");
            }
        }

        var duplicates = mapping.StageProbabilities.GroupBy(item => item.StageId.Trim()).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        if (duplicates.Count > 0)
        {
            errors.Add($"{prefix}:StageProbabilities", $"stage {string.Join(", ", duplicates)} is listed twice");
        }
    }

    [GeneratedRegex("^[A-Za-z]{3}$")]
    private static partial Regex CurrencyCode();
}
