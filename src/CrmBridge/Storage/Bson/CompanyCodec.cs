using CrmBridge.Core.Classification;
using CrmBridge.Core.Model;
using LiteDB;

namespace CrmBridge.Storage.Bson;

/// <summary>
/// A company card. The INN is kept once, as its index key (bare digits when valid), and the raw text only when it
/// differs; a requisite that carries the card's own INN/KPP/OGRN says so instead of repeating them.
/// </summary>
internal sealed class CompanyCodec : RecordCodec<Company>
{
    public const string InnField = "k";

    public override string Collection => StoreCollections.Companies;

    public override IReadOnlyList<string> Indexes => [InnField];

    public override void Write(Company record, BsonDocument document, AccountCodes accounts)
    {
        var key = InnKey.Of(record.Inn);
        document.Put("t", record.Title);
        document.Put(InnField, key);
        document.Put("i", record.Inn == key ? null : record.Inn);
        document.Put("kp", record.Kpp);
        document.Put("og", record.Ogrn);
        if (record.Requisites.Count > 0)
        {
            var requisites = new BsonArray();
            foreach (var requisite in record.Requisites)
            {
                requisites.Add(Requisite(record, requisite));
            }

            document["r"] = requisites;
        }

        document.Put("o", record.OwnerId);
        document.Put("os", record.OwnerSince);
        document.Put("cr", record.CreatedAt);
        document.Put(ModifiedField, record.ModifiedAt);
        document.Put("ph", record.Phones);
        document.Put("em", record.Emails);
        document.Put("w", record.WebSite);
        document.Put("cat", record.Category == default ? null : record.Category.ToString());
        document.Put("st", record.Status == default ? null : record.Status.ToString());
        document.Put("pu", record.PostponedUntil);
        document.Put("pr", record.PostponeReason);
        document.Put("q", record.QuarantinedUntil);
        document.Put("x", record.IsDeleted);
        document.Put("sf", record.StatusFieldValue);
        if (record.CategoryDecision is { } decision)
        {
            var reasons = new BsonArray();
            foreach (var reason in decision.Reasons)
            {
                reasons.Add(reason);
            }

            var stored = new BsonDocument { ["c"] = decision.Category.ToString(), ["r"] = reasons };
            stored.Put("at", decision.DecidedAt);
            stored.Put("fp", decision.RegistryFingerprint.Length == 0 ? null : decision.RegistryFingerprint);
            stored.Put("a", decision.FirstAAt);
            document["cd"] = stored;
        }
    }

    public override Company Read(BsonDocument document, CrmRef self, ReadContext context)
    {
        var title = document.Text("t") ?? "";
        var inn = document.Text("i") ?? document.Text(InnField);
        var kpp = document.Text("kp");
        var ogrn = document.Text("og");
        var requisites = document.TryGetValue("r", out var array) && array.IsArray
            ? [.. array.AsArray.Select(r => Requisite(r.AsDocument, title, inn, kpp, ogrn))]
            : new List<Requisite>();
        return new Company
        {
            Ref = self,
            Title = title,
            Inn = inn,
            Kpp = kpp,
            Ogrn = ogrn,
            Requisites = requisites,
            OwnerId = document.Text("o", context.Strings),
            OwnerSince = document.OptionalMoment("os"),
            CreatedAt = document.Moment("cr"),
            ModifiedAt = document.Moment(ModifiedField),
            Phones = document.Texts("ph"),
            Emails = document.Texts("em"),
            WebSite = document.Text("w"),
            Category = document.Text("cat") is { } category ? Enum.Parse<ClientCategory>(category) : default,
            Status = document.Text("st") is { } status ? Enum.Parse<ClientStatus>(status) : default,
            PostponedUntil = document.OptionalMoment("pu"),
            PostponeReason = document.Text("pr"),
            QuarantinedUntil = document.OptionalMoment("q"),
            IsDeleted = document.Flag("x"),
            StatusFieldValue = document.Text("sf"),
            CategoryDecision = document.TryGetValue("cd", out var decision) && decision.IsDocument ? Decision(decision.AsDocument) : null,
        };
    }

    private static CategoryDecision Decision(BsonDocument document) =>
        new(Enum.Parse<CompanyCategory>(document["c"].AsString), [.. document["r"].AsArray.Select(r => r.AsString)])
        {
            DecidedAt = document.OptionalMoment("at") ?? default,
            RegistryFingerprint = document.Text("fp") ?? "",
            FirstAAt = document.OptionalMoment("a"),
        };

    private static BsonDocument Requisite(Company company, Requisite requisite)
    {
        var document = new BsonDocument();
        document.Put("id", requisite.Id);
        if (requisite.Inn is not null && requisite.Inn == company.Inn && requisite.Kpp == company.Kpp && requisite.Ogrn == company.Ogrn)
        {
            document["="] = true;
        }
        else
        {
            document.Put("i", requisite.Inn);
            document.Put("kp", requisite.Kpp);
            document.Put("og", requisite.Ogrn);
        }

        if (requisite.Name is not null && requisite.Name == company.Title)
        {
            document["nt"] = true;
        }
        else
        {
            document.Put("n", requisite.Name);
        }

        document.Put("off", !requisite.IsActive);
        return document;
    }

    private static Requisite Requisite(BsonDocument document, string title, string? inn, string? kpp, string? ogrn)
    {
        var same = document.Flag("=");
        var name = document.Flag("nt") ? title : document.Text("n");
        return new Requisite(same ? inn : document.Text("i"), same ? kpp : document.Text("kp"), same ? ogrn : document.Text("og"), name)
        {
            Id = document.Text("id"),
            IsActive = !document.Flag("off"),
        };
    }
}
