using System.Text.Json.Serialization;

namespace CrmBridge.AmoCrm.Api;

/// <summary>One record of a list page: either parsed, or the raw id and why it could not be read.</summary>
[JsonConverter(typeof(AmoItemConverterFactory))]
internal sealed record AmoItem<T>(T? Value, string? RawId, string? Error)
    where T : class;
