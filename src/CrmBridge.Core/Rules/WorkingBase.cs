using CrmBridge.Core.Model;

namespace CrmBridge.Core.Rules;

/// <summary>Which cards are in the working base today: not deleted, not postponed, not in quarantine.</summary>
public static class WorkingBase
{
    /// <summary>
    /// The day a postponed card returns: its return date, or — when the CRM gave a reason without a date —
    /// the default term counted from the card's last change. Null when the card is not postponed.
    /// </summary>
    public static DateTimeOffset? PostponedReturn(Company company, RuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(settings);
        if (company.PostponedUntil is { } until)
        {
            return until;
        }

        return string.IsNullOrWhiteSpace(company.PostponeReason) ? null : company.ModifiedAt.AddDays(settings.PostponeDays);
    }

    /// <summary>The return date for a card postponed now without a date (default 365 days, at local midnight).</summary>
    public static DateTimeOffset DefaultPostponedReturn(DateTimeOffset postponedAt, RuleSettings settings, PortalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.StartOf(calendar.DateOf(postponedAt).AddDays(settings.PostponeDays));
    }

    /// <summary>The re-check date for a card put into quarantine now (default 180 days, at local midnight).</summary>
    public static DateTimeOffset DefaultQuarantineRecheck(DateTimeOffset quarantinedAt, RuleSettings settings, PortalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.StartOf(calendar.DateOf(quarantinedAt).AddDays(settings.QuarantineDays));
    }

    public static bool IsPostponed(Company company, RuleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return PostponedReturn(company, input.SettingsFor(company)) is { } returnAt && input.Today < input.Calendar.DateOf(returnAt);
    }

    public static bool IsQuarantined(Company company, RuleInput input)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(input);
        return company.QuarantinedUntil is { } until && input.Today < input.Calendar.DateOf(until);
    }

    public static bool IsWorked(Company company, RuleInput input) =>
        !company.IsDeleted && !IsPostponed(company, input) && !IsQuarantined(company, input);
}
