using CrmBridge.Foundation;

namespace CrmBridge.People;

/// <summary>One manager under People:Managers.</summary>
internal sealed class PersonOptions
{
    /// <summary>The person's e-mail when the key is a label (environment variables cannot carry '@' in a name).</summary>
    public string? Email { get; set; }

    /// <summary>CRM users who are this person although their e-mails differ or are missing ("bitrix24:7", "amocrm:123").</summary>
    public List<string> Users { get; set; } = [];

    /// <summary>The Telegram chat nudges go to (a number or a public channel's @name); a configured chat wins over one linked through the bot.</summary>
    public ChatAddress? ChatId { get; set; }

    /// <summary>Share of Kpi:DepartmentMonthlyPlan, 0–100.</summary>
    public decimal? PlanSharePercent { get; set; }

    public PersonDailyPlanOptions? Daily { get; set; }
}
