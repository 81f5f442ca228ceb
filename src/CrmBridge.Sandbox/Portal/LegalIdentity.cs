using System.Globalization;

namespace CrmBridge.Sandbox.Portal;

/// <summary>
/// The registry identity of the legal entity behind company index g: INN, KPP, OGRN, name and registration.
/// Derived by a bijection of g, so INNs are unique without a lookup table and an INN maps back to its index.
/// </summary>
internal sealed record LegalIdentity(
    int Index,
    bool SoleTrader,
    string Form,
    string Inn,
    string? Kpp,
    string Ogrn,
    string NameRoot,
    string FullPersonName,
    int RegionIndex,
    string TaxOffice,
    DateOnly RegisteredOn)
{
    private const int RegionCount = 19;
    private const int SerialFactor = 7919;
    private const int SerialOffset = 12345;
    private const int SoleTraderModulus = 33;
    private const int SoleTraderRemainder = 7;

    public string ShortName => SoleTrader ? $"ИП {NameRoot}" : $"{Form} «{NameRoot}»";

    public string FullName => SoleTrader
        ? $"Индивидуальный предприниматель {FullPersonName}"
        : Form == "АО" ? $"Акционерное общество «{NameRoot}»" : $"Общество с ограниченной ответственностью «{NameRoot}»";

    public static bool IsSoleTraderIndex(int index) => index % SoleTraderModulus == SoleTraderRemainder;

    public static LegalIdentity For(long seed, int index)
    {
        var random = new SeededRandom(seed, (index * 8L) + 1);
        var region = index % RegionCount;
        var q = index / RegionCount;
        var code = RegionCodes.All[region].Code;
        var office = random.Next(1, 40).ToString("00", CultureInfo.InvariantCulture);
        var registered = new DateOnly(1995, 1, 1).AddDays(random.Next(0, 365 * 28));
        var year = (registered.Year % 100).ToString("00", CultureInfo.InvariantCulture);
        if (IsSoleTraderIndex(index))
        {
            var serial = (int)(((long)q * SerialFactor + SerialOffset) % 1_000_000);
            var serialText = serial.ToString("000000", CultureInfo.InvariantCulture);
            var person = SoleTraderName(index / SoleTraderModulus, out var shortPerson);
            return new LegalIdentity(
                index, true, "ИП", RussianIdentifiers.Inn12(code + office + serialText), null,
                RussianIdentifiers.Ogrnip("3" + year + code + office + serialText + "0"),
                shortPerson, person, region, code + office, registered);
        }

        var serial5 = (int)(((long)q * SerialFactor + SerialOffset) % 100_000);
        var serial5Text = serial5.ToString("00000", CultureInfo.InvariantCulture);
        return new LegalIdentity(
            index, false, random.Chance(0.12) ? "АО" : "ООО", RussianIdentifiers.Inn10(code + office + serial5Text), code + office + "01001",
            RussianIdentifiers.Ogrn("1" + year + code + office + serial5Text),
            CompanyRoot(index), "", region, code + office, registered);
    }

    /// <summary>The company index whose INN this is, or -1 (unknown region, wrong checksum, out of range).</summary>
    public static int IndexOfInn(long seed, string inn, int size)
    {
        if (inn.Length is not (10 or 12) || !inn.All(char.IsAsciiDigit))
        {
            return -1;
        }

        var region = RegionCodes.IndexOf(inn[..2]);
        if (region < 0)
        {
            return -1;
        }

        var modulus = inn.Length == 10 ? 100_000 : 1_000_000;
        var serial = long.Parse(inn.AsSpan(4, inn.Length == 10 ? 5 : 6), CultureInfo.InvariantCulture);
        var inverse = ModularInverse(SerialFactor, modulus);
        var q = (((serial - SerialOffset) % modulus) + modulus) % modulus * inverse % modulus;
        var index = (q * RegionCount) + region;
        if (index >= size)
        {
            return -1;
        }

        var candidate = For(seed, (int)index);
        return candidate.Inn == inn ? (int)index : -1;
    }

    private static string CompanyRoot(int index)
    {
        var n = index;
        var prefix = RussianNames.NamePrefixes[n % RussianNames.NamePrefixes.Length];
        n /= RussianNames.NamePrefixes.Length;
        var suffix = RussianNames.NameSuffixes[n % RussianNames.NameSuffixes.Length];
        n /= RussianNames.NameSuffixes.Length;
        var qualifier = RussianNames.NameQualifiers[n % RussianNames.NameQualifiers.Length];
        n /= RussianNames.NameQualifiers.Length;
        var number = n == 0 ? "" : " " + (n + 1).ToString(CultureInfo.InvariantCulture);
        return prefix + suffix + qualifier + number;
    }

    private static string SoleTraderName(int n, out string shortForm)
    {
        var surname = RussianNames.Surnames[n % RussianNames.Surnames.Length];
        n /= RussianNames.Surnames.Length;
        var female = n % 2 == 1;
        n /= 2;
        var first = (female ? RussianNames.FemaleFirstNames : RussianNames.MaleFirstNames)[n % 20];
        n /= 20;
        var stem = n % 20;
        var patronymic = RussianNames.PatronymicStems[stem] + (female ? "на" : "ич");
        var fullSurname = surname + (female ? "а" : "");
        shortForm = $"{fullSurname} {first[0]}.{RussianNames.MaleFirstNames[stem][0]}.";
        return $"{fullSurname} {first} {patronymic}";
    }

    private static long ModularInverse(long a, long m)
    {
        long t = 0, newT = 1, r = m, newR = a;
        while (newR != 0)
        {
            var quotient = r / newR;
            (t, newT) = (newT, t - (quotient * newT));
            (r, newR) = (newR, r - (quotient * newR));
        }

        return t < 0 ? t + m : t;
    }
}
