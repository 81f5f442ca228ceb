using CrmBridge.Core.Model;

namespace CrmBridge.Enrichment.DaData;

/// <summary>DaData's party object to the neutral <see cref="CompanyProfile"/>.</summary>
internal static class DaDataPartyMapper
{
    public const string Source = "dadata";

    /// <summary>The main office among the suggestions (findById also returns branches), else the first.</summary>
    public static CompanyProfile? ToProfile(string inn, DaDataPartyResponse response)
    {
        var suggestions = response.Suggestions.Where(s => s.Data is not null).ToList();
        var main = suggestions.FirstOrDefault(s => string.Equals(s.Data!.BranchType, "MAIN", StringComparison.OrdinalIgnoreCase))
            ?? suggestions.FirstOrDefault();
        if (main?.Data is not { } party)
        {
            return null;
        }

        var (status, raw) = MapStatus(party.State?.Status);
        return new CompanyProfile
        {
            Inn = party.Inn ?? inn,
            FullName = party.Name?.FullWithOpf ?? main.UnrestrictedValue,
            ShortName = party.Name?.ShortWithOpf ?? main.Value,
            Ogrn = party.Ogrn,
            Kpp = party.Kpp,
            Address = party.Address?.UnrestrictedValue ?? party.Address?.Value,
            Region = party.Address?.Data?.RegionWithType,
            Director = party.Management?.Name,
            RegisteredOn = party.State?.RegistrationDate is { } ms ? DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime) : null,
            Status = status,
            RawStatus = raw,
            Okved = party.Okved,
            Headcount = party.EmployeeCount,
            Revenue = party.Finance?.Revenue,
            BranchCount = party.BranchCount,
            Source = Source,
        };
    }

    public static (RegistryStatus Status, string? Raw) MapStatus(string? status) => status?.Trim().ToUpperInvariant() switch
    {
        "ACTIVE" => (RegistryStatus.Active, status),
        "LIQUIDATING" => (RegistryStatus.Liquidating, status),
        "LIQUIDATED" => (RegistryStatus.Liquidated, status),
        "BANKRUPT" => (RegistryStatus.Bankrupt, status),
        "REORGANIZING" => (RegistryStatus.Reorganizing, status),
        _ => (RegistryStatus.Unknown, status),
    };
}
