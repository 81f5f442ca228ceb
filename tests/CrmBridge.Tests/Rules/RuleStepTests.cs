using System.Text.Json;
using CrmBridge.Core.Model;
using CrmBridge.Outbox;
using CrmBridge.Rules;
using static CrmBridge.Tests.Rules.PortalBuilder;

namespace CrmBridge.Tests.Rules;

/// <remarks>
/// The store and outbox are the real LiteDB ones; CRM and Telegram stay out (card links and chats are fakes).
/// The end-to-end run over a WireMock portal with the real connector and write-backs is RuleTicksEndToEndTests.
/// </remarks>
public class RuleStepTests
{
    private static readonly TimeSpan SyncEvery = TimeSpan.FromHours(1);

    [Fact]
    public void The_ownership_warning_reaches_the_owner_once_over_many_ticks()
    {
        // Arrange: the rules first ran on day 20; Иванов has had the card since day 0 with no progress.
        using var harness = new RuleStepHarness(Day(20));
        harness.Seed(new PortalBuilder().Manager("7", "Иванов").Company("1", "7").Build());

        // Act: a tick every hour from day 20 to day 29 evening.
        harness.TickUntil(Day(29, 23), SyncEvery);

        // Assert
        var warning = Assert.Single(harness.Queued(ActionKinds.TelegramMessage, RuleNames.OwnershipWarning));
        var message = RuleStepHarness.PayloadOf<TelegramMessagePayload>(warning);
        Assert.Equal(RuleStepHarness.IvanovChat, message.ChatId);
        Assert.Equal("ownership-warning ООО Ромашка 1 https://portal.bitrix24.ru/crm/company/details/1/ owner=Иванов", message.Html);
        Assert.Empty(harness.Queued(ActionKinds.TelegramMessage, RuleNames.OwnershipTimeout));
    }

    [Fact]
    public void With_a_repeat_interval_of_a_day_the_warning_repeats_daily()
    {
        var options = new RulesOptions { RepeatInterval = TimeSpan.FromDays(1) };
        using var harness = new RuleStepHarness(Day(20), options);
        harness.Seed(new PortalBuilder().Company("1", "7").Build());

        harness.TickUntil(Day(29, 23), TimeSpan.FromHours(1));

        Assert.Equal(5, harness.Queued(ActionKinds.TelegramMessage, RuleNames.OwnershipWarning).Count());
    }

    [Fact]
    public void Release_happens_once_with_a_comment_and_the_head_is_told_once()
    {
        using var harness = new RuleStepHarness(Day(20), RuleStepHarness.ReleaseMode());
        harness.Seed(new PortalBuilder().Manager("7", "Иванов").Company("1", "7").Build());

        harness.TickUntil(Day(34), SyncEvery);

        var release = Assert.Single(harness.AllQueued, a => a.Kind == ActionKinds.CrmReassign);
        var payload = RuleStepHarness.PayloadOf<ReassignCompanyPayload>(release);
        Assert.Equal(Ref("1"), payload.Company);
        Assert.Equal("1", payload.NewOwnerId);
        Assert.Contains("вернул компанию в общий пул", payload.Comment, StringComparison.Ordinal);
        Assert.Contains("Иванов", payload.Comment, StringComparison.Ordinal);
        Assert.Contains("02.03.2026", payload.Comment, StringComparison.Ordinal);
        var alert = Assert.Single(harness.Queued(ActionKinds.TelegramMessage, RuleNames.OwnershipTimeout));
        Assert.Equal(RuleStepHarness.HeadChat, RuleStepHarness.PayloadOf<TelegramMessagePayload>(alert).ChatId);
    }

    [Fact]
    public void In_Notify_mode_the_head_is_told_and_nothing_is_reassigned()
    {
        using var harness = new RuleStepHarness(Day(20));
        harness.Seed(new PortalBuilder().Company("1", "7").Build());

        harness.TickUntil(Day(34), SyncEvery);

        Assert.DoesNotContain(harness.AllQueued, a => a.Kind == ActionKinds.CrmReassign);
        Assert.Single(harness.Queued(ActionKinds.TelegramMessage, RuleNames.OwnershipTimeout));
    }

    [Fact]
    public void A_timeout_found_on_the_first_run_is_only_reported_even_in_Release_mode()
    {
        using var harness = new RuleStepHarness(Day(40), RuleStepHarness.ReleaseMode());
        harness.Seed(new PortalBuilder().Company("1", "7").Build());

        var first = harness.NewStep().Run([]);
        harness.Clock.Advance(TimeSpan.FromDays(3));
        harness.TickUntil(Day(45), SyncEvery);

        Assert.True(first.FirstRun);
        Assert.Equal("report", Assert.Single(first.Findings, f => f.Rule == RuleNames.OwnershipTimeout).Detail["action"]);
        Assert.DoesNotContain(harness.AllQueued, a => a.Kind == ActionKinds.CrmReassign);
        Assert.Single(harness.Queued(ActionKinds.TelegramMessage, RuleNames.OwnershipTimeout));
    }

