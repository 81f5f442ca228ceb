using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace CrmBridge.Sandbox.Bitrix24;

/// <summary>Bitrix24's JSON conventions: dates with the portal offset, the "time" block, values of any shape.</summary>
internal static class BitrixJson
{
    public static string Date(DateTimeOffset at, TimeSpan offset) =>
        at.ToOffset(offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case decimal d:
                writer.WriteNumberValue(d);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case BitrixRow row:
                row.Write(writer, []);
                break;
            case BitrixMultiField m:
                writer.WriteStartObject();
                writer.WriteString("ID", m.Id);
                writer.WriteString("VALUE_TYPE", m.ValueType);
                writer.WriteString("VALUE", m.Value);
                writer.WriteString("TYPE_ID", m.TypeId);
                writer.WriteEndObject();
                break;
            case IDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(BitrixParams.Text(value));
                break;
        }
    }

    /// <summary>The "time" block; with a null name it is written as a bare value (batch result_time entries).</summary>
    public static void WriteTime(Utf8JsonWriter writer, DateTimeOffset start, DateTimeOffset finish, TimeSpan offset, double operating, string? name = "time")
    {
        if (name is null)
        {
            writer.WriteStartObject();
        }
        else
        {
            writer.WriteStartObject(name);
        }

        writer.WriteNumber("start", start.ToUnixTimeMilliseconds() / 1000.0);
        writer.WriteNumber("finish", finish.ToUnixTimeMilliseconds() / 1000.0);
        writer.WriteNumber("duration", (finish - start).TotalSeconds);
        writer.WriteNumber("processing", (finish - start).TotalSeconds);
        writer.WriteString("date_start", Date(start, offset));
        writer.WriteString("date_finish", Date(finish, offset));
        writer.WriteNumber("operating_reset_at", start.ToUnixTimeSeconds() + 600);
        writer.WriteNumber("operating", operating);
        writer.WriteEndObject();
    }
}
