using System.Text.Json;

namespace CrmBridge.Bitrix24.Api;

/// <summary>One set of serializer options for every Bitrix24 shape.</summary>
internal static class BitrixJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNameCaseInsensitive = false,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
        };
        options.Converters.Add(new LenientStringConverter());
        options.Converters.Add(new FlagConverter());
        options.Converters.Add(new OffsetDateConverter());
        options.Converters.Add(new KeyedOrListConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
