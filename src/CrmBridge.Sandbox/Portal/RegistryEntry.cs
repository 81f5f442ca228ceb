using System.Globalization;

namespace CrmBridge.Sandbox.Portal;

/// <summary>A registry record (EGRUL/EGRIP-like) of a generated legal entity.</summary>
public sealed record RegistryEntry(
    string Inn,
    string? Kpp,
    string Ogrn,
    bool SoleTrader,
    string FullName,
    string ShortName,
    string Address,
    string Region,
    string Director,
    string Status,
    DateOnly RegisteredOn,
    string Okved,
    int EmployeeCount,
    decimal Revenue,
    int BranchCount)
{
    internal static RegistryEntry For(long seed, LegalIdentity legal, bool liquidated, int branches)
    {
        var random = new SeededRandom(seed, (legal.Index * 8L) + 3);
        var region = RegionCodes.All[legal.RegionIndex];
        var house = random.Next(1, 120).ToString(CultureInfo.InvariantCulture);
        var address = $"{region.City}, {random.Pick(RussianNames.Streets)}, д {house}";
        var director = legal.SoleTrader ? legal.FullPersonName : RussianNames.FullName(ref random, out _);
        var employees = legal.SoleTrader ? random.Next(1, 15) : (int)Math.Round(Math.Exp(random.NextDouble(1.5, 8)));
        var revenue = Math.Round((decimal)Math.Exp(random.NextDouble(14, 22)) / 1000m) * 1000m;
        return new RegistryEntry(
            legal.Inn, legal.Kpp, legal.Ogrn, legal.SoleTrader, legal.FullName, legal.ShortName, address, region.Name, director,
            liquidated ? "LIQUIDATED" : "ACTIVE", legal.RegisteredOn, random.Pick(RussianNames.Okveds), employees, revenue, branches);
    }
}
