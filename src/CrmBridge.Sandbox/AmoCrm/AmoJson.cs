using System.Globalization;
using System.Text.Json;
using CrmBridge.Core.Model;
using CrmBridge.Sandbox.Portal;

namespace CrmBridge.Sandbox.AmoCrm;

/// <summary>Portal records in amoCRM API v4 shapes (unix times, numeric ids, custom_fields_values).</summary>
internal static class AmoJson
{
    public const long AccountId = 31_000_001;

    public static long Unix(DateTimeOffset at) => at.ToUnixTimeSeconds();

    public static long User(int user) => PortalUsers.All[user].AmoId;

    public static AmoRow Company(PortalCompany c) => new(c.Id, Unix(c.ModifiedAt), null, w =>
    {
        w.WriteStartObject();
        Common(w, c.Id, c.Title, c.OwnerUser, c.CreatedAt, c.ModifiedAt);
        w.WriteNull("closest_task_at");
        w.WriteStartArray("custom_fields_values");
        Field(w, AmoCustomFields.Phone, "Телефон", "PHONE", "multitext", () => Enum(w, c.Phone));
        Field(w, AmoCustomFields.Email, "Email", "EMAIL", "multitext", () => Enum(w, c.Email));
        if (c.WebSite is { } web)
        {
            Field(w, AmoCustomFields.Web, "Web", "WEB", "url", () => Text(w, web));
        }

        if (c.Inn is { } inn)
        {
            if (!c.InnFieldOnly)
            {
                Field(w, AmoCustomFields.LegalEntity, "Юр. лицо", null, "legal_entity", () =>
                {
                    w.WriteStartObject();
                    w.WriteStartObject("value");
                    w.WriteString("name", c.Title);
                    w.WriteNumber("entity_type", c.SoleTrader ? 1 : 2);
                    w.WriteString("vat_id", inn);
                    w.WriteString("kpp", c.Kpp);
                    w.WriteNull("tax_registration_reason_code");
                    w.WriteNull("address");
                    w.WriteString("external_uid", $"sandbox-{c.Id}");
                    w.WriteEndObject();
                    w.WriteEndObject();
                });
            }

            Field(w, AmoCustomFields.Inn, "ИНН", null, "text", () => Text(w, inn));
            Field(w, AmoCustomFields.Ogrn, "ОГРН", null, "text", () => Text(w, c.Ogrn ?? ""));
            if (c.Kpp is { } kpp)
            {
                Field(w, AmoCustomFields.Kpp, "КПП", null, "text", () => Text(w, kpp));
            }
        }

        if (c.PostponedUntil is { } until)
        {
            Field(w, AmoCustomFields.PostponedUntil, "Отложен до", null, "date", () =>
            {
                w.WriteStartObject();
                w.WriteNumber("value", Unix(until));
                w.WriteEndObject();
            });
            Field(w, AmoCustomFields.PostponeReason, "Причина отложения", null, "text", () => Text(w, c.PostponeReason ?? ""));
        }

        w.WriteEndArray();
        Embedded(w, "contacts", c.Contacts.Select(p => p.Id));
        w.WriteEndObject();
    });

    public static AmoRow Contact(PortalCompany c, PortalContact p) => new(p.Id, Unix(p.CreatedAt), null, w =>
    {
        w.WriteStartObject();
        Common(w, p.Id, $"{p.LastName} {p.FirstName}", c.OwnerUser, p.CreatedAt, p.CreatedAt);
        w.WriteString("first_name", p.FirstName);
        w.WriteString("last_name", p.LastName);
        w.WriteStartArray("custom_fields_values");
        Field(w, AmoCustomFields.Position, "Должность", "POSITION", "text", () => Text(w, p.Position));
        Field(w, AmoCustomFields.Phone, "Телефон", "PHONE", "multitext", () => Enum(w, p.Phone));
        Field(w, AmoCustomFields.Email, "Email", "EMAIL", "multitext", () => Enum(w, p.Email));
        if (p.IsDecisionMaker)
        {
            // amoCRM leaves an unticked checkbox out of custom_fields_values.
            Field(w, AmoCustomFields.DecisionMaker, "ЛПР", null, "checkbox", () =>
            {
                w.WriteStartObject();
                w.WriteBoolean("value", true);
                w.WriteEndObject();
            });
        }

        w.WriteEndArray();
        Embedded(w, "companies", [c.Id]);
        w.WriteEndObject();
    });

    public static AmoRow Lead(PortalCompany c, PortalDeal d) => new(d.Id, Unix(d.ModifiedAt), null, w =>
    {
        var stage = PortalPipeline.Stages[d.Stage];
        w.WriteStartObject();
        Common(w, d.Id, d.Title, d.OwnerUser, d.CreatedAt, d.ModifiedAt);
        w.WriteNumber("price", (long)d.Amount);
        w.WriteNumber("status_id", stage.AmoId);
        w.WriteNumber("pipeline_id", PortalPipeline.AmoPipelineId);
        var lossReason = d.LossReason is { } reason ? AmoCustomFields.FirstLossReason + IndexOf(reason) : (long?)null;
        if (lossReason is { } id)
        {
            w.WriteNumber("loss_reason_id", id);
        }
        else
        {
            w.WriteNull("loss_reason_id");
        }

        if (d.ClosedAt is { } closed)
        {
            w.WriteNumber("closed_at", Unix(closed));
        }
        else
        {
            w.WriteNull("closed_at");
        }

        w.WriteNull("closest_task_at");
        w.WriteStartArray("custom_fields_values");
        Field(w, AmoCustomFields.Margin, "Маржа", null, "numeric", () => Text(w, d.Margin.ToString("0", CultureInfo.InvariantCulture)));
        w.WriteEndArray();

        // The worker asks with=loss_reason, which embeds the reason's name beside its id.
        Embedded(w, "companies", [c.Id], lossReason is { } embedded ? () =>
        {
            w.WriteStartArray("loss_reason");
            w.WriteStartObject();
            w.WriteNumber("id", embedded);
            w.WriteString("name", d.LossReason);
            w.WriteEndObject();
            w.WriteEndArray();
        }
        : null);
        w.WriteEndObject();
    });

