using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;

namespace CrmBridge.Core.Classification;

/// <summary>Category A/B from registry facts and explicit criteria; pure, today is an argument.</summary>
public static class CategoryClassifier
{
    /// <summary>
    /// The decision to store on a card. The current one is kept as it is while the facts the criteria compare (and the
    /// criteria) are unchanged; otherwise the card is classified again, dated <paramref name="now"/>.
    /// </summary>
    public static CategoryDecision Decide(
        CategoryDecision? current, CompanyProfile profile, CategoryCriteria criteria, DateTimeOffset now, PortalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var today = calendar.DateOf(now);
        var fingerprint = Fingerprint(profile, criteria, today);
        if (current is not null && current.RegistryFingerprint == fingerprint)
        {
            return current;
        }

        var verdict = Classify(profile, criteria, today);
        return verdict with
        {
            DecidedAt = now,
            RegistryFingerprint = fingerprint,
            FirstAAt = current?.FirstAAt ?? (verdict.Category == CompanyCategory.A ? now : null),
        };
    }

    /// <summary>
    /// A short hash of what the criteria compare — headcount, full years on the market today, revenue, region, branch
    /// count — and of the criteria themselves. Years are counted, not the registration date, so a company that turns
    /// three is classified again on that day.
    /// </summary>
    public static string Fingerprint(CompanyProfile profile, CategoryCriteria criteria, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(criteria);
        var years = profile.RegisteredOn is { } registered ? FullYears(registered, today) : (int?)null;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{profile.Headcount}|{years}|{profile.Revenue}|{profile.Region?.Trim().ToUpperInvariant()}|{profile.BranchCount}"
            + $"#{criteria.MinHeadcount}|{criteria.MinYearsOnMarket}|{criteria.MinRevenue}|{string.Join(',', criteria.AllowedRegions).ToUpperInvariant()}|{criteria.MinBranches}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    public static CategoryDecision Classify(CompanyProfile profile, CategoryCriteria criteria, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(criteria);
        var reasons = new List<string>();
        var failed = false;
        var unknown = false;

        void Check(bool applies, bool? met, string passed, string failedText, string unknownText)
        {
            if (!applies)
            {
                return;
            }

            if (met is null)
            {
                unknown = true;
                reasons.Add(unknownText);
            }
            else if (met.Value)
            {
                reasons.Add(passed);
            }
            else
            {
                failed = true;
                reasons.Add(failedText);
            }
        }

        var inv = CultureInfo.InvariantCulture;
        Check(criteria.MinHeadcount is not null, AtLeast(profile.Headcount, criteria.MinHeadcount),
            $"headcount {profile.Headcount} >= {criteria.MinHeadcount}", $"headcount {profile.Headcount} < {criteria.MinHeadcount}", "headcount unknown");

        var years = profile.RegisteredOn is { } registered ? FullYears(registered, today) : (int?)null;
        Check(criteria.MinYearsOnMarket is not null, AtLeast(years, criteria.MinYearsOnMarket),
            $"{years} years on the market >= {criteria.MinYearsOnMarket}", $"{years} years on the market < {criteria.MinYearsOnMarket}", "registration date unknown");

        Check(criteria.MinRevenue is not null, AtLeast(profile.Revenue, criteria.MinRevenue),
            string.Create(inv, $"revenue {profile.Revenue} >= {criteria.MinRevenue}"), string.Create(inv, $"revenue {profile.Revenue} < {criteria.MinRevenue}"), "revenue unknown");

        var inRegion = profile.Region is null ? (bool?)null : criteria.AllowedRegions.Any(r => string.Equals(r.Trim(), profile.Region.Trim(), StringComparison.OrdinalIgnoreCase));
        Check(criteria.AllowedRegions.Count > 0, inRegion,
            $"region {profile.Region} is allowed", $"region {profile.Region} is not allowed", "region unknown");

        Check(criteria.MinBranches is not null, AtLeast(profile.BranchCount, criteria.MinBranches),
            $"{profile.BranchCount} branches >= {criteria.MinBranches}", $"{profile.BranchCount} branches < {criteria.MinBranches}", "branch count unknown");

        var category = failed ? CompanyCategory.B : unknown ? CompanyCategory.Unknown : CompanyCategory.A;
        return new CategoryDecision(category, reasons);
    }

    // A lifted ">=" would say false for an unknown value; unknown must stay unknown.
    private static bool? AtLeast<T>(T? value, T? minimum)
        where T : struct, IComparable<T> =>
        value is { } known && minimum is { } min ? known.CompareTo(min) >= 0 : null;

    private static int FullYears(DateOnly from, DateOnly to)
    {
        var years = to.Year - from.Year;
        return from.AddYears(years) > to ? years - 1 : years;
    }
}
