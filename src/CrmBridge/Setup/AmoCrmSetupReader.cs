using System.Globalization;
using System.Text.Json;
using CrmBridge.AmoCrm;
using CrmBridge.AmoCrm.Api;
using CrmBridge.AmoCrm.Mapping;
using CrmBridge.Core.Model;
using Microsoft.Extensions.Options;

namespace CrmBridge.Setup;

/// <summary>
/// Reads, never writes, what setup needs from the account: users, company and contact custom fields, every company
/// (owner counts; the first ones' field values as samples), the last 30 days' call notes and completed meetings,
/// and the pipelines with their statuses.
/// </summary>
internal sealed class AmoCrmSetupReader(IAmoCrmApi api, IOptions<AmoCrmOptions> options, TimeProvider time)
{
    public const int SampleSize = 500;
    private const int PageLimit = 250;

    public string Account => options.Value.Account;

    public async Task<CrmSurvey> ReadAsync(CancellationToken cancellationToken)
    {
        var users = await AllAsync((query, ct) => api.GetUsersAsync(query, ct), PageLimit, cancellationToken);
        var companyFields = await AllAsync((query, ct) => api.GetCompanyCustomFieldsAsync(query, ct), 50, cancellationToken);
        var contactFields = await AllAsync((query, ct) => api.GetContactCustomFieldsAsync(query, ct), 50, cancellationToken);

        var owned = new Dictionary<long, int>();
        var samples = companyFields.ToDictionary(field => field.Id, _ => new List<string>());
        var sampled = 0;
        await ForEachAsync((query, ct) => api.GetCompaniesAsync(query, ct), new AmoListQuery { Limit = PageLimit }, company =>
        {
            if (company.ResponsibleUserId is { } owner)
            {
                owned[owner] = owned.GetValueOrDefault(owner) + 1;
            }

            if (sampled++ < SampleSize)
            {
                var values = (company.CustomFieldsValues ?? []).GroupBy(v => v.FieldId).ToDictionary(g => g.Key, g => g.First());
                foreach (var (id, list) in samples)
                {
                    list.Add(values.TryGetValue(id, out var value) ? FirstValue(value) : "");
                }
            }
        }, cancellationToken);

        // Contacts as the rules count them: call notes (either direction) and completed meetings.
        var since = time.GetUtcNow().AddDays(-30);
        var from = since.ToUnixTimeSeconds();
        var contacts = new Dictionary<long, int>();
        var notes = new AmoListQuery { Limit = PageLimit, UpdatedFrom = from, NoteTypes = [AmoNote.CallIn, AmoNote.CallOut] };
        await ForEachAsync((query, ct) => api.GetCompanyNotesAsync(query, ct), notes, note =>
        {
            if (note.CreatedAt >= from && (note.ResponsibleUserId ?? note.CreatedBy) is { } user)
            {
                contacts[user] = contacts.GetValueOrDefault(user) + 1;
            }
        }, cancellationToken);
        await ForEachAsync((query, ct) => api.GetTasksAsync(query, ct), new AmoListQuery { Limit = PageLimit, UpdatedFrom = from, IsCompleted = 1 }, task =>
        {
            if (task.TaskTypeId == AmoTask.MeetingType && task.CompleteTill >= from && task.ResponsibleUserId is { } user)
            {
                contacts[user] = contacts.GetValueOrDefault(user) + 1;
            }
        }, cancellationToken);

        var pipelines = (await AmoCalls.UnwrapAsync(() => api.GetPipelinesAsync(cancellationToken)))?.Items.Select(item => item.Value).OfType<AmoPipeline>() ?? [];
        return new CrmSurvey(CrmKind.AmoCrm, Account)
        {
            Users = [.. users.Select(u => new SurveyedUser(CrmKind.AmoCrm, Text(u.Id), u.Name, string.IsNullOrWhiteSpace(u.Email) ? null : u.Email.Trim(), u.Rights?.IsActive ?? true)
            {
                IsAdmin = u.Rights?.IsAdmin ?? false,
                CardsOwned = owned.GetValueOrDefault(u.Id),
                Contacts30Days = contacts.GetValueOrDefault(u.Id),
            })],
            CompanyFields = [.. companyFields.Select(f => new SurveyedField(CrmKind.AmoCrm, "company", Text(f.Id), f.Name, f.Type ?? "")
            {
                Samples = samples[f.Id],
                SampledCards = Math.Min(sampled, SampleSize),
            })],
            ContactFields = [.. contactFields.Select(f => new SurveyedField(CrmKind.AmoCrm, "contact", Text(f.Id), f.Name, f.Type ?? ""))],
            Pipelines = [.. pipelines.Select(p => AmoDealMapper.Map(p, Account, time.GetUtcNow()))],
            CountsSource = "Cards: every company's responsible_user_id, counted in the account just now.\nContacts: call notes and completed meetings (tasks of type 2) since " +
                since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".",
        };
    }

    /// <summary>A custom field's first value as text; for a legal entity ("Юр. лицо") its vat_id, the INN.</summary>
    private static string FirstValue(AmoCustomFieldValue field)
    {
        if (field.Values.ValueKind != JsonValueKind.Array)
        {
            return "";
        }

        foreach (var item in field.Values.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("value", out var value))
            {
                continue;
            }

            if (value.ValueKind == JsonValueKind.Object)
            {
                return value.TryGetProperty("vat_id", out var inn) && inn.ValueKind == JsonValueKind.String ? inn.GetString() ?? "" : "";
            }

            return value.ValueKind switch
            {
                JsonValueKind.String => value.GetString() ?? "",
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => "",
            };
        }

        return "";
    }

    private static async Task<List<T>> AllAsync<T>(Func<AmoListQuery, CancellationToken, Task<AmoPage<T>?>> fetch, int limit, CancellationToken cancellationToken)
        where T : class
    {
        var all = new List<T>();
        await ForEachAsync(fetch, new AmoListQuery { Limit = limit }, all.Add, cancellationToken);
        return all;
    }

    /// <summary>Pages through a list until a page has no next link (an empty list is HTTP 204, here null).</summary>
    private static async Task ForEachAsync<T>(Func<AmoListQuery, CancellationToken, Task<AmoPage<T>?>> fetch, AmoListQuery first, Action<T> each, CancellationToken cancellationToken)
        where T : class
    {
        var query = first;
        while (true)
        {
            var page = await AmoCalls.UnwrapAsync(() => fetch(query, cancellationToken));
            if (page is null)
            {
                return;
            }

            foreach (var item in page.Items)
            {
                if (item.Value is { } value)
                {
                    each(value);
                }
            }

            if (page.Items.Count == 0 || string.IsNullOrWhiteSpace(page.Links?.Next?.Href))
            {
                return;
            }

            query = query with { Page = query.Page + 1 };
        }
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
