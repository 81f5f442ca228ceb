using CrmBridge.Core.Model;
using CrmBridge.Foundation;
using CrmBridge.Outbox;
using CrmBridge.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CrmBridge.Tests.Outbox;

/// <summary>Planned actions and dispatchers for outbox tests.</summary>
internal static class OutboxTestActions
{
    public static readonly CrmRef Company = new(CrmKind.Bitrix24, "portal.bitrix24.ru", "42");

    public static PlannedAction Message(string key = "digest:2026-11-23:chat:100") =>
        new(ActionKinds.TelegramMessage, key, new TelegramMessagePayload(100, "<b>Сводка</b>"), "Digest to chat 100");

    public static PlannedAction Reassign(string key = "reassign:bitrix24:42:2026-11-23") =>
        new(ActionKinds.CrmReassign, key, new ReassignCompanyPayload(Company, "8", "Срок закрепления истёк"), "Company 42 to manager 8");

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(3)));

    public static OutboxDispatcher Dispatcher(
        CrmStore store,
        TimeProvider time,
        IActionExecutor executor,
        bool dryRun = false,
        int maxAttempts = 8,
        ListLogger<OutboxDispatcher>? logger = null) =>
        new(
            time,
            [executor],
            store.Outbox,
            store.Audit,
            Options.Create(new RunOptions { DryRun = dryRun }),
            Options.Create(new OutboxOptions { MaxAttempts = maxAttempts }),
            logger ?? new ListLogger<OutboxDispatcher>());
}
