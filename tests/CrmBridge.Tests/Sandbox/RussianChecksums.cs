namespace CrmBridge.Tests.Sandbox;

/// <summary>Check-digit rules written independently of the generator, straight from the published algorithms.</summary>
internal static class RussianChecksums
{
    public static bool IsValidInn(string inn)
    {
        if (!inn.All(char.IsAsciiDigit))
        {
            return false;
        }

        int[] d = inn.Select(c => c - '0').ToArray();
        int Check(int[] weights) => weights.Select((w, i) => w * d[i]).Sum() % 11 % 10;
        return inn.Length switch
        {
            10 => Check([2, 4, 10, 3, 5, 9, 4, 6, 8]) == d[9],
            12 => Check([7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == d[10] && Check([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == d[11],
            _ => false,
        };
    }

    public static bool IsValidOgrn(string ogrn) => ogrn.Length switch
    {
        13 => long.Parse(ogrn[..12], System.Globalization.CultureInfo.InvariantCulture) % 11 % 10 == ogrn[12] - '0',
        15 => long.Parse(ogrn[..14], System.Globalization.CultureInfo.InvariantCulture) % 13 % 10 == ogrn[14] - '0',
        _ => false,
    };
}
