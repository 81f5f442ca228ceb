using CrmBridge.Core.Model;

namespace CrmBridge.Core.People;

/// <summary>
/// A CRM user as settings name one: "bitrix24:7" (canonical), "bitrix24_7" (works as an environment variable name) or
/// "bitrix24.7" (the older form). The account is not part of the name: one portal per CRM is configured.
/// </summary>
public sealed record UserName(CrmKind Crm, string Id)
{
    public override string ToString() => $"{CrmRef.CrmName(Crm)}:{Id}";

    public static UserName Of(CrmRef user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new UserName(user.Crm, user.Id);
    }

    public static bool TryParse(string? text, out UserName name)
    {
        name = null!;
        var trimmed = (text ?? "").Trim();
        foreach (var crm in (CrmKind[])[CrmKind.Bitrix24, CrmKind.AmoCrm])
        {
            var prefix = CrmRef.CrmName(crm);
            if (trimmed.Length > prefix.Length + 1
                && trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && trimmed[prefix.Length] is ':' or '_' or '.')
            {
                var id = trimmed[(prefix.Length + 1)..];
                if (id.All(char.IsAsciiLetterOrDigit))
                {
                    name = new UserName(crm, id);
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when the text looks like an e-mail address (the other way a setting names a person).</summary>
    public static bool IsEmail(string? text)
    {
        var trimmed = (text ?? "").Trim();
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < trimmed.Length - 1 && !trimmed.Contains(' ', StringComparison.Ordinal);
    }
}