    [Fact]
    public void A_restart_between_ticks_queues_nothing_new()
    {
        using var harness = new RuleStepHarness(Day(20), RuleStepHarness.ReleaseMode());
        harness.Seed(new PortalBuilder().Company("1", "7").Call("1", "7", Day(31, 9)).Call("1", "9", Day(31, 10)).Build());
        harness.TickUntil(Day(31, 11), SyncEvery);
        var before = harness.AllQueued.Count;

        harness.Restart();
        var afterRestart = harness.NewStep().Run([]);

        Assert.True(before >= 3);
        Assert.Equal(before, harness.AllQueued.Count);
        Assert.NotEmpty(afterRestart.Actions);
        Assert.All(afterRestart.Actions, a => Assert.Equal(RuleReportAction.Known, a.State));
        Assert.False(afterRestart.FirstRun);
    }

    [Fact]
    public void A_cooldown_violation_nudges_the_manager_who_made_the_call_and_a_conflict_alerts_the_head()
    {
        using var harness = new RuleStepHarness(Day(10, 18));
        harness.Seed(new PortalBuilder()
            .Manager("7", "Иванов").Manager("9", "Петров")
            .Company("1", "9")
            .Call("1", "9", Day(0)).Call("1", "7", Day(10))
            .Build());

        var report = harness.NewStep().Run([]);

        var nudge = Assert.Single(harness.Queued(ActionKinds.TelegramMessage, RuleNames.Cooldown));
        Assert.Equal(RuleStepHarness.IvanovChat, RuleStepHarness.PayloadOf<TelegramMessagePayload>(nudge).ChatId);
        var conflict = Assert.Single(harness.Queued(ActionKinds.TelegramMessage, RuleNames.Conflict));
        Assert.Equal(RuleStepHarness.HeadChat, RuleStepHarness.PayloadOf<TelegramMessagePayload>(conflict).ChatId);
        Assert.Contains(report.Findings, f => f.Rule == RuleNames.Conflict && f.Detail["otherName"] == "Иванов");
    }

    [Fact]
    public void A_manager_without_a_chat_gets_no_message_but_the_finding_is_reported()
    {
        using var harness = new RuleStepHarness(Day(20));
        harness.Seed(new PortalBuilder().Company("1", "9").Build());
        harness.NewStep().Run([]);
        harness.Clock.Advance(TimeSpan.FromDays(6));

        var report = harness.NewStep().Run([]);

        Assert.Single(report.Findings, f => f.Rule == RuleNames.OwnershipWarning);
        Assert.Empty(harness.AllQueued);
    }

    [Fact]
    public void A_dry_run_does_not_count_as_the_first_run()
    {
        using var harness = new RuleStepHarness(Day(40), RuleStepHarness.ReleaseMode(), dryRun: true);
        harness.Seed(new PortalBuilder().Company("1", "7").Build());

        var report = harness.NewStep().Run([]);

        Assert.True(report.FirstRun);
        Assert.Null(harness.Store.Values.Get(RuleStep.FirstRunKey));
    }

    [Fact]
    public void Plan_queues_nothing_and_does_not_record_a_first_run()
    {
        using var harness = new RuleStepHarness(Day(40), RuleStepHarness.ReleaseMode());
        harness.Seed(new PortalBuilder().Company("1", "7").Build());

        var report = harness.NewStep().Plan([]);

        Assert.Empty(harness.AllQueued);
        Assert.Null(harness.Store.Values.Get(RuleStep.FirstRunKey));
        Assert.All(report.Actions, a => Assert.Equal(RuleReportAction.Planned, a.State));
        Assert.NotEmpty(report.Actions);
    }

    [Fact]
    public void The_report_serializes_findings_and_actions_in_the_documented_shape()
    {
        using var harness = new RuleStepHarness(Day(40));
        harness.Seed(new PortalBuilder().Manager("7", "Иванов").Company("1", "7", inn: "7707083893").Build());

        using var json = JsonDocument.Parse(harness.NewStep().Run([]).ToJson());

        var root = json.RootElement;
        Assert.True(root.GetProperty("firstRun").GetBoolean());
        var finding = root.GetProperty("findings")[0];
        Assert.Equal("ownership-timeout", finding.GetProperty("rule").GetString());
        Assert.Equal("bitrix24", finding.GetProperty("crm").GetString());
        Assert.Equal("1", finding.GetProperty("companyId").GetString());
        Assert.Equal("7707083893", finding.GetProperty("inn").GetString());
        Assert.Equal("7", finding.GetProperty("ownerId").GetString());
        Assert.Equal("Иванов", finding.GetProperty("detail").GetProperty("ownerName").GetString());
        var action = root.GetProperty("actions")[0];
        Assert.Equal("telegram.message", action.GetProperty("kind").GetString());
        Assert.Equal("queued", action.GetProperty("state").GetString());
        Assert.StartsWith("ownership-timeout|bitrix24:portal.bitrix24.ru:1|7@2026-03-02|tg:100", action.GetProperty("key").GetString(), StringComparison.Ordinal);
    }
}
