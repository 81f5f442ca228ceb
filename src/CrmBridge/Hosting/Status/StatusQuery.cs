using CrmBridge.Telegram;

namespace CrmBridge.Hosting.Status;

/// <summary>/status in the bot: the worker holds the store, so the report is read live.</summary>
internal sealed class StatusQuery(StatusReader reader) : IStatusQuery
{
    public IReadOnlyList<string> Lines() => reader.Read().Lines;
}
