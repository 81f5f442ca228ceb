using System.Globalization;
using System.Text.Json;
using CrmBridge.Core.Kpi;
using CrmBridge.Core.Model;

namespace CrmBridge.Kpi;

/// <summary>
/// `crmbridge kpi --report FILE.json`: every figure of the digest as data, written from the digest's own
/// <see cref="KpiReport"/> (never computed a second time). camelCase, amounts as numbers in the base currency (named
/// once at the top), moments ISO 8601 with the portal's offset, stage and pipeline ids as the CRM has them.
/// </summary>
internal static class KpiJsonWriter
{
    public static void Write(Stream stream, KpiReport report, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(zone);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var money = (MoneyBag bag) => bag[report.Currency];
        string Moment(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

        w.WriteStartObject();
        w.WriteString("generatedAt", Moment(report.AsOf));
        w.WriteString("timeZone", zone.Id);
        w.WriteString("currency", report.Currency);
        w.WriteStartObject("windows");
        foreach (var (name, window) in new[] { ("yesterday", report.Yesterday), ("week", report.Week), ("month", report.Month) })
        {
            w.WriteStartObject(name);
            w.WriteString("from", Moment(window.From));
            w.WriteString("to", Moment(window.To));
            w.WriteEndObject();
        }

        w.WriteEndObject();
        WriteManagers(w, report, money);
        WriteFunnel(w, report, money);
        WriteBase(w, report);
        w.WriteEndObject();
    }

    private static void WriteManagers(Utf8JsonWriter w, KpiReport report, Func<MoneyBag, decimal> money)
    {
        var weeks = report.WeekDays.ToDictionary(day => day.Manager.Key);
        var kpis = report.Weeks.ToDictionary(week => week.Manager.Key);
        var plans = report.Sufficiency?.Managers.ToDictionary(plan => plan.Manager.Key) ?? [];
        w.WriteStartArray("managers");
        foreach (var day in report.Days)
        {
            var person = day.Manager;
            w.WriteStartObject();
            w.WriteString("name", person.Name);
            w.WriteString("email", person.Email);
            w.WriteStartArray("ids");
            foreach (var user in person.Users)
            {
                w.WriteStringValue(SalesPerson.UserKey(user));
            }

            w.WriteEndArray();
            w.WritePropertyName("yesterday");
            WriteDay(w, day, money, null);
            if (weeks.TryGetValue(person.Key, out var week))
            {
                w.WritePropertyName("week");
                WriteDay(w, week, money, kpis.GetValueOrDefault(person.Key));
            }

            w.WritePropertyName("plan");
            if (day.Plan is null && !plans.ContainsKey(person.Key))
            {
                w.WriteNullValue();
            }
            else
            {
                w.WriteStartObject();
                if (day.Plan is { } daily)
                {
                    w.WriteNumber("callsPerDay", daily.Calls);
                    w.WriteNumber("meetingsPerDay", daily.Meetings);
                    w.WriteNumber("dealsCreatedPerDay", daily.DealsCreated);
                    w.WriteNumber("dealsWonPerDay", daily.DealsWon);
                }

                if (plans.TryGetValue(person.Key, out var month))
                {
                    w.WriteNumber("monthAmount", month.Plan);
                    w.WriteNumber("wonThisMonth", month.Won);
                    w.WriteNumber("forecast", month.Forecast);
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteDay(Utf8JsonWriter w, ManagerDay day, Func<MoneyBag, decimal> money, ManagerWeek? kpi)
    {
        w.WriteStartObject();
        w.WriteNumber("calls", day.Calls);
        w.WriteNumber("callsOut", day.CallsOut);
        w.WriteNumber("meetings", day.Meetings);
        w.WriteNumber("dealsCreated", day.DealsCreated);
        w.WriteNumber("dealsCreatedAmount", money(day.CreatedAmount));
        w.WriteNumber("dealsWon", day.DealsWon);
        w.WriteNumber("dealsWonAmount", money(day.WonAmount));
        if (kpi is not null)
        {
            w.WriteStartObject("kpi");
            w.WriteNumber("newCategoryA", kpi.NewCategoryACompanies);
            w.WriteNumber("decisionMakers", kpi.DecisionMakers);
            w.WriteNumber("needs", kpi.NeedsIdentified);
            w.WriteNumber("proposals", kpi.ProposalsSent);
            w.WriteNumber("closingDeals", kpi.ClosingDeals);
            w.WriteNumber("closingCallsShort", kpi.ClosingDealsBelowNorm);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteFunnel(Utf8JsonWriter w, KpiReport report, Func<MoneyBag, decimal> money)
    {
        var funnel = report.Funnel;
        w.WriteStartObject("funnel");
        w.WriteStartArray("openByStage");
        foreach (var stage in funnel.Stages)
        {
            w.WriteStartObject();
            w.WriteString("crm", stage.Pipeline is { } pipeline ? CrmRef.CrmName(pipeline.Crm) : null);
            w.WriteString("pipelineId", stage.Pipeline?.Id);
            w.WriteString("pipeline", stage.PipelineName);
            w.WriteString("stageId", stage.StageId);
            w.WriteString("stage", stage.StageName);
            w.WriteNumber("count", stage.Count);
            w.WriteNumber("amount", money(stage.Amount));
            if (stage.AverageDays is { } days)
            {
                w.WriteNumber("avgDaysOnStage", Math.Round(days, 1));
            }
            else
            {
                w.WriteNull("avgDaysOnStage");
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("openCount", funnel.OpenCount);
        w.WriteNumber("openAmount", money(funnel.OpenAmount));
        w.WriteNumber("forecast", money(funnel.Forecast));
        w.WriteStartObject("wonThisMonth");
        w.WriteNumber("count", funnel.WonCount);
        w.WriteNumber("amount", money(funnel.WonAmount));
        w.WriteEndObject();
        w.WriteNumber("averageCheckThisMonth", money(funnel.AverageCheck));
        w.WriteStartObject("byFunnel");
        foreach (var (kind, slice) in funnel.ByFunnel)
        {
            w.WriteStartObject(JsonNamingPolicy.CamelCase.ConvertName(kind.ToString()));
            w.WriteNumber("openCount", slice.OpenCount);
            w.WriteNumber("openAmount", money(slice.OpenAmount));
            w.WriteNumber("lostThisMonth", slice.LostCount);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartArray("lostReasons");
        foreach (var reason in funnel.LostReasons)
        {
            w.WriteStartObject();
            w.WriteString("reason", reason.Reason);
            w.WriteNumber("count", reason.Count);
            w.WriteNumber("amount", money(reason.Amount));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteBase(Utf8JsonWriter w, KpiReport report)
    {
        var structure = report.Base;
        w.WriteStartObject("base");
        w.WriteStartObject("categories");
        w.WriteNumber("A", structure.ByCompanyCategory.GetValueOrDefault(CompanyCategory.A));
        w.WriteNumber("B", structure.ByCompanyCategory.GetValueOrDefault(CompanyCategory.B));
        w.WriteNumber("unknown", structure.ByCompanyCategory.GetValueOrDefault(CompanyCategory.Unknown));
        w.WriteEndObject();
        w.WriteStartObject("abcde");
        foreach (var grade in new[] { ClientCategory.A, ClientCategory.B, ClientCategory.C, ClientCategory.D, ClientCategory.E })
        {
            w.WriteNumber(grade.ToString(), structure.ByCategory.GetValueOrDefault(grade));
        }

        w.WriteNumber("unknown", structure.ByCategory.GetValueOrDefault(ClientCategory.Unknown));
        w.WriteNumber("noMarginData", structure.WithoutMarginData);
        w.WriteEndObject();
        w.WriteStartObject("statuses");
        foreach (var status in Enum.GetValues<ClientStatus>())
        {
            w.WriteNumber(JsonNamingPolicy.CamelCase.ConvertName(status.ToString()), structure.ByStatus.GetValueOrDefault(status));
        }

        w.WriteEndObject();
        w.WriteStartArray("keyAccounts");
        foreach (var share in report.KeyAccounts)
        {
            w.WriteStartObject();
            w.WriteString("name", share.ClientName);
            w.WriteString("inn", share.Inn);
            w.WriteString("currency", share.Currency);
            w.WriteNumber("income", share.Income);
            w.WriteNumber("sharePercent", share.SharePercent);
            w.WriteString("level", JsonNamingPolicy.CamelCase.ConvertName(share.Level.ToString()));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
