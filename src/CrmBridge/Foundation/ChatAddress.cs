using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace CrmBridge.Foundation;

/// <summary>
/// Where a Telegram message goes: a numeric chat id, or a public channel's "@username", which the Bot API accepts as
/// chat_id for sending (core.telegram.org/bots/api#sendmessage). Incoming updates always carry the number, so checks on
/// who wrote stay numeric. Stored in outbox payloads as a JSON number (an id, as before) or a string (a name).
/// </summary>
[TypeConverter(typeof(ChatAddressTypeConverter))]
[JsonConverter(typeof(ChatAddressJsonConverter))]
internal readonly partial record struct ChatAddress
{
    private readonly long id;
    private readonly string? name;

    private ChatAddress(long id, string? name)
    {
        this.id = id;
        this.name = name;
    }

    /// <summary>The numeric chat id, or null for a channel named by @username.</summary>
    public long? Id => name is null ? id : null;

    /// <summary>"@sales_heads", or null for a numeric chat.</summary>
    public string? Name => name;

    /// <summary>Groups and channels (negative ids, @names) share Telegram's per-group sending limit.</summary>
    public bool IsGroupOrChannel => name is not null || id < 0;

    public static implicit operator ChatAddress(long id) => new(id, null);

    public static ChatAddress FromInt64(long id) => new(id, null);

    /// <summary>A number ("-1001234567890") or "@" and a Telegram username (a letter, then letters, digits, '_'; 4–32 long).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ChatAddress address)
    {
        var trimmed = (text ?? "").Trim();
        if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            address = new ChatAddress(number, null);
            return true;
        }

        address = default;
        if (!ChannelName().IsMatch(trimmed))
        {
            return false;
        }

        address = new ChatAddress(0, trimmed);
        return true;
    }

    /// <summary>What is wrong with a configured chat, in words; null when it is a number or an @channel name.</summary>
    public static string? Problem(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        return TryParse(trimmed, out _)
            ? null
            : $"'{trimmed}' is neither a numeric chat id nor an @channel name (a public channel's username: a letter, then letters, digits or '_', 4–32 long); send /start to the bot to learn a chat's id";
    }

    public static ChatAddress Parse(string text) =>
        TryParse(text, out var address) ? address : throw new FormatException($"'{text}' is neither a numeric chat id nor an @channel name.");

    /// <summary>True when the chat is this number, or (for a named channel) has this username.</summary>
    public bool Is(long chatId, string? username) =>
        name is null ? id == chatId : username is { Length: > 0 } && string.Equals(name[1..], username, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => name ?? id.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^@[A-Za-z][A-Za-z0-9_]{3,31}$")]
    private static partial Regex ChannelName();
}

/// <summary>Lets the configuration binder read "123" and "@channel" into a <see cref="ChatAddress"/>.</summary>
internal sealed class ChatAddressTypeConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text ? ChatAddress.Parse(text) : base.ConvertFrom(context, culture, value);
}

internal sealed class ChatAddressJsonConverter : JsonConverter<ChatAddress>
{
    public override ChatAddress Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => reader.GetInt64(),
        JsonTokenType.String when ChatAddress.TryParse(reader.GetString(), out var address) => address,
        _ => throw new JsonException("A chat address must be a number or an @channel name."),
    };

    public override void Write(Utf8JsonWriter writer, ChatAddress value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Id is { } id)
        {
            writer.WriteNumberValue(id);
        }
        else
        {
            writer.WriteStringValue(value.Name);
        }
    }
}
