using System.Text.Json;
using CrmBridge.Core.Model;
using CrmBridge.Sandbox.Portal;

namespace CrmBridge.Sandbox.AmoCrm;

/// <summary>Small reference lists: users, the pipeline with its statuses, the companies' custom fields.</summary>
internal static class AmoReference
{
    public static void Users(Utf8JsonWriter w) => Embedded(w, "users", PortalUsers.All.Count, () =>
    {
        foreach (var user in PortalUsers.All)
        {
            w.WriteStartObject();
            w.WriteNumber("id", user.AmoId);
            w.WriteString("name", user.Name);
            w.WriteString("email", user.Email);
            w.WriteString("lang", "ru");
            w.WriteStartObject("rights");
            w.WriteBoolean("is_admin", user.Role == PortalUserRole.Admin);
            w.WriteBoolean("is_free", false);
            w.WriteBoolean("is_active", true);
            w.WriteEndObject();
            w.WriteEndObject();
        }
    });

    public static void Pipelines(Utf8JsonWriter w) => Embedded(w, "pipelines", 1, () =>
    {
        w.WriteStartObject();
        w.WriteNumber("id", PortalPipeline.AmoPipelineId);
        w.WriteString("name", "Продажи");
        w.WriteNumber("sort", 1);
        w.WriteBoolean("is_main", true);
        w.WriteBoolean("is_unsorted_on", false);
        w.WriteBoolean("is_archive", false);
        w.WriteNumber("account_id", AmoJson.AccountId);
        w.WriteStartObject("_embedded");
        w.WriteStartArray("statuses");
        foreach (var stage in PortalPipeline.Stages)
        {
            w.WriteStartObject();
            w.WriteNumber("id", stage.AmoId);
            w.WriteString("name", stage.Semantics switch
            {
                StageSemantics.Won => "Успешно реализовано",
                StageSemantics.Lost => "Закрыто и не реализовано",
                _ => stage.Name,
            });
            w.WriteNumber("sort", stage.Semantics == StageSemantics.Open ? stage.Sort : stage.Semantics == StageSemantics.Won ? 10000 : 11000);
            w.WriteBoolean("is_editable", stage.Semantics == StageSemantics.Open);
            w.WriteNumber("pipeline_id", PortalPipeline.AmoPipelineId);
            w.WriteString("color", "#99ccff");
            w.WriteNumber("type", 0);
            w.WriteNumber("account_id", AmoJson.AccountId);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    });

    public static void CustomFields(Utf8JsonWriter w) => CustomFields(w, AmoCustomFields.Companies, "companies");

    public static void ContactCustomFields(Utf8JsonWriter w) => CustomFields(w, AmoCustomFields.Contacts, "contacts");

    public static void LeadCustomFields(Utf8JsonWriter w) => CustomFields(w, AmoCustomFields.Leads, "leads");

    private static void CustomFields(Utf8JsonWriter w, IReadOnlyList<(long Id, string Name, string Type, string? Code)> fields, string entity) => Embedded(w, "custom_fields", fields.Count, () =>
    {
        var sort = 0;
        foreach (var (id, name, type, code) in fields)
        {
            w.WriteStartObject();
            w.WriteNumber("id", id);
            w.WriteString("name", name);
            w.WriteString("type", type);
            w.WriteString("code", code);
            w.WriteNumber("sort", sort += 10);
            w.WriteBoolean("is_api_only", false);
            w.WriteNull("enums");
            w.WriteString("entity_type", entity);
            w.WriteEndObject();
        }
    });

    private static void Embedded(Utf8JsonWriter w, string name, int total, Action items)
    {
        w.WriteStartObject();
        w.WriteNumber("_total_items", total);
        w.WriteNumber("_page", 1);
        w.WriteStartObject("_links");
        w.WriteEndObject();
        w.WriteStartObject("_embedded");
        w.WriteStartArray(name);
        items();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
