using System.Globalization;
using System.Text.Json;
using CrmBridge.Bitrix24.Transport;

namespace CrmBridge.Bitrix24.Loading;

/// <summary>The rows of one list reply and the last ID among them (the keyset's next start).</summary>
internal static class PageRows
{
    public static List<JsonElement> Of(JsonElement result, string? itemsPath)
    {
        var list = itemsPath is not null && result.ValueKind == JsonValueKind.Object && result.TryGetProperty(itemsPath, out var items) ? items : result;
        return list.ValueKind switch
        {
            JsonValueKind.Array => [.. list.EnumerateArray()],

            // PHP turns a list with holes into an object keyed by position.
            JsonValueKind.Object when list.EnumerateObject().All(p => p.Name.All(char.IsAsciiDigit)) => [.. list.EnumerateObject().Select(p => p.Value)],
            JsonValueKind.Object => throw new Bitrix24Exception("Bitrix24 list reply holds an object where a list of rows was expected."),
            _ => [],
        };
    }

    public static string LastId(List<JsonElement> rows)
    {
        for (var i = rows.Count - 1; i >= 0; i--)
        {
            if (rows[i].ValueKind == JsonValueKind.Object && rows[i].TryGetProperty("ID", out var id))
            {
                var text = id.ValueKind == JsonValueKind.Number ? id.GetInt64().ToString(CultureInfo.InvariantCulture) : id.GetString();
                if (!string.IsNullOrEmpty(text))
                {
                    return text;
                }
            }
        }

        throw new Bitrix24Exception("Bitrix24 list rows carry no ID; keyset paging cannot continue.");
    }
}
