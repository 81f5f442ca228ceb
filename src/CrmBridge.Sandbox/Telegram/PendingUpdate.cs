using System.Text.Json;

namespace CrmBridge.Sandbox.Telegram;

/// <summary>A message someone wrote to the bot, served by getUpdates as an Update with a message.</summary>
internal sealed record PendingUpdate(long UpdateId, long ChatId, string Name, string Text, string? GroupTitle, DateTimeOffset At)
{
    /// <summary>Who wrote in a group: any person, the chat is what setup lists.</summary>
    private const long GroupMemberId = 5_000_001;

    public void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("update_id", UpdateId);
        w.WriteStartObject("message");
        w.WriteNumber("message_id", UpdateId);
        w.WriteStartObject("from");
        w.WriteNumber("id", GroupTitle is null ? ChatId : GroupMemberId);
        w.WriteBoolean("is_bot", false);
        w.WriteString("first_name", Name);
        w.WriteEndObject();
        w.WriteStartObject("chat");
        w.WriteNumber("id", ChatId);
        if (GroupTitle is null)
        {
            w.WriteString("type", "private");
            w.WriteString("first_name", Name);
        }
        else
        {
            w.WriteString("type", "group");
            w.WriteString("title", GroupTitle);
        }

        w.WriteEndObject();
        w.WriteNumber("date", At.ToUnixTimeSeconds());
        w.WriteString("text", Text);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
