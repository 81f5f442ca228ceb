namespace CrmBridge.Core.Model;

/// <summary>
/// Identifies a record in one CRM account: the CRM, the account (portal host or amoCRM subdomain) and the id there.
/// </summary>
public sealed record CrmRef(CrmKind Crm, string Account, string Id)
{
    // Every index of the core is keyed by references, and the same reference objects are looked up again and again:
    // the hash is computed once and kept (in what would be padding next to Crm). Zero means "not computed yet".
    private int _hash;

    public CrmKind Crm { get; init => (field, _hash) = (value, 0); } = Crm;

    public string Account { get; init => (field, _hash) = (value, 0); } = Account;

    public string Id { get; init => (field, _hash) = (value, 0); } = Id;

    /// <summary>A stable string form, used as a storage key and inside idempotency keys.</summary>
    public string Key => $"{CrmName(Crm)}:{Account}:{Id}";

    public override string ToString() => Key;

    public static string CrmName(CrmKind crm) => crm switch
    {
        CrmKind.Bitrix24 => "bitrix24",
        CrmKind.AmoCrm => "amocrm",
        _ => throw new ArgumentOutOfRangeException(nameof(crm), crm, "Unknown CRM."),
    };

    public static CrmRef ParseKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);

        // The account may hold a port ("127.0.0.1:5081"); the CRM name and the id never hold a colon.
        var first = key.IndexOf(':', StringComparison.Ordinal);
        var last = key.LastIndexOf(':');
        if (first <= 0 || last <= first + 1 || last == key.Length - 1)
        {
            throw new FormatException($"'{key}' is not a CRM reference of the form crm:account:id.");
        }

        var crm = key[..first] switch
        {
            "bitrix24" => CrmKind.Bitrix24,
            "amocrm" => CrmKind.AmoCrm,
            var other => throw new FormatException($"'{other}' is not a known CRM."),
        };
        return new CrmRef(crm, key[(first + 1)..last], key[(last + 1)..]);
    }

    /// <summary>A reference to another record in the same CRM account.</summary>
    public CrmRef Sibling(string id) => new(Crm, Account, id);

    public bool Equals(CrmRef? other) =>
        ReferenceEquals(this, other)
        || (other is not null && Crm == other.Crm && GetHashCode() == other.GetHashCode()
            && string.Equals(Id, other.Id, StringComparison.Ordinal) && string.Equals(Account, other.Account, StringComparison.Ordinal));

    public override int GetHashCode()
    {
        var hash = _hash;
        if (hash == 0)
        {
            hash = HashCode.Combine(Crm, Account, Id);
            hash = hash == 0 ? 1 : hash;
            _hash = hash;
        }

        return hash;
    }
}
