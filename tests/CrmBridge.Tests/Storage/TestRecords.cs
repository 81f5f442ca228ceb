using CrmBridge.Core.Classification;
using CrmBridge.Core.Model;

namespace CrmBridge.Tests.Storage;

/// <summary>Fully populated records (no property left at its default), so round-trips test every field.</summary>
internal static class TestRecords
{
    public const string Account = "portal.bitrix24.ru";

    public static readonly DateTimeOffset Moscow = new(2026, 11, 20, 10, 30, 15, 123, TimeSpan.FromHours(3));

    public static CrmRef Ref(string id, CrmKind crm = CrmKind.Bitrix24, string account = Account) => new(crm, account, id);

    public static Company Company(
        string id,
        string? inn = "7707083893",
        string? owner = "7",
        DateTimeOffset? modified = null,
        string title = "ПАО Сбербанк") => new()
        {
            Ref = Ref(id),
            Title = title,
            Inn = inn,
            Kpp = "773601001",
            Ogrn = "1027700132195",
            Requisites = [new Requisite(inn, "773601001", "1027700132195", "Головной офис"), new Requisite(inn, "770801002", null)],
            OwnerId = owner,
            OwnerSince = Moscow.AddDays(-40),
            CreatedAt = Moscow.AddYears(-2),
            ModifiedAt = modified ?? Moscow,
            Phones = ["+7 495 500-55-50", "900"],
            Emails = ["sberbank@sberbank.ru"],
            WebSite = "https://www.sberbank.ru",
            Category = ClientCategory.B,
            Status = ClientStatus.Vip,
            StatusFieldValue = "VIP",
            CategoryDecision = new CategoryDecision(CompanyCategory.A, ["headcount 120 >= 50"])
            {
                DecidedAt = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(3)),
                RegistryFingerprint = "0123456789abcdef",
                FirstAAt = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.FromHours(3)),
            },
            PostponedUntil = Moscow.AddMonths(6),
            PostponeReason = "Бюджет на следующий год",
            QuarantinedUntil = Moscow.AddMonths(3),
            IsDeleted = true,
        };

    public static Person Person(string id) => new()
    {
        Ref = Ref(id),
        Company = Ref("1"),
        Name = "Иванов Иван",
        Position = "Директор",
        IsDecisionMaker = true,
        Phones = ["+7 900 000-00-01"],
        Emails = ["ivanov@example.ru", "ii@example.ru"],
        OwnerId = "7",
        CreatedAt = Moscow.AddDays(-100),
        ModifiedAt = Moscow,
        IsDeleted = true,
    };

    public static Deal Deal(string id) => new()
    {
        Ref = Ref(id),
        Title = "Поставка 12/2026",
        Company = Ref("1"),
        PipelineId = "0",
        StageId = "C0:WON",
        StageEnteredAt = Moscow.AddDays(-3),
        Amount = 1_234_567.89m,
        Currency = "USD",
        OwnerId = "7",
        CreatedAt = Moscow.AddDays(-30),
        ModifiedAt = Moscow,
        ClosedAt = Moscow.AddDays(-1),
        Outcome = DealOutcome.Won,
        LossReason = "—",
        Margin = -1250.50m,
        ProductsCount = 4,
        IsDeleted = true,
    };

    public static Activity Activity(string id) => new()
    {
        Ref = Ref(id, CrmKind.AmoCrm, "example.amocrm.ru"),
        Company = Ref("1", CrmKind.AmoCrm, "example.amocrm.ru"),
        Deal = Ref("5", CrmKind.AmoCrm, "example.amocrm.ru"),
        Kind = ActivityKind.Meeting,
        Direction = Direction.Outbound,
        OwnerId = "123",
        At = new DateTimeOffset(2026, 11, 19, 23, 59, 59, TimeSpan.FromHours(-5)),
        Completed = true,
        Subject = "Встреча в офисе",
        ModifiedAt = Moscow,
        IsDeleted = true,
    };

    public static Manager Manager(string id) => new()
    {
        Ref = Ref(id),
        Name = "Петрова Анна",
        Email = "petrova@example.ru",
        Active = false,
        ModifiedAt = Moscow,
    };

    public static Pipeline Pipeline(string id) => new()
    {
        Ref = Ref(id),
        Name = "Продажи",
        Stages = [new Stage("C0:NEW", "Новая", 10, StageSemantics.Open), new Stage("C0:WON", "Успешно", 60, StageSemantics.Won)],
        ModifiedAt = Moscow,
    };

    public static StageChange StageChange(string id) => new()
    {
        Ref = Ref(id),
        Deal = Ref("5"),
        PipelineId = "0",
        FromStageId = "C0:NEW",
        ToStageId = "C0:WON",
        At = Moscow,
        ByUserId = "7",
    };

    public static OwnerChange OwnerChange(string id) => new()
    {
        Ref = Ref(id),
        Company = Ref("1"),
        FromOwnerId = "7",
        ToOwnerId = "8",
        At = Moscow,
    };
}
