using System.Globalization;
using CrmBridge.Core.Model;

namespace CrmBridge.Core.Classification;

/// <summary>Category A/B from registry facts and explicit criteria; pure, today is an argument.</summary>
public static class CategoryClassifier
{
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

        var category = failed ? ClientCategory.B : unknown ? ClientCategory.Unknown : ClientCategory.A;
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
