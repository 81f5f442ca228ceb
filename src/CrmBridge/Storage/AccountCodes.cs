using System.Globalization;
using CrmBridge.Core.Model;
using LiteDB;

namespace CrmBridge.Storage;

/// <summary>
/// Each CRM account gets a small number, so a stored key is "3:12345" instead of "bitrix24:portal.bitrix24.ru:12345":
/// keys are in every document, every index and every reference field. Records of one account share one prefix, so
/// reading an account is a range over the primary key and needs no index of its own.
/// </summary>
internal sealed class AccountCodes
{
    private const string CrmField = "crm";
    private const string AccountField = "account";

    private readonly ILiteCollection<BsonDocument> _collection;
    private readonly Lock _sync = new();
    private Dictionary<(CrmKind Crm, string Account), string> _prefixes = [];
    private Dictionary<string, (CrmKind Crm, string Account)> _accounts = new(StringComparer.Ordinal);

    public AccountCodes(LiteDatabase database)
    {
        _collection = database.GetCollection(StoreCollections.Accounts, BsonAutoId.Int32);
        Reload();
    }

    /// <summary>The prefix of the account's keys ("3:"); an account seen for the first time is numbered and stored.</summary>
    public string Prefix(CrmKind crm, string account)
    {
        lock (_sync)
        {
            if (_prefixes.TryGetValue((crm, account), out var prefix))
            {
                return prefix;
            }

            // Numbered outside the caller's transaction (LiteDB binds one to the thread): inside it, the accounts
            // collection stayed locked until that page committed, so two CRMs storing their first pages side by side
            // could wait on each other until the lock timeout, and a rollback lost a number the other page had used.
            var document = new BsonDocument { [CrmField] = CrmRef.CrmName(crm), [AccountField] = account };
            var code = Task.Factory.StartNew(() => _collection.Insert(document).AsInt32, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
                .GetAwaiter().GetResult();
            prefix = code.ToString(CultureInfo.InvariantCulture) + ":";
            _prefixes[(crm, account)] = prefix;
            _accounts[prefix] = (crm, string.Intern(account));
            return prefix;
        }
    }

    /// <summary>The prefix of a known account, or null when nothing of it was ever stored.</summary>
    public string? KnownPrefix(CrmKind crm, string account)
    {
        lock (_sync)
        {
            return _prefixes.GetValueOrDefault((crm, account));
        }
    }

    public string Key(CrmRef reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Prefix(reference.Crm, reference.Account) + reference.Id;
    }

    /// <summary>The stored key of a reference, or null when its account was never stored (so no record can match).</summary>
    public string? KnownKey(CrmRef reference) => KnownPrefix(reference.Crm, reference.Account) is { } prefix ? prefix + reference.Id : null;

    public CrmRef Ref(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        (CrmKind Crm, string Account) account;
        lock (_sync)
        {
            if (colon <= 0 || !_accounts.TryGetValue(key[..(colon + 1)], out account))
            {
                throw new InvalidDataException($"The stored key '{key}' names no known CRM account.");
            }
        }

        return new CrmRef(account.Crm, account.Account, key[(colon + 1)..]);
    }

    /// <summary>After a rolled-back transaction a number handed out may not be stored: read them again.</summary>
    public void Reload()
    {
        var prefixes = new Dictionary<(CrmKind, string), string>();
        var accounts = new Dictionary<string, (CrmKind, string)>(StringComparer.Ordinal);
        foreach (var document in _collection.FindAll())
        {
            var prefix = document["_id"].AsInt32.ToString(CultureInfo.InvariantCulture) + ":";
            var crm = document[CrmField].AsString == "amocrm" ? CrmKind.AmoCrm : CrmKind.Bitrix24;
            var account = string.Intern(document[AccountField].AsString);
            prefixes[(crm, account)] = prefix;
            accounts[prefix] = (crm, account);
        }

        lock (_sync)
        {
            _prefixes = prefixes;
            _accounts = accounts;
        }
    }
}
