using CrmBridge.Core.Model;
using CrmBridge.Notifications;
using Microsoft.Extensions.Options;

namespace CrmBridge.Tests.Notifications;

public class NudgeRendererTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 9, 0, 0, TimeSpan.FromHours(3));
    private static readonly CrmRef Card = new(CrmKind.AmoCrm, "sales.amocrm.ru", "123");
    private static readonly Company Company = new() { Ref = Card, Title = "ИП <Петров> & сын", CreatedAt = Now, ModifiedAt = Now };
    private static readonly Uri CardUrl = new("https://sales.amocrm.ru/companies/detail/123");
    private static readonly Dictionary<string, string> Names = new() { ["9"] = "Борис" };

    private static string Render(string rule, Dictionary<string, string> data, string language = "ru") =>
        new NudgeRenderer(Options.Create(new TelegramOptions { Language = language }))
            .Render(new Finding { Rule = rule, Subject = Card, DetectedAt = Now, Data = data }, Company, CardUrl, Names);

    [Theory]
    [InlineData(RuleNames.Cooldown, "restUntil", "2026-12-01", "клиент на отдыхе до 01.12.2026")]
    [InlineData(RuleNames.OwnershipWarning, "daysLeft", "5", "клиент вернётся в пул через 5 дн.")]
    [InlineData(RuleNames.PostponedDue, "dueOn", "2026-11-18", "отложенный клиент — пора вернуться к нему (18.11.2026)")]
    [InlineData(RuleNames.Duplicate, "masterOwner", "9", "у вашей карточки есть дубль, владелец Борис")]
    [InlineData(RuleNames.OwnershipTimeout, "daysWithoutProgress", "31", "31 дн. без результата — клиент возвращается в пул")]
    [InlineData(RuleNames.Conflict, "managerNames", "Анна, Борис", "с клиентом одновременно работают Анна, Борис")]
    public void Each_rule_gets_its_short_Russian_line(string rule, string key, string value, string expected)
    {
        var html = Render(rule, new() { [key] = value });

        Assert.Contains(expected, html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_company_name_is_escaped_and_links_to_the_card()
    {
        var html = Render(RuleNames.OwnershipWarning, new() { ["daysLeft"] = "5", ["dueOn"] = "2026-11-23" });

        Assert.Equal(
            "⏳ <a href=\"https://sales.amocrm.ru/companies/detail/123\"><b>ИП &lt;Петров&gt; &amp; сын</b></a>: клиент вернётся в пул через 5 дн. (23.11.2026), если не будет движения.",
            html);
    }

    [Fact]
    public void Values_from_the_CRM_inside_the_line_are_escaped_too()
    {
        var html = Render(RuleNames.PostponedDue, new() { ["dueOn"] = "2026-11-18", ["reason"] = "закупки в <головном> офисе" });

        Assert.EndsWith("Причина: закупки в &lt;головном&gt; офисе.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_timeout_found_on_the_first_run_is_reported_not_announced_as_a_release()
    {
        var html = Render(RuleNames.OwnershipTimeout, new() { ["daysWithoutProgress"] = "90", ["action"] = "report" });

        Assert.Contains("решение за руководителем", html, StringComparison.Ordinal);
        Assert.DoesNotContain("возвращается в пул", html, StringComparison.Ordinal);
    }

    [Fact]
    public void English_by_setting()
    {
        var html = Render(RuleNames.Cooldown, new() { ["restUntil"] = "2026-12-01" }, "en");

        Assert.Contains("the client rests until 1 Dec 2026", html, StringComparison.Ordinal);
    }
}
