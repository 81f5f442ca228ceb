using CrmBridge.Core.Model;
using CrmBridge.Digest;
using CrmBridge.Notifications;

namespace CrmBridge.Tests.Digest;

public class DigestBuilderTests
{
    private static readonly string[] SectionNames =
        ["header", "yesterday", "week", "funnel", "key-accounts", "base", "conflicts", "take-back", "cooldown"];

    [Theory]
    [InlineData("ru", "Вчера", "Неделя", "Воронка и прогноз", "Концентрация клиентов", "Конфликты", "Скоро вернутся в пул", "Нарушения паузы")]
    [InlineData("en", "Yesterday", "Week from", "Funnel and forecast", "Client concentration", "Conflicts", "About to return to the pool", "Cooldown violations")]
    public void Every_section_appears_in_the_chosen_language(string language, params string[] titles)
    {
        var digest = DigestScenario.Builder(language).Build(DigestScenario.Base(), DigestScenario.Findings(), DigestScenario.Now);

        Assert.Equal(SectionNames, digest.Sections.Select(section => section.Name));
        var text = string.Join("\n", digest.Messages);
        Assert.All(titles, title => Assert.Contains(title, text, StringComparison.Ordinal));
    }

    [Fact]
    public void Russian_digest_shows_yesterday_against_plan_and_a_manager_without_plan_gets_a_dash()
    {
        var digest = DigestScenario.Builder().Build(DigestScenario.Base(), [], DigestScenario.Now);
        var yesterday = digest.Sections.Single(section => section.Name == "yesterday").Html;

        // Анна: one call of 20, D3 won of 1 plan (300 000 RUB, Russian grouping). Иван has no plan.
        Assert.Contains("Анна: 📞 1/20 · 🤝 0/2 · 🆕 0/1 · 🏆 1/1 (300\u00a0000 RUB)", yesterday, StringComparison.Ordinal);
        Assert.Contains("Иван &lt;b&gt;Грозный&lt;/b&gt;: 📞 0/— · 🤝 0/— · 🆕 0/— · 🏆 0/—", yesterday, StringComparison.Ordinal);
    }

