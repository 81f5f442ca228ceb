using System.Text.Json;

namespace CrmBridge.Storage;

/// <summary>
/// Payloads as JSON plus the CLR type name, so they come back as the same records (ActionPayloads.cs).
/// Types are resolved only within this assembly: a stored name cannot make us load arbitrary code.
/// </summary>
internal static class OutboxPayloadSerializer
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new CrmRefJsonConverter() } };

    public static (string Type, string Json) Serialize(object payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var type = payload.GetType();
        if (type.Assembly != typeof(OutboxPayloadSerializer).Assembly || type.FullName is null)
        {
            throw new ArgumentException($"Outbox payloads must be records of the CrmBridge host; {type} is not.", nameof(payload));
        }

        return (type.FullName, JsonSerializer.Serialize(payload, type, Options));
    }

    /// <summary>The payload record, or a <see cref="PermanentActionException"/> when it cannot be read back.</summary>
    public static object Deserialize(string typeName, string json)
    {
        var type = typeof(OutboxPayloadSerializer).Assembly.GetType(typeName, throwOnError: false)
            ?? throw new PermanentActionException($"Unknown payload type '{typeName}'.");
        try
        {
            return JsonSerializer.Deserialize(json, type, Options)
                ?? throw new PermanentActionException($"The stored {type.Name} payload is empty.");
        }
        catch (JsonException ex)
        {
            throw new PermanentActionException($"The stored {type.Name} payload cannot be read: {ex.Message}", ex);
        }
    }
}
