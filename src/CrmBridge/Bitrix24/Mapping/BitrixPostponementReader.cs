using System.Globalization;
using System.Text.Json;
using CrmBridge.Bitrix24.Api;
using CrmBridge.Core.Rules;
using Microsoft.Extensions.Logging;

namespace CrmBridge.Bitrix24.Mapping;

/// <summary>
/// Reads Bitrix24:PostponedUntilField and PostponeReasonField of a company row. The date is the day as written: a bare
/// yyyy-MM-dd or an ISO 8601 datetime (date fields come as midnight with the portal's offset); the card returns at
/// 00:00 of that day in the portal time zone. An empty user field ("", null or false) means not postponed. A value
/// that is not a date is logged with the company id and leaves the stored date as it was; the card itself is kept.
/// </summary>
internal sealed class BitrixPostponementReader(Bitrix24Options options, PortalCalendar calendar, string host, ILogger logger)
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss",
    ];

    private readonly string? untilField = Configured(options.PostponedUntilField);
    private readonly string? reasonField = Configured(options.PostponeReasonField);

    public BitrixPostponement Read(BitrixCompany dto)
    {
        ArgumentNullException.ThrowIfNull(dto);
        if (untilField is null && reasonField is null)
        {
            return BitrixPostponement.None;
        }

        var hasUntil = false;
        DateTimeOffset? until = null;
        if (untilField is not null)
        {
            var value = Value(dto, untilField);
            hasUntil = TryReadDay(value, out until);
            if (!hasUntil)
            {
                logger.UnreadableField(host, dto.Id ?? "(none)", untilField, Describe(value), "not a date (yyyy-MM-dd or ISO 8601); the stored return date is kept");
            }
        }

        var hasReason = false;
        string? reason = null;
        if (reasonField is not null)
        {
            var value = Value(dto, reasonField);
            hasReason = TryReadText(value, out reason);
            if (!hasReason)
            {
                logger.UnreadableField(host, dto.Id ?? "(none)", reasonField, Describe(value), "not a text; the stored reason is kept");
            }
        }

        return new BitrixPostponement(hasUntil, until, hasReason, reason);
    }

    private bool TryReadDay(JsonElement? value, out DateTimeOffset? until)
    {
        until = null;
        if (value is not { } element || element.ValueKind is JsonValueKind.Null or JsonValueKind.False)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var text = element.GetString()!.Trim();
        if (text.Length == 0)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            until = calendar.StartOf(day);
            return true;
        }

        if (DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            until = calendar.StartOf(DateOnly.FromDateTime(at.DateTime));
            return true;
        }

        return false;
    }

    /// <summary>Strings and numbers as text; an empty field ("", null, false) as null; lists and objects are unreadable.</summary>
    private static bool TryReadText(JsonElement? value, out string? text)
    {
        text = null;
        switch (value?.ValueKind)
        {
            case null or JsonValueKind.Null or JsonValueKind.False:
                return true;
            case JsonValueKind.String:
                text = string.IsNullOrWhiteSpace(value.Value.GetString()) ? null : value.Value.GetString()!.Trim();
                return true;
            case JsonValueKind.Number:
                text = value.Value.GetRawText();
                return true;
            default:
                return false;
        }
    }

    private static JsonElement? Value(BitrixCompany dto, string field) =>
        dto.Extra is not null && dto.Extra.TryGetValue(field, out var value) ? value : null;

    private static string Describe(JsonElement? value)
    {
        var raw = value?.ToString() ?? "";
        return raw.Length <= 40 ? raw : raw[..40] + "…";
    }

    private static string? Configured(string? field) => string.IsNullOrWhiteSpace(field) ? null : field.Trim();
}