    [Fact]
    public void Funnel_section_carries_forecast_and_plan_sufficiency()
    {
        var funnel = DigestScenario.Builder("en").Build(DigestScenario.Base(), [], DigestScenario.Now)
            .Sections.Single(section => section.Name == "funnel").Html;

        // Open: D1 100 000 on NEW (1/4 by default) + D2 250 000 on EXECUTING (3/4) = 25 000 + 187 500 = 212 500.
        Assert.Contains("In the funnel: 2 deals worth 350,000 RUB", funnel, StringComparison.Ordinal);
        Assert.Contains("Forecast (amount × stage probability): 212,500 RUB", funnel, StringComparison.Ordinal);
        Assert.Contains("Month plan 1,000,000 RUB: won 300,000 RUB, left 700,000 RUB — the forecast falls short ❌", funnel, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_name_from_the_CRM_is_escaped()
    {
        var digest = DigestScenario.Builder().Build(DigestScenario.Base(), DigestScenario.Findings(), DigestScenario.Now);
        var text = string.Join("\n", digest.Messages);

        Assert.DoesNotContain(DigestScenario.EvilCompany, text, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Грозный</b>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<КП>", text, StringComparison.Ordinal);
        Assert.Contains("ООО &lt;Рога &amp; Копыта&gt;", text, StringComparison.Ordinal);
        Assert.Contains("Подготовка &lt;КП&gt;", text, StringComparison.Ordinal);
        Assert.Contains("href=\"https://b24.example.ru/crm/company/details/C1/?a=1&amp;b=2\"", text, StringComparison.Ordinal);

        // Only the tags the digest writes remain: b, a, and code is not used here.
        var tags = System.Text.RegularExpressions.Regex.Matches(text, "</?([a-z]+)").Select(match => match.Groups[1].Value).Distinct();
        Assert.All(tags, tag => Assert.Contains(tag, (string[])["b", "a"]));
    }

    [Fact]
    public void Rule_sections_list_their_findings_and_say_none_when_empty()
    {
        var withFindings = DigestScenario.Builder().Build(DigestScenario.Base(), DigestScenario.Findings(), DigestScenario.Now);
        var empty = DigestScenario.Builder().Build(DigestScenario.Base(), [], DigestScenario.Now);

        var takeBack = withFindings.Sections.Single(section => section.Name == "take-back").Html;
        Assert.Contains("клиент вернётся в пул через 5 дн. (23.11.2026)", takeBack, StringComparison.Ordinal);
        var cooldown = withFindings.Sections.Single(section => section.Name == "cooldown").Html;
        Assert.Contains("клиент на отдыхе до 01.12.2026", cooldown, StringComparison.Ordinal);
        var conflicts = withFindings.Sections.Single(section => section.Name == "conflicts").Html;
        Assert.Contains("(ИНН 7707083893): владелец основной карточки — Иван &lt;b&gt;Грозный&lt;/b&gt;, дублей — <a href=\"https://b24.example.ru/crm/company/details/C1/?a=1&amp;b=2\">Анна</a>.", conflicts, StringComparison.Ordinal);
        Assert.EndsWith("\nнет", empty.Sections.Single(section => section.Name == "cooldown").Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_of_three_same_INN_cards_is_one_line_naming_the_master_owner_and_each_duplicate_owner()
    {
        var clientBase = DigestScenario.Base();
        clientBase = clientBase with
        {
            Companies =
            [
                .. clientBase.Companies,
                new Company { Ref = DigestScenario.Ref("M1"), Title = "ООО «Фармснаб»", OwnerId = "7", CreatedAt = DigestScenario.Now.AddDays(-400), ModifiedAt = DigestScenario.Now },
                new Company { Ref = DigestScenario.Ref("D1"), Title = "Фармснаб", OwnerId = "9", CreatedAt = DigestScenario.Now.AddDays(-20), ModifiedAt = DigestScenario.Now },
                new Company { Ref = DigestScenario.Ref("D2"), Title = "ООО Фармснаб", OwnerId = null, CreatedAt = DigestScenario.Now.AddDays(-10), ModifiedAt = DigestScenario.Now },
            ],
        };
        var data = new Dictionary<string, string> { ["masterRef"] = DigestScenario.Ref("M1").Key, ["masterOwner"] = "7", ["masterTitle"] = "ООО «Фармснаб»", ["inn"] = "7701234567" };
        Finding[] findings = [DigestScenario.Finding(RuleNames.Duplicate, "D2", new(data)), DigestScenario.Finding(RuleNames.Duplicate, "D1", new(data))];

        var ru = DigestScenario.Builder().Build(clientBase, findings, DigestScenario.Now).Sections.Single(section => section.Name == "conflicts").Html;
        var en = DigestScenario.Builder("en").Build(clientBase, findings, DigestScenario.Now).Sections.Single(section => section.Name == "conflicts").Html;

        var line = Assert.Single(ru.Split('\n'), l => l.StartsWith("👥", StringComparison.Ordinal));
        Assert.Equal(
            "👥 <a href=\"https://b24.example.ru/crm/company/details/M1/?a=1&amp;b=2\">ООО «Фармснаб»</a> (ИНН 7701234567): владелец основной карточки — Анна, "
            + "дублей — <a href=\"https://b24.example.ru/crm/company/details/D1/?a=1&amp;b=2\">Иван &lt;b&gt;Грозный&lt;/b&gt;</a>, "
            + "<a href=\"https://b24.example.ru/crm/company/details/D2/?a=1&amp;b=2\">без владельца</a>.",
            line);
        Assert.Contains("(INN 7701234567): the master card is owned by Анна; duplicates by ", en, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_digest_splits_into_messages_within_4096_characters_at_section_boundaries()
    {
        // 150 take-back lines make that one section longer than a message.
        var digest = DigestScenario.Builder().Build(DigestScenario.Base(150), DigestScenario.Findings(150), DigestScenario.Now);

        Assert.True(digest.Messages.Count >= 3);
        Assert.All(digest.Messages, message => Assert.InRange(message.Length, 1, TelegramMessageSplitter.Limit));

        // Nothing is lost or duplicated, and every section other than the huge one starts a paragraph intact.
        Assert.Equal(150 + 1, digest.Messages.Sum(message => message.Split('\n').Count(line => line.Contains("вернётся в пул", StringComparison.Ordinal))));
        foreach (var section in digest.Sections.Where(section => section.Html.Length <= TelegramMessageSplitter.Limit))
        {
            Assert.Contains(digest.Messages, message => message.Contains(section.Html, StringComparison.Ordinal));
        }

        // Every message's tags are balanced, so Telegram can parse each on its own.
        Assert.All(digest.Messages, message =>
            Assert.Equal(CountOf(message, "<b>") + CountOf(message, "<a "), CountOf(message, "</b>") + CountOf(message, "</a>")));
    }

    [Fact]
    public void The_digest_has_a_funnel_per_pipeline_and_the_plan_chart_as_PNGs()
    {
        var digest = DigestScenario.Builder().Build(DigestScenario.Base(), [], DigestScenario.Now);

        Assert.Equal([$"funnel|{DigestScenario.Ref("0").Key}", "plan"], digest.Charts.Select(chart => chart.Name));
        Assert.All(digest.Charts, chart => Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], chart.Png[..8]));
        Assert.StartsWith("Воронка Продажи · Bitrix24: открытых сделок", digest.Charts[0].Caption, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_base_renders_every_section_without_a_chart()
    {
        var digest = DigestScenario.Builder("en").Build(Core.Model.ClientBase.Empty, [], DigestScenario.Now);

        Assert.Equal(SectionNames, digest.Sections.Select(section => section.Name));
        Assert.Empty(digest.Charts);
        Assert.Contains("no managers with data", digest.Messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Kpi_for_one_manager_is_found_by_name()
    {
        var parts = DigestScenario.Builder().ManagerKpi(DigestScenario.Base(), DigestScenario.Now, "анна", []);

        var text = Assert.Single(parts);
        Assert.Contains("Анна", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Грозный", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Console_text_has_no_markup_and_decoded_names()
    {
        var plain = TelegramHtml.ToPlainText(DigestScenario.Builder().Build(DigestScenario.Base(), DigestScenario.Findings(), DigestScenario.Now).Messages[0]);

        Assert.DoesNotContain("<b>Сводка", plain, StringComparison.Ordinal);
        Assert.Contains("Сводка на 18.11.2026", plain, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
