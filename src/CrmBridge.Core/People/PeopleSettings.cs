namespace CrmBridge.Core.People;

/// <summary>
/// Who is nobody's manager and which CRM users are one person, as settings say it. Every entry names a person by
/// e-mail or a CRM user ("bitrix24:7"); see <see cref="UserName"/>.
/// </summary>
public sealed record PeopleSettings
{
    public static PeopleSettings Empty { get; } = new();

    /// <summary>The pool users (one per CRM): released cards go to them.</summary>
    public IReadOnlyList<string> Pool { get; init; } = [];

    public IReadOnlyList<string> Admins { get; init; } = [];

    /// <summary>Webhook owners, integration users and anyone else who owns cards without selling.</summary>
    public IReadOnlyList<string> Technical { get; init; } = [];

    /// <summary>
    /// Person key (an e-mail or a free label) → the CRM users who are that person, for users whose e-mails differ
    /// between the CRMs or are missing.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Links { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}
