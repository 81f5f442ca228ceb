using System.Text.Json;
using CrmBridge.Bitrix24.Api;
using Microsoft.Extensions.Logging;

namespace CrmBridge.Bitrix24.Mapping;

/// <summary>Deserializes and maps rows one by one, so one malformed record is logged with its id and the page is kept.</summary>
internal sealed class RowReader(string host, ILogger logger)
{
    private int skipped;

    /// <summary>Records skipped so far; pages of several entities are read side by side.</summary>
    public int Skipped => Volatile.Read(ref skipped);

    public List<TModel> Read<TDto, TModel>(string entity, IReadOnlyList<JsonElement> rows, Func<TDto, TModel> map)
        where TModel : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(map);
        var models = new List<TModel>(rows.Count);
        foreach (var row in rows)
        {
            try
            {
                var dto = row.Deserialize<TDto>(BitrixJson.Options) ?? throw new MalformedRecordException("the row is null");
                models.Add(map(dto));
            }
            catch (Exception ex) when (ex is JsonException or MalformedRecordException or FormatException or InvalidOperationException)
            {
                Interlocked.Increment(ref skipped);
                logger.SkippedRecord(host, entity, IdOf(row), ex.Message);
            }
        }

        return models;
    }

    private static string IdOf(JsonElement row) =>
        row.ValueKind == JsonValueKind.Object && row.TryGetProperty("ID", out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? id.ToString()
            : "(none)";
}
