using CrmBridge.Core.Model;
using CrmBridge.Digest;
using CrmBridge.Notifications;
using static CrmBridge.Tests.Digest.DigestScenario;

namespace CrmBridge.Tests.Digest;

public sealed class DigestGapsTests
{
    private static readonly DigestInputs NothingSet = new("Bitrix24:DecisionMakerField", "Bitrix24:MarginField", "Enrichment:CategoryCriteria");

    private static string Text(ClientBase clientBase, DigestInputs inputs) =>
        string.Join("\n", Builder(inputs: inputs).Build(clientBase, [], Now).Messages.Select(TelegramHtml.ToPlainText));

    [Fact]
    public void Figures_whose_input_is_not_configured_say_what_to_set_instead_of_zero()
    {
        var text = Text(Base(), NothingSet);

        // No category criteria, no decision-maker field: the week line and the base name the settings.
        Assert.Contains("компании A не задано — Enrichment:CategoryCriteria", text, StringComparison.Ordinal);
        Assert.Contains("ЛПР не задано — Bitrix24:DecisionMakerField", text, StringComparison.Ordinal);
        Assert.Contains("A/B: не задано — Enrichment:CategoryCriteria", text, StringComparison.Ordinal);
        // The won deal D3 of C1 carries no margin: its channel's E was not checked, and the digest says why.
        Assert.Contains("E не проверено у 1: нет данных о марже — Bitrix24:MarginField", text, StringComparison.Ordinal);
        Assert.DoesNotContain("компании A 0/", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_setting_missing_for_every_manager_is_said_once_under_the_week_title_and_dashed_on_each_line()
    {
        var text = Text(Base(), NothingSet);

        Assert.Equal(1, Occurrences(text, "компании A не задано — Enrichment:CategoryCriteria"));
        Assert.Equal(1, Occurrences(text, "ЛПР не задано — Bitrix24:DecisionMakerField"));
        // Both managers of the scenario still get their week line, with a dash where the figure cannot be counted.
        Assert.Equal(2, Occurrences(text, "компании A — · ЛПР — · потребности"));
        var week = text[text.IndexOf("Неделя с", StringComparison.Ordinal)..];
        Assert.True(week.IndexOf("ЛПР не задано", StringComparison.Ordinal) < week.IndexOf("Анна", StringComparison.Ordinal), week);
    }

    [Fact]
    public void With_every_input_configured_the_zeros_are_real_zeros()
    {
        var text = Text(Base(), DigestInputs.AllConfigured);

        Assert.Contains("компании A 0/50", text, StringComparison.Ordinal);
        Assert.DoesNotContain("не задано", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pipeline_name_used_in_both_CRMs_names_the_CRM_on_each_stage_row()
    {
        var amo = new CrmRef(CrmKind.AmoCrm, "firm.amocrm.ru", "555");
        var clientBase = Base() with
        {
            Pipelines =
            [
                .. Base().Pipelines,
                new Pipeline { Ref = amo, Name = "Продажи", ModifiedAt = Now, Stages = [new("1001", "Первичный контакт", 10, StageSemantics.Open)] },
            ],
            Deals =
            [
                .. Base().Deals,
                new Deal { Ref = amo.Sibling("L1"), Title = "L1", PipelineId = "555", StageId = "1001", Amount = 5_000m, OwnerId = "7", CreatedAt = Now.AddDays(-3), ModifiedAt = Now },
            ],
        };

        var text = Text(clientBase, DigestInputs.AllConfigured);

        Assert.Contains("Продажи (Bitrix24) / Новая: 1", text, StringComparison.Ordinal);
        Assert.Contains("Продажи (amoCRM) / Первичный контакт: 1", text, StringComparison.Ordinal);
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
