using CrmBridge.Core.Model;

namespace CrmBridge.Core.Rules;

/// <summary>
/// Ownership timeout: an owner without progress for <see cref="RuleSettings.OwnershipTermDays"/> local days since the
/// clock start loses the card. From <see cref="RuleSettings.OwnershipWarningDays"/> days before, the owner is warned.
/// Postponed and quarantined cards are exempt; cards of the pool user or an admin have no owner to time out.
/// The finding's Data["action"] says what the host should do: notify, release, or (first run) report.
/// </summary>
public sealed class OwnershipRule : IRule
{
    public const string ActionNotify = "notify";
    public const string ActionRelease = "release";
    public const string ActionReport = "report";

    public IEnumerable<Finding> Evaluate(RuleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        foreach (var company in input.LiveCompanies)
        {
            var settings = input.SettingsFor(company);
            if (settings.OwnershipTermDays <= 0 || ManagerDirectory.OwnerOf(company) is not { } owner
                || !input.People.IsManager(owner) || !WorkingBase.IsWorked(company, input))
            {
                continue;
            }

            var clock = OwnershipClock.Of(input, company);
            var startDay = input.Calendar.DateOf(clock.Start);
            var days = input.Today.DayNumber - startDay.DayNumber;
            var dueDay = startDay.AddDays(settings.OwnershipTermDays);
            if (days >= settings.OwnershipTermDays)
            {
                yield return TimeoutOf(input, company, owner, clock, dueDay, days, settings);
            }
            else if (settings.OwnershipWarningDays > 0 && days >= settings.OwnershipTermDays - settings.OwnershipWarningDays)
            {
                yield return FindingOf(input, company, owner, clock, dueDay, days, settings, RuleNames.OwnershipWarning, Severity.Warning);
            }
        }
    }

    private static Finding TimeoutOf(
        RuleInput input, Company company, CrmRef owner, OwnershipClock clock, DateOnly dueDay, int days, RuleSettings settings)
    {
        var finding = FindingOf(input, company, owner, clock, dueDay, days, settings, RuleNames.OwnershipTimeout, Severity.Violation);
        var firstRun = input.WasDueAtFirstRun(input.Calendar.StartOf(dueDay));
        var poolUserId = input.People.PoolUserId(company.Ref.Crm);
        var hasPool = poolUserId is not null;
        var action = firstRun ? ActionReport
            : settings.OwnershipMode == OwnershipMode.Release && hasPool ? ActionRelease
            : ActionNotify;
        var data = new Dictionary<string, string>(finding.Data)
        {
            ["action"] = action,
            ["mode"] = settings.OwnershipMode.ToString().ToLowerInvariant(),
            ["foundOnFirstRun"] = FindingData.Flag(firstRun),
            ["poolUserId"] = poolUserId ?? "",
        };
        return finding with { Data = data };
    }

    private static Finding FindingOf(
        RuleInput input, Company company, CrmRef owner, OwnershipClock clock, DateOnly dueDay, int days, RuleSettings settings,
        string rule, Severity severity)
    {
        return new Finding
        {
            Rule = rule,
            Subject = company.Ref,
            OwnerId = owner.Id,
            Severity = severity,
            DetectedAt = input.Now,
            // One clock cycle of one owner: a new owner or new progress starts a new period.
            Period = $"{owner.Id}@{FindingData.Date(input.Calendar.DateOf(clock.Start))}",
            Data = new Dictionary<string, string>
            {
                ["ownerId"] = owner.Id,
                ["ownerName"] = input.People.NameOf(owner),
                ["clockStart"] = FindingData.Moment(input.Calendar.Local(clock.Start)),
                ["clockStartReason"] = clock.StartReason,
                ["ownerSince"] = FindingData.Moment(input.Calendar.Local(clock.OwnerSince)),
                ["lastProgress"] = clock.LastProgress is { } progress ? FindingData.Moment(input.Calendar.Local(progress)) : "",
                ["daysWithoutProgress"] = FindingData.Number(days),
                ["termDays"] = FindingData.Number(settings.OwnershipTermDays),
                ["dueOn"] = FindingData.Date(dueDay),
                ["daysLeft"] = FindingData.Number(Math.Max(0, settings.OwnershipTermDays - days)),
            },
        };
    }
}
