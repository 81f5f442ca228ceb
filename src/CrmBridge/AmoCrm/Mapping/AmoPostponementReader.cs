using System.Globalization;
using System.Text.Json;
using CrmBridge.AmoCrm.Api;
using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;

namespace CrmBridge.AmoCrm.Mapping;

/// <summary>
/// Reads AmoCrm:PostponedUntilField* and PostponeReasonField* from custom_fields_values. A date field's value is unix
/// seconds (ISO 8601 text is taken too); the card returns at 00:00 of that day in the portal time zone. amoCRM leaves an empty field out of
/// custom_fields_values, so a missing field means not postponed. A value that is not a date is reported with the
/// company id and the stored date is kept; the card itself is stored. Fields that are not configured stay untouched.
/// </summary>
internal sealed class AmoPostponementReader(AmoCrmOptions options, PortalCalendar calendar, Action<long, long> reportBrokenField)
{
    /// <summary>Some clients write dates as ISO 8601 text; the day as written counts.</summary>
    private static readonly string[] IsoFormats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ssK"];

    public Company Apply(Company company, AmoCompany source, Company? stored)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(source);
        var fields = source.CustomFieldsValues;
        if (options.ReadsPostponedUntil)
        {
            var field = AmoCustomFieldReader.Find(fields, options.PostponedUntilFieldId, Blank(options.PostponedUntilFieldCode));
            if (TryReadDay(field, out var until))
            {
                company = company with { PostponedUntil = until };
            }
            else
            {
                reportBrokenField(source.Id, field!.FieldId);
                company = company with { PostponedUntil = stored?.PostponedUntil };
            }
        }

        if (options.ReadsPostponeReason)
        {
            var field = AmoCustomFieldReader.Find(fields, options.PostponeReasonFieldId, Blank(options.PostponeReasonFieldCode));
            if (field is null)
            {
                company = company with { PostponeReason = null };
            }
            else if (AmoCustomFieldReader.TryReadTexts(field, out var texts))
            {
                company = company with { PostponeReason = texts.Count == 0 ? null : string.Join(", ", texts) };
            }
            else
            {
                reportBrokenField(source.Id, field.FieldId);
                company = company with { PostponeReason = stored?.PostponeReason };
            }
        }

        return company;
    }

    private bool TryReadDay(AmoCustomFieldValue? field, out DateTimeOffset? until)
    {
        until = null;
        if (field is null || field.Values.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return true;
        }

        if (field.Values.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var entry in field.Values.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("value", out var value))
            {
                return false;
            }

            if (value.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParseExact(value.GetString(), IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var written))
            {
                until = calendar.StartOf(DateOnly.FromDateTime(written.DateTime));
                return true;
            }

            if (!TryReadUnixSeconds(value, out var seconds))
            {
                return false;
            }

            if (seconds is { } unix)
            {
                until = calendar.StartOf(calendar.DateOf(DateTimeOffset.FromUnixTimeSeconds(unix)));
                return true;
            }
        }

        return true;
    }

    /// <summary>A number or a numeric string; "" or null is no date.</summary>
    private static bool TryReadUnixSeconds(JsonElement value, out long? seconds)
    {
        seconds = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.Number when value.TryGetInt64(out var number):
                seconds = number;
                break;
            case JsonValueKind.String when string.IsNullOrWhiteSpace(value.GetString()):
                return true;
            case JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed):
                seconds = parsed;
                break;
            default:
                return false;
        }

        // 1900-01-01..9999-12-30: outside that it is not a day a person picked (and not a DateTimeOffset).
        return seconds is >= -2_208_988_800 and <= 253_402_214_400;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
