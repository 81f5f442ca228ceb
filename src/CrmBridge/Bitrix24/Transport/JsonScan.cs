using System.Text.Json;

namespace CrmBridge.Bitrix24.Transport;

/// <summary>A forward pass over a reply without building it: whole JSON, and no "error" at its top level.</summary>
internal static class JsonScan
{
    public static bool IsPlainReply(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("error"u8))
                {
                    return false;
                }
            }

            // The reader throws on a cut body or on anything after the value, so reaching the end means it is whole.
            return reader.BytesConsumed > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
