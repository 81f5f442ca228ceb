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
            // One pass straight into the record; only a record that fails is read again (from a copy of the reader: a
            // custom converter gets the whole value buffered) to name its id. Parsing every record into a document first
            // and then deserializing that cost a second pass over each page.
            var start = reader;
            try
            {
                return JsonSerializer.Deserialize<T>(ref reader, options) is { } value
                    ? new AmoItem<T>(value, null, null)
                    : new AmoItem<T>(null, null, "the record is null");
            }
            catch (JsonException exception)
            {
                reader = start;
                using var document = JsonDocument.ParseValue(ref reader);
                return new AmoItem<T>(null, ReadId(document.RootElement), exception.Message);
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
