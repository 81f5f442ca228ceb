using CrmBridge.Telegram;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace CrmBridge.Setup;

/// <summary>
/// The bot's name (getMe) and the chats that wrote to it (getUpdates without an offset, so nothing is confirmed: the
/// worker still gets every update). A running worker or a set webhook takes the updates first; the report says so.
/// </summary>
internal sealed class TelegramSetupReader(TelegramClientFactory factory)
{
    public async Task<TelegramSurvey> ReadAsync(CancellationToken cancellationToken)
    {
        if (!factory.Enabled)
        {
            return TelegramSurvey.NotConfigured;
        }

        try
        {
            var me = await factory.Client.GetMe(cancellationToken);
            var updates = await factory.Client.GetUpdates(offset: null, limit: 100, timeout: 0, allowedUpdates: null, cancellationToken: cancellationToken);
            var chats = updates
                .Select(update => (Chat: ChatOf(update), Text: update.Message?.Text ?? update.ChannelPost?.Text))
                .Where(seen => seen.Chat is not null)
                .GroupBy(seen => seen.Chat!.Id)
                .Select(group => new TelegramChatSeen(group.Key, Kind(group.Last().Chat!.Type), Title(group.Last().Chat!), group.LastOrDefault(seen => seen.Text is not null).Text))
                .OrderBy(chat => chat.Type, StringComparer.Ordinal)
                .ThenBy(chat => chat.Title, StringComparer.CurrentCulture)
                .ToList();
            return new TelegramSurvey(me.FirstName, me.Username, chats);
        }
        catch (ApiRequestException exception) when (exception.ErrorCode == 409)
        {
            return new TelegramSurvey(null, null, [], "getUpdates is taken (409): a running worker or a webhook reads the updates; stop it and run setup again");
        }
        catch (ApiRequestException exception)
        {
            // Telegram's description ("Unauthorized", "Not Found") never holds the token.
            return new TelegramSurvey(null, null, [], $"Telegram answered {exception.ErrorCode}: {exception.Message}");
        }
        catch (RequestException exception)
        {
            // Transport messages may quote the request address, which holds the token: name the kind only.
            return new TelegramSurvey(null, null, [], $"Telegram did not answer ({exception.InnerException?.GetType().Name ?? exception.GetType().Name})");
        }
    }

    private static Chat? ChatOf(Update update) =>
        update.Message?.Chat ?? update.EditedMessage?.Chat ?? update.ChannelPost?.Chat ?? update.MyChatMember?.Chat
        ?? update.ChatMember?.Chat ?? update.CallbackQuery?.Message?.Chat;

    private static string Kind(ChatType type) => type switch
    {
        ChatType.Private => "private",
        ChatType.Group => "group",
        ChatType.Supergroup => "supergroup",
        ChatType.Channel => "channel",
        _ => type.ToString().ToLowerInvariant(),
    };

    private static string Title(Chat chat)
    {
        var name = string.Join(' ', new[] { chat.FirstName, chat.LastName }.Where(part => !string.IsNullOrWhiteSpace(part)));
        var title = chat.Title ?? (name.Length > 0 ? name : null);
        return chat.Username is { Length: > 0 } user ? (title is null ? $"@{user}" : $"{title} (@{user})") : title ?? "";
    }
}
