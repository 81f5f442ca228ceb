using System.Globalization;
using CrmBridge.Core.Classification;
using CrmBridge.Core.Clients;
using CrmBridge.Core.Kpi;
using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;
using CrmBridge.Core.Tests.Rules;

namespace CrmBridge.Core.Tests.Clients;

/// <summary>
/// Client histories written as a line of events, one client per company id. Days count from
/// <see cref="ClientBaseBuilder.Day0"/> (2026-03-02, Moscow), at noon; every card is created on day 0.
/// <list type="bullet">
/// <item><c>W950</c>: a deal opened on day 940 and won on day 950 for 100 000 RUB (<c>W950:3000000</c> for another
/// amount, <c>W950:3000000:-400000</c> with a margin);</item>
/// <item><c>L300</c>: a deal opened on day 290 and lost on day 300 (<c>L300:Дорого</c> with a reason);</item>
/// <item><c>O990</c>: an open deal opened on day 990;</item>
/// <item><c>C800</c>: a completed outgoing call on day 800.</item>
/// </list>
/// Bitrix24 deals are in pipeline "0"; a <c>@amo</c> suffix puts an event on the client's amoCRM card (pipeline "555").
/// </summary>
internal sealed class ClientTable
{
    public static readonly DateTimeOffset Now = ClientBaseBuilder.Day(1000);

    private readonly List<Company> _companies = [];
    private readonly List<Deal> _deals = [];
    private readonly List<Activity> _activities = [];
    private readonly List<CompanyProfile> _profiles = [];
    private int _nextId = 1;

    public static CrmRef Ref(string id, CrmKind crm = CrmKind.Bitrix24) => ClientBaseBuilder.Ref(id, crm);

    /// <summary>A client with a Bitrix24 card and, when <paramref name="inn"/> is given, an amoCRM card of the same INN.</summary>
    public ClientTable Client(
        string id, string events, CompanyCategory? category = null, string? inn = null, string? statusField = null, decimal? registryRevenue = null)
    {
        var decision = category is { } known ? new CategoryDecision(known, ["test"]) { DecidedAt = ClientBaseBuilder.Day0 } : null;
        Company Card(CrmKind crm) => new()
        {
            Ref = Ref(id, crm),
            Title = $"Клиент {id}",
            Inn = inn,
            OwnerId = "7",
            CreatedAt = ClientBaseBuilder.Day0,
            ModifiedAt = ClientBaseBuilder.Day0,
            CategoryDecision = decision,
            StatusFieldValue = statusField,
        };
        _companies.Add(Card(CrmKind.Bitrix24));
        if (inn is not null)
        {
            _companies.Add(Card(CrmKind.AmoCrm));
            if (registryRevenue is not null)
            {
                _profiles.Add(new CompanyProfile { Inn = inn, Source = "test", Revenue = registryRevenue });
            }
        }

        foreach (var token in events.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            Add(id, token);
        }

        return this;
    }

    public ClientBase Build() => new()
    {
        Companies = [.. _companies],
        Deals = [.. _deals],
        Activities = [.. _activities],
        Profiles = [.. _profiles],
        Pipelines = [ClientBaseBuilder.SalesPipeline, Kpi.KpiBaseBuilder.AmoPipeline with { Ref = Ref("555", CrmKind.AmoCrm) }],
    };

    public static ClientBook Book(ClientBase clientBase, ClientSettings? settings = null) =>
        new(new ClientIndex(clientBase), ClientGroups.ByInn(clientBase.Companies), settings ?? new ClientSettings(), new CurrencyPolicy(),
            new PortalCalendar(ClientBaseBuilder.Moscow), Now);

    private void Add(string company, string token)
    {
        var crm = token.EndsWith("@amo", StringComparison.Ordinal) ? CrmKind.AmoCrm : CrmKind.Bitrix24;
        var parts = token.Replace("@amo", "", StringComparison.Ordinal).Split(':');
        var day = int.Parse(parts[0][1..], CultureInfo.InvariantCulture);
        var at = ClientBaseBuilder.Day(day);
        var id = (_nextId++).ToString(CultureInfo.InvariantCulture);
        if (parts[0][0] == 'C')
        {
            _activities.Add(new Activity
            {
                Ref = Ref("a" + id, crm),
                Company = Ref(company, crm),
                Kind = ActivityKind.Call,
                Direction = Direction.Outbound,
                OwnerId = "7",
                At = at,
                Completed = true,
                ModifiedAt = at,
            });
            return;
        }

        var outcome = parts[0][0] switch { 'W' => DealOutcome.Won, 'L' => DealOutcome.Lost, _ => DealOutcome.Open };
        var pipeline = crm == CrmKind.Bitrix24 ? "0" : "555";
        _deals.Add(new Deal
        {
            Ref = Ref("d" + id, crm),
            Title = $"Сделка {id}",
            Company = Ref(company, crm),
            PipelineId = pipeline,
            StageId = outcome switch
            {
                DealOutcome.Won => crm == CrmKind.Bitrix24 ? "WON" : "142",
                DealOutcome.Lost => crm == CrmKind.Bitrix24 ? "LOSE" : "143",
                _ => crm == CrmKind.Bitrix24 ? "NEW" : "1001",
            },
            Amount = outcome == DealOutcome.Won && parts.Length > 1 ? decimal.Parse(parts[1], CultureInfo.InvariantCulture) : 100_000m,
            Margin = outcome == DealOutcome.Won && parts.Length > 2 ? decimal.Parse(parts[2], CultureInfo.InvariantCulture) : null,
            LossReason = outcome == DealOutcome.Lost && parts.Length > 1 ? parts[1] : null,
            OwnerId = "7",
            CreatedAt = outcome == DealOutcome.Open ? at : at.AddDays(-10),
            ModifiedAt = at,
            ClosedAt = outcome == DealOutcome.Open ? null : at,
            Outcome = outcome,
        });
    }
}
