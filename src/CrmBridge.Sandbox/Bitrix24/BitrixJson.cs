using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace CrmBridge.Sandbox.Bitrix24;

/// <summary>Bitrix24's JSON conventions: dates with the portal offset, the "time" block, values of any shape.</summary>
internal static class BitrixJson
{
    /// <summary>yyyy-MM-ddTHH:mm:ss+03:00, written by hand: a batch formats tens of thousands of these.</summary>
    public static string Date(DateTimeOffset at, TimeSpan offset) =>
        string.Create(25, at.ToOffset(offset), static (span, local) =>
        {
            Digits(span[..4], local.Year);
            span[4] = '-';
            Digits(span.Slice(5, 2), local.Month);
            span[7] = '-';
            Digits(span.Slice(8, 2), local.Day);
            span[10] = 'T';
            Digits(span.Slice(11, 2), local.Hour);
            span[13] = ':';
            Digits(span.Slice(14, 2), local.Minute);
            span[16] = ':';
            Digits(span.Slice(17, 2), local.Second);
            var minutes = (int)local.Offset.TotalMinutes;
            span[19] = minutes < 0 ? '-' : '+';
            minutes = Math.Abs(minutes);
            Digits(span.Slice(20, 2), minutes / 60);
            span[22] = ':';
            Digits(span.Slice(23, 2), minutes % 60);
        });

    private static void Digits(Span<char> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

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
