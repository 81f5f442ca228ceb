namespace CrmBridge.Core.Dedupe;

/// <summary>Turns the raw INN of a card into a dedupe key: spaces dropped, then the checksum decides.</summary>
internal static class InnKey
{
    public static InnCheck Check(string? raw, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(raw))
        {
            return InnCheck.Missing;
        }

        normalized = raw.Trim();
        if (normalized.Contains(' ', StringComparison.Ordinal))
        {
            normalized = normalized.Replace(" ", "", StringComparison.Ordinal);
        }

        return TemporaryChecksum.IsValid(normalized) ? InnCheck.Valid : InnCheck.Invalid;
    }

    // TODO(store): replace with CrmBridge.Core.Identifiers.Inn.TryParse once it lands on main.
    private static class TemporaryChecksum
    {
        private static readonly int[] Ten = [2, 4, 10, 3, 5, 9, 4, 6, 8];
        private static readonly int[] TwelveA = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
        private static readonly int[] TwelveB = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

        public static bool IsValid(string inn)
        {
            if ((inn.Length != 10 && inn.Length != 12) || inn.AsSpan().IndexOfAnyExceptInRange('0', '9') >= 0)
            {
                return false;
            }

            return inn.Length == 10
                ? Digit(inn, Ten) == inn[9] - '0'
                : Digit(inn, TwelveA) == inn[10] - '0' && Digit(inn, TwelveB) == inn[11] - '0';
        }

        private static int Digit(string inn, int[] weights)
        {
            var sum = 0;
            for (var i = 0; i < weights.Length; i++)
            {
                sum += weights[i] * (inn[i] - '0');
            }

            return sum % 11 % 10;
        }
    }
}
