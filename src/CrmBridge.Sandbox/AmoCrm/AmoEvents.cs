using System.Globalization;
using System.Text.Json;
using CrmBridge.Sandbox.Portal;

namespace CrmBridge.Sandbox.AmoCrm;

/// <summary>Events of a company: entity_responsible_changed (owner history) and lead_status_changed (stage moves).</summary>
internal static class AmoEvents
{
    public const string ResponsibleChanged = "entity_responsible_changed";
    public const string LeadStatusChanged = "lead_status_changed";

    public static IEnumerable<AmoRow> For(PortalCompany c)
    {
        var local = c.Id - PortalIds.AmoCompanyBase;
        var k = 0;
        foreach (var change in c.OwnerChanges)
        {
            yield return Row(Id(local, k++), ResponsibleChanged, "company", c.Id, change.At, change.ToUser, w =>
                User(w, "responsible_user", change.ToUser), w => User(w, "responsible_user", change.FromUser));
        }

        foreach (var deal in c.Deals)
        {
            for (var step = 1; step < deal.History.Count; step++)
            {
                var from = deal.History[step - 1];
                var to = deal.History[step];
                yield return Row(Id(local, k++), LeadStatusChanged, "lead", deal.Id, to.At, to.ByUser, w => Status(w, to.Stage), w => Status(w, from.Stage));
            }
        }
    }

    private static long Id(long local, int k) => (local * 64) + k;

    private static AmoRow Row(long number, string type, string entityType, long entityId, DateTimeOffset at, int by, Action<Utf8JsonWriter> after, Action<Utf8JsonWriter> before) =>
        new(number, AmoJson.Unix(at), type, w =>
        {
            w.WriteStartObject();
            w.WriteString("id", "ev" + number.ToString("x", CultureInfo.InvariantCulture));
            w.WriteString("type", type);
            w.WriteNumber("entity_id", entityId);
            w.WriteString("entity_type", entityType);
            w.WriteNumber("created_by", AmoJson.User(by));
            w.WriteNumber("created_at", AmoJson.Unix(at));
            w.WriteStartArray("value_after");
            after(w);
            w.WriteEndArray();
            w.WriteStartArray("value_before");
            before(w);
            w.WriteEndArray();
            w.WriteNumber("account_id", AmoJson.AccountId);
            w.WriteEndObject();
        });

    private static void User(Utf8JsonWriter w, string name, int user)
    {
        w.WriteStartObject();
        w.WriteStartObject(name);
        w.WriteNumber("id", AmoJson.User(user));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Status(Utf8JsonWriter w, int stage)
    {
        w.WriteStartObject();
        w.WriteStartObject("lead_status");
        w.WriteNumber("id", PortalPipeline.Stages[stage].AmoId);
        w.WriteNumber("pipeline_id", PortalPipeline.AmoPipelineId);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
