using CrmBridge.Core.Model;

namespace CrmBridge.Core.People;

/// <summary>One person: the CRM users that are one human, the e-mail that tied them (if any), and the role.</summary>
public sealed record PersonEntry(string Key, string Name, string? Email, IReadOnlyList<CrmRef> Users, PersonRole Role)
{
    /// <summary>Every name a setting may use for this person: the key, the e-mail and "crm:id" per CRM user.</summary>
    public IEnumerable<string> Names =>
        new[] { Key, Email }.OfType<string>().Concat(Users.Select(user => UserName.Of(user).ToString())).Distinct(StringComparer.OrdinalIgnoreCase);

    public bool IsManager => Role == PersonRole.Manager;
}
