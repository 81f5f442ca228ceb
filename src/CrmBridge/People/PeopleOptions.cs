namespace CrmBridge.People;

/// <summary>
/// The one place that says who is who (section "People"). Entries name a person by e-mail or a CRM user:
/// "bitrix24:7", or "bitrix24_7" where a configuration key must also work as an environment variable name.
/// </summary>
internal sealed class PeopleOptions
{
    public const string Section = "People";

    /// <summary>The pool user of each CRM ("Свободная база"): nobody's manager; released cards go to it.</summary>
    public List<string> Pool { get; set; } = [];

    /// <summary>Portal admins: nobody's manager.</summary>
    public List<string> Admins { get; set; } = [];

    /// <summary>Webhook owners, integration users: nobody's manager.</summary>
    public List<string> Technical { get; set; } = [];

    /// <summary>
    /// Managers by e-mail ("ivanov@firm.ru"), by CRM user ("bitrix24_7") or by any label that names them through
    /// <see cref="PersonOptions.Email"/> or <see cref="PersonOptions.Users"/>: the chat, the plan, linked CRM users.
    /// </summary>
    public Dictionary<string, PersonOptions> Managers { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
