using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmBridge.Bitrix24.Api;

/// <summary>Bitrix24 flags are "Y"/"N" strings (user.get sends real booleans); anything else is malformed.</summary>
internal sealed class FlagConverter : JsonConverter<bool>
{
    public override bool HandleNull => true;

    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False or JsonTokenType.Null => false,
            JsonTokenType.Number => reader.GetInt64() != 0,
            JsonTokenType.String => reader.GetString() switch
            {
                "Y" or "y" or "1" or "true" => true,
                "N" or "n" or "0" or "false" or "" or null => false,
                var other => throw new JsonException($"'{other}' is not a Y/N flag."),
            },
            _ => throw new JsonException($"Expected a Y/N flag, got {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteBooleanValue(value);
    }
}
