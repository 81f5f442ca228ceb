namespace CrmBridge.Core.Dedupe;

/// <summary>The company domain of an e-mail address; free mail services say nothing about the company.</summary>
public static class EmailDomain
{
    private static readonly HashSet<string> FreeMailDomains = new(StringComparer.Ordinal)
    {
        "mail.ru", "bk.ru", "inbox.ru", "list.ru", "internet.ru", "xmail.ru",
        "yandex.ru", "yandex.com", "ya.ru", "yandex.by", "yandex.kz", "yandex.ua",
        "rambler.ru", "ro.ru", "lenta.ru", "autorambler.ru", "myrambler.ru",
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
        "icloud.com", "me.com", "mac.com", "yahoo.com", "aol.com", "protonmail.com", "proton.me", "gmx.com", "zoho.com",
    };

    /// <summary>The lower-case domain, or null for a free mail domain or something that is not an address.</summary>
    public static string? CompanyDomain(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var at = email.LastIndexOf('@');
        if (at <= 0 || at == email.Length - 1)
        {
            return null;
        }

        var domain = email[(at + 1)..].Trim().TrimEnd('.').ToLowerInvariant();
        if (domain.Length == 0 || !domain.Contains('.', StringComparison.Ordinal) || domain.Contains(' ', StringComparison.Ordinal))
        {
            return null;
        }

        return IsFreeMail(domain) ? null : domain;
    }

    public static bool IsFreeMail(string domain) => FreeMailDomains.Contains(domain);
}
