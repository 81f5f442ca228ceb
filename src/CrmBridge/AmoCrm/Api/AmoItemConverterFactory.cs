using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmBridge.AmoCrm.Api;

/// <summary>Reads each list record on its own, so one malformed record does not lose the rest of the page.</summary>
internal sealed class AmoItemConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(AmoItem<>);

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(typeToConvert);
        var converterType = typeof(AmoItemConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]);
        return (JsonConverter?)Activator.CreateInstance(converterType);
    }

    private sealed class AmoItemConverter<T> : JsonConverter<AmoItem<T>>
        where T : class
    {
        public override AmoItem<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            var rawId = ReadId(root);
            try
            {
                var value = root.Deserialize<T>(options);
                return value is null ? new AmoItem<T>(null, rawId, "the record is null") : new AmoItem<T>(value, rawId, null);
            }
            catch (JsonException exception)
            {
                return new AmoItem<T>(null, rawId, exception.Message);
            }
        }

        public override void Write(Utf8JsonWriter writer, AmoItem<T> value, JsonSerializerOptions options) =>
            throw new NotSupportedException("List records are only read.");

        private static string? ReadId(JsonElement root) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var id)
                ? id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText()
                : null;
    }
}
