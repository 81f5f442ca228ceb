using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmBridge.Bitrix24;
using CrmBridge.Bitrix24.Api;
using CrmBridge.Bitrix24.Loading;
using CrmBridge.Bitrix24.Mapping;
using CrmBridge.Bitrix24.Transport;
using CrmBridge.Core.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmBridge.Setup;

/// <summary>
/// Reads, never writes, what setup needs from the portal: users (user.get) and the webhook owner (user.current),
/// company, contact and requisite fields (crm.company.fields, crm.contact.fields, crm.requisite.fields), the first
/// cards' field values and requisite
/// INNs, every card's owner and the last 30 days' completed calls and meetings (by ID keyset, 2,500 rows a request),
/// and the deal pipelines with their stages.
/// </summary>
internal sealed class Bitrix24SetupReader(
    Bitrix24Transport transport,
    Bitrix24Webhook webhook,
    IOptions<Bitrix24Options> options,
    TimeProvider time,
    ILogger<Bitrix24SetupReader> logger)
{
    public const int SampleSize = 500;

    private readonly KeysetListReader lists = new(transport, options);

    public async Task<CrmSurvey> ReadAsync(CancellationToken cancellationToken)
    {
        var reader = new RowReader(webhook.Host, logger);
        var users = new List<BitrixUser>();
        await foreach (var page in lists.ReadAsync(Bitrix24Lists.Users, null, cancellationToken))
        {
            users.AddRange(reader.Read<BitrixUser, BitrixUser>("user", page.Rows, user => user));
        }

        var current = (await transport.CallAsync("user.current", new JsonObject(), CallSafety.Idempotent, cancellationToken)).Result.Deserialize<BitrixUser>(BitrixJson.Options);
        var companyFields = await FieldsAsync("crm.company.fields", cancellationToken);
        var contactFields = await FieldsAsync("crm.contact.fields", cancellationToken);
        var requisiteFields = await FieldsAsync("crm.requisite.fields", cancellationToken);
        var userFieldCodes = companyFields.Keys.Where(code => code.StartsWith("UF_", StringComparison.Ordinal)).ToList();

        // Every card's owner (counts), and the first cards' user-field values (samples).
        var owned = new Dictionary<string, int>(StringComparer.Ordinal);
        var samples = userFieldCodes.ToDictionary(code => code, _ => new List<string>(), StringComparer.Ordinal);
        var sampled = 0;
        var companies = new ListQuery { Method = "crm.company.list", Select = ["ID", "ASSIGNED_BY_ID", .. userFieldCodes] };
        await foreach (var page in lists.ReadAsync(companies, null, cancellationToken))
        {
            foreach (var row in page.Rows)
            {
                Increment(owned, Text(row, "ASSIGNED_BY_ID"));
                if (sampled < SampleSize)
                {
                    sampled++;
                    foreach (var code in userFieldCodes)
                    {
                        samples[code].Add(Text(row, code));
                    }
                }
            }
        }

        var requisiteInns = new List<string>();
        await foreach (var page in lists.ReadAsync(Bitrix24Lists.Requisites, null, cancellationToken))
        {
            requisiteInns.AddRange(page.Rows.Select(row => Text(row, "RQ_INN")));
            if (requisiteInns.Count >= SampleSize)
            {
                break;
            }
        }

        // Contacts as the rules count them: completed calls (TYPE_ID 2) and meetings (1).
        var since = time.GetUtcNow().AddDays(-30);
        var contacts = new Dictionary<string, int>(StringComparer.Ordinal);
        var activities = Bitrix24Lists.Activities with { Select = ["ID", "TYPE_ID", "RESPONSIBLE_ID"] };
        activities = activities
            .WithFilter(">=START_TIME", since.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture))
            .WithFilter("COMPLETED", "Y");
        await foreach (var page in lists.ReadAsync(activities, null, cancellationToken))
        {
            foreach (var row in page.Rows.Where(row => Text(row, "TYPE_ID") is "1" or "2"))
            {
                Increment(contacts, Text(row, "RESPONSIBLE_ID"));
            }
        }

        var pipelines = await new PipelineReader(transport, new Bitrix24Mapper(webhook.Host, options.Value), time).ReadAsync(reader, cancellationToken);
        return new CrmSurvey(CrmKind.Bitrix24, webhook.Host)
        {
            Users = [.. users.Where(u => !string.IsNullOrEmpty(u.Id)).Select(u => new SurveyedUser(
                CrmKind.Bitrix24, u.Id!, Name(u), string.IsNullOrWhiteSpace(u.Email) ? null : u.Email.Trim(), u.Active)
            {
                IsWebhookOwner = u.Id == current?.Id,
                CardsOwned = owned.GetValueOrDefault(u.Id!),
                Contacts30Days = contacts.GetValueOrDefault(u.Id!),
            })],
            CompanyFields = [.. companyFields.Select(pair => new SurveyedField(CrmKind.Bitrix24, "company", pair.Key, pair.Value.DisplayName(pair.Key), pair.Value.Type ?? "")
            {
                Samples = samples.GetValueOrDefault(pair.Key) ?? [],
                SampledCards = samples.ContainsKey(pair.Key) ? sampled : 0,
            })],
            ContactFields = [.. contactFields.Select(pair => new SurveyedField(CrmKind.Bitrix24, "contact", pair.Key, pair.Value.DisplayName(pair.Key), pair.Value.Type ?? ""))],
            RequisiteInn = requisiteFields.TryGetValue("RQ_INN", out var innField)
                ? new SurveyedField(CrmKind.Bitrix24, "requisite", "RQ_INN", innField.DisplayName("RQ_INN"), innField.Type ?? "string")
                {
                    Samples = [.. requisiteInns.Take(SampleSize)],
                    SampledCards = Math.Min(SampleSize, requisiteInns.Count),
                }
                : null,
            Pipelines = pipelines,
            CountsSource = "Cards: every company's ASSIGNED_BY_ID, counted in the portal just now.\nContacts: completed calls and meetings (crm.activity.list) by RESPONSIBLE_ID since " +
                since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".",
        };
    }

    private async Task<Dictionary<string, BitrixField>> FieldsAsync(string method, CancellationToken cancellationToken)
    {
        var reply = await transport.CallAsync(method, new JsonObject(), CallSafety.Idempotent, cancellationToken);
        return reply.Result.ValueKind == JsonValueKind.Object
            ? reply.Result.Deserialize<Dictionary<string, BitrixField>>(BitrixJson.Options) ?? []
            : [];
    }

    private static string Name(BitrixUser user) =>
        string.Join(' ', new[] { user.Name, user.LastName }.Where(part => !string.IsNullOrWhiteSpace(part))) is { Length: > 0 } name ? name : $"#{user.Id}";

    private static void Increment(Dictionary<string, int> counts, string key)
    {
        if (key.Length > 0)
        {
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
    }

    /// <summary>A row's value as text: strings as they are, numbers and flags as written, a list by its first item.</summary>
    private static string Text(JsonElement row, string field)
    {
        if (row.ValueKind != JsonValueKind.Object || !row.TryGetProperty(field, out var value))
        {
            return "";
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? "",
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "Y",
            JsonValueKind.False => "N",
            JsonValueKind.Array => value.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String ? item.GetString() ?? "" : item.GetRawText()).FirstOrDefault() ?? "",
            _ => "",
        };
    }
}
