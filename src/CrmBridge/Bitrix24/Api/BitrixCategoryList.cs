using System.Text.Json.Serialization;

namespace CrmBridge.Bitrix24.Api;

/// <summary>crm.category.list result: {"categories":[...]}.</summary>
internal sealed record BitrixCategoryList([property: JsonPropertyName("categories")] IReadOnlyList<BitrixCategory>? Categories);
