using CrmBridge.Core.Model;

namespace CrmBridge.Setup;

/// <summary>What setup read from one CRM, or why it could not (<see cref="Problem"/>, one line).</summary>
internal sealed record CrmSurvey(CrmKind Crm, string Account)
{
    public IReadOnlyList<SurveyedUser> Users { get; init; } = [];

    public IReadOnlyList<SurveyedField> CompanyFields { get; init; } = [];

    public IReadOnlyList<SurveyedField> ContactFields { get; init; } = [];

    /// <summary>Bitrix24 requisites' RQ_INN values of the first cards: the default INN source there.</summary>
    public SurveyedField? RequisiteInn { get; init; }

    public IReadOnlyList<Pipeline> Pipelines { get; init; } = [];

    /// <summary>Where the card and contact counts come from, said in the report.</summary>
    public string CountsSource { get; init; } = "";

    public string? Problem { get; init; }

    public static CrmSurvey Failed(CrmKind crm, string account, string problem) => new(crm, account) { Problem = problem };
}
