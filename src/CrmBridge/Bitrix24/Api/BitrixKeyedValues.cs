using System.Text.Json;

namespace CrmBridge.Bitrix24.Api;

/// <summary>A batch map as it came: keyed by command, or (PHP quirk) a keyless list.</summary>
internal sealed record BitrixKeyedValues(IReadOnlyDictionary<string, JsonElement> Keyed, IReadOnlyList<JsonElement> Keyless)
{
    public static BitrixKeyedValues Empty { get; } = new(new Dictionary<string, JsonElement>(), []);
}
