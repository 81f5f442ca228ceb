using CrmBridge.Core.Model;

namespace CrmBridge.Core.Tests.Dedupe;

/// <summary>Company cards for dedupe tables: a Bitrix24 card created 2024-01-01 unless told otherwise.</summary>
internal sealed class CompanyBuilder
{
    public static readonly DateTimeOffset BaseDate = new(2024, 1, 1, 9, 0, 0, TimeSpan.FromHours(3));

    private CrmRef _ref = new(CrmKind.Bitrix24, "portal.bitrix24.ru", "1");
    private string _title = "ООО Ромашка";
    private string? _inn;
    private string? _kpp;
    private string? _ogrn;
    private string? _owner = "7";
    private DateTimeOffset _created = BaseDate;
    private string[] _phones = [];
    private string[] _emails = [];
    private string? _site;
    private IReadOnlyList<Requisite> _requisites = [];

    public static CompanyBuilder Bitrix(string id) => new() { _ref = new CrmRef(CrmKind.Bitrix24, "portal.bitrix24.ru", id) };

    public static CompanyBuilder Amo(string id) => new() { _ref = new CrmRef(CrmKind.AmoCrm, "firm.amocrm.ru", id) };

    public CompanyBuilder Titled(string title) { _title = title; return this; }

    public CompanyBuilder WithInn(string? inn, string? kpp = null) { _inn = inn; _kpp = kpp; return this; }

    public CompanyBuilder WithRequisite(string inn, string? kpp) { _requisites = [.. _requisites, new Requisite(inn, kpp, null)]; return this; }

    public CompanyBuilder WithOgrn(string ogrn) { _ogrn = ogrn; return this; }

    public CompanyBuilder OwnedBy(string? owner) { _owner = owner; return this; }

    public CompanyBuilder CreatedDaysAfterBase(int days) { _created = BaseDate.AddDays(days); return this; }

    public CompanyBuilder WithPhones(params string[] phones) { _phones = phones; return this; }

    public CompanyBuilder WithEmails(params string[] emails) { _emails = emails; return this; }

    public CompanyBuilder WithSite(string site) { _site = site; return this; }

    public Company Build() => new()
    {
        Ref = _ref,
        Title = _title,
        Inn = _inn,
        Kpp = _kpp,
        Ogrn = _ogrn,
        Requisites = _requisites,
        OwnerId = _owner,
        CreatedAt = _created,
        ModifiedAt = _created,
        Phones = _phones,
        Emails = _emails,
        WebSite = _site,
    };

    public static implicit operator Company(CompanyBuilder builder) => builder.Build();
}
