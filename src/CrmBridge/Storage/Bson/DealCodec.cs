using CrmBridge.Core.Model;
using LiteDB;

namespace CrmBridge.Storage.Bson;

internal sealed class DealCodec : RecordCodec<Deal>
{
    private const string DefaultCurrency = "RUB";
    private const string CreatedField = "cr";

    public override string Collection => StoreCollections.Deals;

    public override IReadOnlyList<string> Indexes => [CompanyField];

    public override IReadOnlyList<string> KeptFields => [StageMoves.Field];

    public override string? RequiredField => CreatedField;

    public override void Write(Deal record, BsonDocument document, AccountCodes accounts)
    {
        document.Put("t", record.Title);
        document.Put(CompanyField, record.Company is { } company ? accounts.Key(company) : null);
        document.Put("pl", record.PipelineId);
        document.Put("s", record.StageId);
        document.Put("se", record.StageEnteredAt);
        document.Put("a", record.Amount);
        document.Put("cu", record.Currency == DefaultCurrency ? null : record.Currency);
        document.Put("o", record.OwnerId);
        document.Put(CreatedField, record.CreatedAt);
        document.Put(ModifiedField, record.ModifiedAt);
        document.Put("cl", record.ClosedAt);
        document.Put("out", (int)record.Outcome);
        document.Put("lr", record.LossReason);
        document.Put("pc", record.ProductsCount);
        document.Put("x", record.IsDeleted);
        if (record.Margin is { } margin)
        {
            document["mg"] = margin;
        }
    }

    public override Deal Read(BsonDocument document, CrmRef self, ReadContext context) => new()
    {
        Ref = self,
        Title = document.Text("t") ?? "",
        Company = context.OptionalRef(document, CompanyField),
        PipelineId = document.Text("pl", context.Strings) ?? "",
        StageId = document.Text("s", context.Strings) ?? "",
        StageEnteredAt = document.OptionalMoment("se"),
        Amount = document.Money("a"),
        Currency = document.Text("cu", context.Strings) ?? DefaultCurrency,
        OwnerId = document.Text("o", context.Strings),
        CreatedAt = document.Moment(CreatedField),
        ModifiedAt = document.Moment(ModifiedField),
        ClosedAt = document.OptionalMoment("cl"),
        Outcome = (DealOutcome)document.Number("out"),
        LossReason = document.Text("lr", context.Strings),
        ProductsCount = document.Number("pc"),
        IsDeleted = document.Flag("x"),
        Margin = document.TryGetValue("mg", out var margin) ? margin.AsDecimal : null,
    };
}
