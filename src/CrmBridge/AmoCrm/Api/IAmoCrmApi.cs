using Refit;

namespace CrmBridge.AmoCrm.Api;

/// <summary>amoCRM API v4 (https://SUBDOMAIN.amocrm.ru/api/v4). A 204 (empty list) comes back as null.</summary>
internal interface IAmoCrmApi
{
    [Get("/api/v4/companies")]
    Task<AmoPage<AmoCompany>?> GetCompaniesAsync([Query] AmoListQuery query, CancellationToken cancellationToken);

    [Get("/api/v4/contacts")]
    Task<AmoPage<AmoContact>?> GetContactsAsync([Query] AmoListQuery query, CancellationToken cancellationToken);

    [Get("/api/v4/leads")]
    Task<AmoPage<AmoLead>?> GetLeadsAsync([Query] AmoListQuery query, CancellationToken cancellationToken);

    [Get("/api/v4/leads/pipelines")]
    Task<AmoPage<AmoPipeline>?> GetPipelinesAsync(CancellationToken cancellationToken);

    [Get("/api/v4/users")]
    Task<AmoPage<AmoUser>?> GetUsersAsync([Query] AmoListQuery query, CancellationToken cancellationToken);

    [Get("/api/v4/companies/custom_fields")]
    Task<AmoPage<AmoCustomField>?> GetCompanyCustomFieldsAsync([Query] AmoListQuery query, CancellationToken cancellationToken);

    [Get("/api/v4/contacts/custom_fields")]
    Task<AmoPage<AmoCustomField>?> GetContactCustomFieldsAsync([Query] AmoListQuery query, CancellationToken cancellationToken);

    [Get("/api/v4/tasks")]
    Task<AmoPage<AmoTask>?> GetTasksAsync([Query] AmoListQuery query, CancellationToken cancellationToken);

    [Get("/api/v4/companies/notes")]
    Task<AmoPage<AmoNote>?> GetCompanyNotesAsync([Query] AmoListQuery query, CancellationToken cancellationToken);

    [Get("/api/v4/companies/{companyId}/notes")]
    Task<AmoPage<AmoNote>?> GetNotesOfCompanyAsync(long companyId, [Query] AmoListQuery query, CancellationToken cancellationToken);

    [Get("/api/v4/events")]
    Task<AmoPage<AmoEvent>?> GetEventsAsync([Query] AmoListQuery query, CancellationToken cancellationToken);

    [Patch("/api/v4/companies")]
    Task UpdateCompaniesAsync([Body] IReadOnlyList<AmoCompanyOwnerUpdate> updates, CancellationToken cancellationToken);

    [Patch("/api/v4/companies")]
    Task UpdateCompanyFieldsAsync([Body] IReadOnlyList<AmoCompanyFieldsUpdate> updates, CancellationToken cancellationToken);

    [Post("/api/v4/tasks")]
    Task AddTasksAsync([Body] IReadOnlyList<AmoNewTask> tasks, CancellationToken cancellationToken);

    [Post("/api/v4/companies/notes")]
    Task AddCompanyNotesAsync([Body] IReadOnlyList<AmoNewNote> notes, CancellationToken cancellationToken);
}
