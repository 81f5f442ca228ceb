using System.Globalization;
using System.Text.Json;
using CrmBridge.Bitrix24.Api;
using CrmBridge.Core.Model;

namespace CrmBridge.Bitrix24.Mapping;

/// <summary>Bitrix24 shapes to the normalized model: strings to numbers, Y/N to booleans, multifields to lists.</summary>
internal sealed class Bitrix24Mapper(string host, Bitrix24Options options)
{
    public string Host { get; } = host;

    public CrmRef Ref(string id) => new(CrmKind.Bitrix24, Host, id);

    public Company Company(BitrixCompany dto)
    {
        var id = RequireId(dto.Id);
        return new Company
        {
            Ref = Ref(id),
            Title = dto.Title ?? "",
            OwnerId = Blank(dto.AssignedById),
            CreatedAt = dto.DateCreate ?? dto.DateModify ?? throw new MalformedRecordException("DATE_CREATE is missing"),
            ModifiedAt = dto.DateModify ?? dto.DateCreate!.Value,
            Phones = Values(dto.Phone),
            Emails = Values(dto.Email),
            WebSite = Values(dto.Web).FirstOrDefault(),
            StatusFieldValue = FieldText(dto.Extra, options.StatusField),
        };
    }

    /// <summary>The value of the configured INN field (UF_CRM_*), when the company has one.</summary>
    public string? InnFieldValue(BitrixCompany dto)
    {
        if (string.IsNullOrWhiteSpace(options.InnField) || dto.Extra is null || !dto.Extra.TryGetValue(options.InnField, out var value))
        {
            return null;
        }

        return Blank(value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.ToString(),
            _ => null,
        });
    }

    public CompanyRequisite Requisite(BitrixRequisite dto)
    {
        var id = RequireId(dto.Id);
        var companyId = RequireId(dto.EntityId);
        var requisite = new Requisite(Blank(dto.Inn), Blank(dto.Kpp), Blank(dto.Ogrn) ?? Blank(dto.Ogrnip), Blank(dto.CompanyName) ?? Blank(dto.Name))
        {
            Id = id,
            IsActive = dto.Active,
        };
        return new CompanyRequisite(Ref(companyId), requisite);
    }

    public Person Person(BitrixContact dto)
    {
        var id = RequireId(dto.Id);
        var name = string.Join(' ', new[] { dto.Name, dto.SecondName, dto.LastName }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
        return new Person
        {
            Ref = Ref(id),
            Company = ToRef(dto.CompanyId),
            Name = name.Length > 0 ? name : $"#{id}",
            Position = Blank(dto.Post),
            IsDecisionMaker = IsDecisionMaker(dto),
            Phones = Values(dto.Phone),
            Emails = Values(dto.Email),
            OwnerId = Blank(dto.AssignedById),
            CreatedAt = dto.DateCreate ?? dto.DateModify ?? throw new MalformedRecordException("DATE_CREATE is missing"),
            ModifiedAt = dto.DateModify ?? dto.DateCreate!.Value,
        };
    }

    public Deal Deal(BitrixDeal dto)
    {
        var id = RequireId(dto.Id);
        var outcome = Outcome(dto.StageSemanticId);
        return new Deal
        {
            Ref = Ref(id),
            Title = dto.Title ?? "",
            Company = ToRef(dto.CompanyId),
            PipelineId = Blank(dto.CategoryId) ?? "0",
            StageId = Blank(dto.StageId) ?? throw new MalformedRecordException("STAGE_ID is missing"),
            StageEnteredAt = dto.MovedTime,
            Amount = string.IsNullOrWhiteSpace(dto.Opportunity) ? 0 : decimal.Parse(dto.Opportunity, NumberStyles.Number, CultureInfo.InvariantCulture),
            Currency = Blank(dto.CurrencyId) ?? "RUB",
            OwnerId = Blank(dto.AssignedById),
            CreatedAt = dto.DateCreate ?? dto.DateModify ?? throw new MalformedRecordException("DATE_CREATE is missing"),
            ModifiedAt = dto.DateModify ?? dto.DateCreate!.Value,
            Outcome = outcome,
            ClosedAt = dto.Closed || outcome != DealOutcome.Open ? dto.MovedTime ?? dto.CloseDate : null,
            LossReason = outcome == DealOutcome.Lost ? FieldText(dto.Extra, options.LossReasonField) : null,
            Margin = Money(FieldText(dto.Extra, options.MarginField)),
        };
    }

    private static string? FieldText(Dictionary<string, JsonElement>? extra, string? field)
    {
        if (string.IsNullOrWhiteSpace(field) || extra is null || !extra.TryGetValue(field.Trim(), out var value))
        {
            return null;
        }

        return Blank(value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.ToString(),
            // A multiple field: its first value.
            JsonValueKind.Array when value.GetArrayLength() > 0 => value[0].ToString(),
            _ => null,
        });
    }

    /// <summary>A number, or a Bitrix24 money value "1500.50|RUB" (the currency is the deal's own); null when unreadable.</summary>
    private static decimal? Money(string? text)
    {
        var number = text?.Split('|')[0];
        return decimal.TryParse(number, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    public Activity Activity(BitrixActivity dto, Func<string, CrmRef?> companyOfContact, Func<string, CrmRef?> companyOfDeal)
    {
        var id = RequireId(dto.Id);
        var ownerId = Blank(dto.OwnerId);
        var deal = dto.OwnerTypeId == "2" ? ToRef(ownerId) : null;
        var company = (dto.OwnerTypeId, ownerId) switch
        {
            ("4", { } owner) => ToRef(owner),
            ("3", { } owner) => companyOfContact(owner),
            ("2", { } owner) => companyOfDeal(owner),
            _ => null,
        };
        return new Activity
        {
            Ref = Ref(id),
            Company = company,
            Deal = deal,
            Kind = Kind(dto.TypeId, dto.ProviderId),
            Direction = dto.Direction switch { "1" => Direction.Inbound, "2" => Direction.Outbound, _ => Direction.None },
            OwnerId = Blank(dto.ResponsibleId),
            At = dto.StartTime ?? dto.Created ?? throw new MalformedRecordException("START_TIME is missing"),
            Completed = dto.Completed,
            Subject = Blank(dto.Subject),
            ModifiedAt = dto.LastUpdated ?? dto.Created ?? dto.StartTime!.Value,
        };
    }

    public Manager Manager(BitrixUser dto)
    {
        var id = RequireId(dto.Id);
        var name = $"{dto.Name} {dto.LastName}".Trim();
        return new Manager
        {
            Ref = Ref(id),
            Name = name.Length > 0 ? name : Blank(dto.Email) ?? $"#{id}",
            Email = Blank(dto.Email),
            Active = dto.Active,
            ModifiedAt = dto.DateRegister ?? DateTimeOffset.UnixEpoch,
        };
    }

    public StageChange StageChange(BitrixStageHistoryItem dto, string? fromStageId)
    {
        var id = RequireId(dto.Id);
        return new StageChange
        {
            Ref = Ref(id),
            Deal = Ref(RequireId(dto.OwnerId)),
            PipelineId = Blank(dto.CategoryId) ?? "0",
            FromStageId = fromStageId,
            ToStageId = Blank(dto.StageId) ?? throw new MalformedRecordException("STAGE_ID is missing"),
            At = dto.CreatedTime ?? throw new MalformedRecordException("CREATED_TIME is missing"),
        };
    }

    public static Stage Stage(BitrixStatus dto) =>
        new(
            Blank(dto.StatusId) ?? throw new MalformedRecordException("STATUS_ID is missing"),
            dto.Name ?? "",
            dto.Sort,
            (dto.Semantics, dto.Extra?.Semantics) switch
            {
                ("S", _) or (_, "success") => StageSemantics.Won,
                ("F", _) or (_, "failure" or "apology") => StageSemantics.Lost,
                _ => StageSemantics.Open,
            });

    private static DealOutcome Outcome(string? semantic) => semantic switch
    {
        "S" => DealOutcome.Won,
        "F" => DealOutcome.Lost,
        _ => DealOutcome.Open,
    };

    private static ActivityKind Kind(string? typeId, string? providerId) => typeId switch
    {
        "1" => ActivityKind.Meeting,
        "2" => ActivityKind.Call,
        "3" => ActivityKind.Task,
        "4" => ActivityKind.Email,
        _ when providerId?.Contains("CALL", StringComparison.OrdinalIgnoreCase) == true => ActivityKind.Call,
        _ when providerId?.Contains("TODO", StringComparison.OrdinalIgnoreCase) == true => ActivityKind.Task,
        _ when providerId?.Contains("MAIL", StringComparison.OrdinalIgnoreCase) == true => ActivityKind.Email,
        _ => ActivityKind.Note,
    };

    private bool IsDecisionMaker(BitrixContact dto)
    {
        if (!string.IsNullOrWhiteSpace(options.DecisionMakerField))
        {
            return dto.Extra is not null && dto.Extra.TryGetValue(options.DecisionMakerField, out var flag) && IsTruthy(flag);
        }

        var post = dto.Post;
        return !string.IsNullOrWhiteSpace(post)
            && options.DecisionMakerPositions.Any(p => !string.IsNullOrWhiteSpace(p) && post.Contains(p.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsTruthy(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.Number => value.GetDecimal() != 0,
        JsonValueKind.String => value.GetString() is "Y" or "1" or "true",
        _ => false,
    };

    private CrmRef? ToRef(string? id) => Blank(id) is { } value && value != "0" ? Ref(value) : null;

    private static string RequireId(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.All(char.IsAsciiDigit) ? id : throw new MalformedRecordException($"'{id}' is not a record id");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<string> Values(IReadOnlyList<BitrixMultiField>? fields) =>
        fields is null ? [] : [.. fields.Select(f => Blank(f.Value)).OfType<string>()];
}
