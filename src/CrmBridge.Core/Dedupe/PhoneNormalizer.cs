namespace CrmBridge.Core.Dedupe;

/// <summary>Brings a phone to +7XXXXXXXXXX (from 8…, 7…, bare 10 digits, any punctuation); other countries keep +digits.</summary>
public static class PhoneNormalizer
{
    private const int NationalLength = 10;

    /// <summary>The normalized phone, or null when it is not a usable number (too short, letters only).</summary>
    public static string? Normalize(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        Span<char> digits = stackalloc char[16];
        var count = 0;
        var international = false;
        foreach (var c in phone)
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length)
                {
                    return null;
                }

                digits[count++] = c;
            }
            else if (c == '+' && count == 0)
            {
                international = true;
            }
            else if (char.IsLetter(c) && count >= NationalLength)
            {
                // An extension ("доб. 123", "ext 5") follows the number: it does not identify the company.
                break;
            }
        }

        var number = digits[..count];
        if (count == NationalLength + 1 && (number[0] == '7' || (number[0] == '8' && !international)))
        {
            return string.Concat("+7", number[1..]);
        }

        if (count == NationalLength && !international)
        {
            return string.Concat("+7", number);
        }

        return international && count >= NationalLength ? string.Concat("+", number) : null;
    }
}
