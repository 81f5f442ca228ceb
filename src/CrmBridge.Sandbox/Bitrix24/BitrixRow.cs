using System.Text.Json;

namespace CrmBridge.Sandbox.Bitrix24;

/// <summary>One record as Bitrix24 returns it: ordered fields whose values are strings, numbers, bools, lists or multifields.</summary>
internal sealed class BitrixRow
{
    private readonly List<KeyValuePair<string, object?>> _fields = new(32);

    public BitrixRow Add(string key, object? value)
    {
        _fields.Add(new(key, value));
        return this;
    }

    public object? Raw(string key)
    {
        foreach (var field in _fields)
        {
            if (string.Equals(field.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return field.Value;
            }
        }

        return null;
    }

    public string? Get(string key) => Raw(key) is { } value and not IEnumerable<BitrixMultiField> ? BitrixParams.Text(value) : null;

    /// <summary>
    /// select semantics: empty or "*" = all plain fields; multifields (PHONE, EMAIL... as lists) only when named;
    /// UF_* fields when named or "UF_*". A user's EMAIL is a plain string, so user.get always returns it.
    /// </summary>
    public void Write(Utf8JsonWriter writer, IReadOnlyCollection<string> select)
    {
        var all = select.Count == 0 || select.Contains("*");
        var allUser = select.Contains("UF_*");
        writer.WriteStartObject();
        foreach (var (key, value) in _fields)
        {
            var named = select.Contains(key);
            var include = value is IEnumerable<BitrixMultiField> ? named : key.StartsWith("UF_", StringComparison.Ordinal) ? named || allUser : all || named || key == "ID";
            if (include)
            {
                writer.WritePropertyName(key);
                BitrixJson.WriteValue(writer, value);
            }
        }

        writer.WriteEndObject();
    }
}
