using System.Text.Json.Nodes;
using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;
using CrmBridge.Rules;
using static CrmBridge.Tests.Rules.RuleTicksWorld;

namespace CrmBridge.Tests.Rules;

/// <remarks>
/// Daily sync ticks through the real Bitrix24 connector, LiteDB file store, rule step, outbox dispatcher and CRM
/// write-back executor, against a fake portal on WireMock that fails any call it does not expect. The card of
/// Иван Иванов was created on 5 February: the warning window is 2–6 March, the term ends on 7 March.
/// Restarts dispose the whole process and reopen the same Store file.
/// </remarks>
public sealed class RuleTicksEndToEndTests
{
    private const string UpdateMethod = "crm.company.update";
    private const string CommentMethod = "crm.timeline.comment.add";

    [Fact]
    public async Task The_ownership_warning_reaches_the_owner_once_over_the_warning_window_even_across_restarts()
    {
        using var world = new RuleTicksWorld(OwnershipMode.Notify, WarningStarts);

        await world.TickDailyAsync(5, restartBefore: [2, 4]);

        Assert.Equal([(OwnerChat, Warning(world))], world.Messages);
        Assert.Equal([true, false, false, false, false], world.Reports.Select(r => r.FirstRun));
        Assert.All(world.Reports, r => Assert.Contains(r.Findings, f => f.Rule == RuleNames.OwnershipWarning));
        Assert.Equal(
            [RuleReportAction.Queued, RuleReportAction.Known, RuleReportAction.Known, RuleReportAction.Known, RuleReportAction.Known],
            world.Reports.Select(r => Assert.Single(r.Actions).State));
        Assert.Empty(world.Writes);
        world.Portal.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task In_Release_mode_the_card_goes_to_the_pool_once_at_the_term_with_the_documented_update_and_comment()
    {
        using var world = new RuleTicksWorld(OwnershipMode.Release, WarningStarts);

        // Days 25–26; the owner calls (not progress); days 27–30 after a restart; a restart right after the release; days 31–32.
        await world.TickDailyAsync(2);
        world.OwnerCalls();
        await world.TickDailyAsync(4, restartBefore: [0]);
        await world.TickDailyAsync(2, restartBefore: [0]);

        Assert.Equal([UpdateMethod, CommentMethod], world.Writes.Select(w => w.Method));
        var update = Assert.Single(world.WritesOf(UpdateMethod));
        Assert.Equal("""{"id":2919,"fields":{"ASSIGNED_BY_ID":99},"params":{"REGISTER_SONET_EVENT":"Y"}}""", update.Body.ToJsonString());
        Assert.Equal(new DateOnly(2026, 3, 7), MoscowDate(update.At));
        var comment = Assert.Single(world.WritesOf(CommentMethod));
        Assert.Equal(["fields"], comment.Body.Select(p => p.Key));
        var fields = comment.Body["fields"]!.AsObject();
        Assert.Equal(["ENTITY_ID", "ENTITY_TYPE", "COMMENT"], fields.Select(p => p.Key));
        Assert.Equal(2919, fields["ENTITY_ID"]!.GetValue<long>());
        Assert.Equal("company", fields["ENTITY_TYPE"]!.GetValue<string>());
        Assert.StartsWith(
            "CrmBridge вернул компанию в общий пул: у менеджера Иван Иванов нет продвижения 30 дн. (с 05.02.2026).",
            fields["COMMENT"]!.GetValue<string>(),
            StringComparison.Ordinal);

        Assert.Equal([(OwnerChat, Warning(world)), (HeadChat, Timeout(world))], world.Messages);
        var store = world.Process.Store;
        Assert.Equal(PoolUserId, store.Companies.Find(new CrmRef(CrmKind.Bitrix24, world.Portal.Host, CompanyId))?.OwnerId);
        var call = Assert.Single(store.Activities.All());
        Assert.Equal((ActivityKind.Call, CompanyId), (call.Kind, call.Company?.Id));
        world.Portal.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task In_Notify_mode_the_head_is_told_once_and_the_CRM_is_never_written()
    {
        using var world = new RuleTicksWorld(OwnershipMode.Notify, WarningStarts);

        await world.TickDailyAsync(8, restartBefore: [3, 6]);

        Assert.Empty(world.Writes);
        Assert.Equal([(OwnerChat, Warning(world)), (HeadChat, Timeout(world))], world.Messages);
        Assert.Equal(["notify", "notify", "notify"], world.Reports.Skip(5).Select(r => TimeoutFinding(r).Detail["action"]));
        world.Portal.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task A_term_already_over_on_the_first_run_is_only_reported_even_in_Release_mode()
    {
        using var world = new RuleTicksWorld(OwnershipMode.Release, WarningStarts.AddDays(6));

        await world.TickDailyAsync(3, restartBefore: [1]);

        Assert.True(world.Reports[0].FirstRun);
        Assert.Equal(["report", "report", "report"], world.Reports.Select(r => TimeoutFinding(r).Detail["action"]));
        Assert.Empty(world.Writes);
        Assert.Equal([(HeadChat, Timeout(world))], world.Messages);
        world.Portal.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task A_restart_before_every_tick_gives_the_same_messages_and_CRM_calls_as_one_long_run()
    {
        using var steady = new RuleTicksWorld(OwnershipMode.Release, WarningStarts);
        using var restarted = new RuleTicksWorld(OwnershipMode.Release, WarningStarts);

        await steady.TickDailyAsync(8);
        await restarted.TickDailyAsync(8, restartBefore: [.. Enumerable.Range(0, 8)]);

        Assert.Equal(2, steady.Messages.Count);
        Assert.Equal(Outcome(steady), Outcome(restarted));
        restarted.Portal.AssertNoUnexpectedCalls();
    }

    private static string Warning(RuleTicksWorld world) => $"{RuleNames.OwnershipWarning} ООО Ромашка {CardUrl(world)} owner=Иван Иванов";

    private static string Timeout(RuleTicksWorld world) => $"{RuleNames.OwnershipTimeout} ООО Ромашка {CardUrl(world)} owner=Иван Иванов";

    private static string CardUrl(RuleTicksWorld world) => $"http://{world.Portal.Host}/crm/company/details/{CompanyId}/";

    private static DateOnly MoscowDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Moscow).DateTime);

    private static RuleReportFinding TimeoutFinding(RuleReport report) => Assert.Single(report.Findings, f => f.Rule == RuleNames.OwnershipTimeout);

    /// <summary>
    /// What the outside world saw, with the portal's loopback port taken out so two portals compare (the [cb:…] marker
    /// of a write is derived from its key, which names the portal with its port).
    /// </summary>
    private static IReadOnlyList<string> Outcome(RuleTicksWorld world) =>
    [
        .. world.Messages.Select(m => $"tg {m.ChatId}: {m.Html.Replace(world.Portal.Host, "portal", StringComparison.Ordinal)}"),
        .. world.Writes.Select(w => $"{w.Method} at {w.At:O}: {System.Text.RegularExpressions.Regex.Replace(w.Body.ToJsonString(), @"\[cb:[0-9a-f]+\]", "[cb:…]")}"),
    ];
}
