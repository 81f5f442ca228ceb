using System.Globalization;

namespace CrmBridge.Sandbox.Portal;

/// <summary>Check digits of Russian taxpayer and registration numbers (INN, OGRN, OGRNIP).</summary>
internal static class RussianIdentifiers
{
    private static readonly int[] Inn10Weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] Inn11Weights = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] Inn12Weights = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

    /// <summary>A legal entity's INN from its first nine digits.</summary>
    public static string Inn10(string firstNine) => firstNine + CheckDigit(firstNine, Inn10Weights);

    /// <summary>A sole trader's INN from its first ten digits (two check digits).</summary>
    public static string Inn12(string firstTen)
    {
        var eleven = firstTen + CheckDigit(firstTen, Inn11Weights);
        return eleven + CheckDigit(eleven, Inn12Weights);
    }

    /// <summary>OGRN: the 13th digit is the first twelve mod 11, mod 10.</summary>
    public static string Ogrn(string firstTwelve) =>
        firstTwelve + (long.Parse(firstTwelve, CultureInfo.InvariantCulture) % 11 % 10).ToString(CultureInfo.InvariantCulture);

    /// <summary>OGRNIP: the 15th digit is the first fourteen mod 13, mod 10.</summary>
    public static string Ogrnip(string firstFourteen) =>
        firstFourteen + (long.Parse(firstFourteen, CultureInfo.InvariantCulture) % 13 % 10).ToString(CultureInfo.InvariantCulture);

    /// <summary>The same number with its last check digit changed, so its checksum fails.</summary>
    public static string BreakLastDigit(string number)
    {
        var last = number[^1] - '0';
        return number[..^1] + (char)('0' + ((last + 3) % 10));
    }

    private static char CheckDigit(string digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += (digits[i] - '0') * weights[i];
        }

        return (char)('0' + (sum % 11 % 10));
    }
}
