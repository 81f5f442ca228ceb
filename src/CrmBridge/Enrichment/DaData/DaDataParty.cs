using System.Text.Json.Serialization;

namespace CrmBridge.Enrichment.DaData;

/// <summary>The fields of DaData's party object CrmBridge reads; the rest of the (large) object is ignored.</summary>
internal sealed record DaDataParty
{
    [JsonPropertyName("inn")]
    public string? Inn { get; init; }

    [JsonPropertyName("kpp")]
    public string? Kpp { get; init; }

    [JsonPropertyName("ogrn")]
    public string? Ogrn { get; init; }

    [JsonPropertyName("branch_type")]
    public string? BranchType { get; init; }

    [JsonPropertyName("branch_count")]
    public int? BranchCount { get; init; }

    [JsonPropertyName("name")]
    public DaDataName? Name { get; init; }

    [JsonPropertyName("address")]
    public DaDataAddress? Address { get; init; }

    [JsonPropertyName("management")]
    public DaDataManagement? Management { get; init; }

    [JsonPropertyName("state")]
    public DaDataState? State { get; init; }

    [JsonPropertyName("okved")]
    public string? Okved { get; init; }

    [JsonPropertyName("employee_count")]
    public int? EmployeeCount { get; init; }

    [JsonPropertyName("finance")]
    public DaDataFinance? Finance { get; init; }
}

internal sealed record DaDataName(
    [property: JsonPropertyName("full_with_opf")] string? FullWithOpf,
    [property: JsonPropertyName("short_with_opf")] string? ShortWithOpf);

internal sealed record DaDataAddress(
    [property: JsonPropertyName("value")] string? Value,
    [property: JsonPropertyName("unrestricted_value")] string? UnrestrictedValue,
    [property: JsonPropertyName("data")] DaDataAddressData? Data);

internal sealed record DaDataAddressData([property: JsonPropertyName("region_with_type")] string? RegionWithType);

internal sealed record DaDataManagement(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("post")] string? Post);

/// <summary>Status is kept as text: DaData may add values, and an unknown one must not break the parse.</summary>
internal sealed record DaDataState(
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("registration_date")] long? RegistrationDate,
    [property: JsonPropertyName("liquidation_date")] long? LiquidationDate);

internal sealed record DaDataFinance([property: JsonPropertyName("revenue")] decimal? Revenue);