    private static long IndexOf(string reason)
    {
        for (var i = 0; i < CompanyBuilder.LossReasons.Count; i++)
        {
            if (CompanyBuilder.LossReasons[i] == reason)
            {
                return i;
            }
        }

        return CompanyBuilder.LossReasons.Count;
    }

    public static AmoRow Note(PortalCompany c, PortalActivity a)
    {
        var type = a.Direction == Direction.Inbound ? "call_in" : "call_out";
        return new(a.Id, Unix(a.At), type, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("id", a.Id);
            w.WriteNumber("entity_id", c.Id);
            w.WriteNumber("created_by", User(a.OwnerUser));
            w.WriteNumber("updated_by", User(a.OwnerUser));
            w.WriteNumber("created_at", Unix(a.At));
            w.WriteNumber("updated_at", Unix(a.At));
            w.WriteNumber("responsible_user_id", User(a.OwnerUser));
            w.WriteNumber("group_id", 0);
            w.WriteString("note_type", type);
            w.WriteStartObject("params");
            w.WriteString("uniq", $"sandbox-call-{a.Id}");
            w.WriteNumber("duration", a.DurationSeconds);
            w.WriteString("source", "sandbox");
            w.WriteString("link", $"https://records.example/{a.Id}.mp3");
            w.WriteString("phone", c.Phone);
            w.WriteString("call_result", "Разговор состоялся");
            w.WriteNumber("call_status", 4);
            w.WriteEndObject();
            w.WriteNumber("account_id", AccountId);
            w.WriteEndObject();
        });
    }

    public static AmoRow Task(PortalCompany c, PortalActivity a) => new(a.Id, Unix(a.At), "2", w =>
    {
        w.WriteStartObject();
        w.WriteNumber("id", a.Id);
        w.WriteNumber("created_by", User(a.OwnerUser));
        w.WriteNumber("updated_by", User(a.OwnerUser));
        w.WriteNumber("created_at", Unix(a.At.AddDays(-2)));
        w.WriteNumber("updated_at", Unix(a.At));
        w.WriteNumber("responsible_user_id", User(a.OwnerUser));
        w.WriteNumber("group_id", 0);
        w.WriteNumber("entity_id", c.Id);
        w.WriteString("entity_type", "companies");
        w.WriteNumber("duration", a.DurationSeconds);
        w.WriteBoolean("is_completed", a.Completed);
        w.WriteNumber("task_type_id", 2);
        w.WriteString("text", a.Subject);
        w.WriteStartObject("result");
        w.WriteString("text", "Встреча проведена");
        w.WriteEndObject();
        w.WriteNumber("complete_till", Unix(a.At));
        w.WriteNumber("account_id", AccountId);
        w.WriteEndObject();
    });

    private static void Common(Utf8JsonWriter w, long id, string name, int owner, DateTimeOffset created, DateTimeOffset updated)
    {
        w.WriteNumber("id", id);
        w.WriteString("name", name);
        w.WriteNumber("responsible_user_id", User(owner));
        w.WriteNumber("group_id", 0);
        w.WriteNumber("created_by", User(PortalUsers.Admin));
        w.WriteNumber("updated_by", User(owner));
        w.WriteNumber("created_at", Unix(created));
        w.WriteNumber("updated_at", Unix(updated));
        w.WriteBoolean("is_deleted", false);
        w.WriteNumber("account_id", AccountId);
    }

    private static void Field(Utf8JsonWriter w, long id, string name, string? code, string type, Action writeValue)
    {
        w.WriteStartObject();
        w.WriteNumber("field_id", id);
        w.WriteString("field_name", name);
        w.WriteString("field_code", code);
        w.WriteString("field_type", type);
        w.WriteStartArray("values");
        writeValue();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter w, string value)
    {
        w.WriteStartObject();
        w.WriteString("value", value);
        w.WriteEndObject();
    }

    private static void Enum(Utf8JsonWriter w, string value)
    {
        w.WriteStartObject();
        w.WriteString("value", value);
        w.WriteNumber("enum_id", AmoCustomFields.WorkEnum);
        w.WriteString("enum_code", "WORK");
        w.WriteEndObject();
    }

    private static void Embedded(Utf8JsonWriter w, string name, IEnumerable<long> ids, Action? more = null)
    {
        w.WriteStartObject("_embedded");
        w.WriteStartArray("tags");
        w.WriteEndArray();
        w.WriteStartArray(name);
        foreach (var id in ids)
        {
            w.WriteStartObject();
            w.WriteNumber("id", id);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        more?.Invoke();
        w.WriteEndObject();
    }
}
