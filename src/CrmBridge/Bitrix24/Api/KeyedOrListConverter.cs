using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmBridge.Bitrix24.Api;

/// <summary>
/// PHP encodes an empty map as [] and a map with sequential numeric keys as a list, so batch result_error,
/// result_total and result_next come either as an object or as an array (shared/samples/bitrix24-batch.real-mixed-errors.response.json).
/// </summary>
internal sealed class KeyedOrListConverter : JsonConverter<BitrixKeyedValues>
{
    public override bool HandleNull => true;

    public override BitrixKeyedValues Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return BitrixKeyedValues.Empty;
            case JsonTokenType.StartObject:
                var keyed = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(ref reader) ?? [];
                return new BitrixKeyedValues(keyed, []);
            case JsonTokenType.StartArray:
                var keyless = JsonSerializer.Deserialize<List<JsonElement>>(ref reader) ?? [];
                return new BitrixKeyedValues(new Dictionary<string, JsonElement>(), keyless);
            default:
                throw new JsonException($"Expected an object or an array, got {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, BitrixKeyedValues value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Keyless.Count > 0)
        {
            JsonSerializer.Serialize(writer, value.Keyless);
        }
        else
        {
            JsonSerializer.Serialize(writer, value.Keyed);
        }
    }
}
