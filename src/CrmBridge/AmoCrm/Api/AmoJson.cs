using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmBridge.AmoCrm.Api;

/// <summary>
/// amoCRM speaks snake_case JSON. Nullability and constructor parameters are enforced so that a record missing
/// its id or carrying a wrong type fails on its own (and is skipped), instead of turning into zeros.
/// </summary>
internal static class AmoJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };
}
