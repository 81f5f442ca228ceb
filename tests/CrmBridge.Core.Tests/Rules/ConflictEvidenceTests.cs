using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;
using static CrmBridge.Core.Tests.Rules.ClientBaseBuilder;

namespace CrmBridge.Core.Tests.Rules;

public class ConflictEvidenceTests
{
    // Иванов is Bitrix24 user 7 and amoCRM user 123 (one e-mail); Петров is Bitrix24 9 and amoCRM 124.
    private static ClientBaseBuilder OneClientInBothCrms() => new ClientBaseBuilder()
        .Manager("7", "Иванов", "ivanov@firm.ru").Manager("123", "Иванов", "ivanov@firm.ru", CrmKind.AmoCrm)
        .Manager("9", "Петров", "petrov@firm.ru").Manager("124", "Петров", "petrov@firm.ru", CrmKind.AmoCrm)
        .Company("1", "7").Company("77", "123", crm: CrmKind.AmoCrm);

    private static readonly IReadOnlyList<CrmRef> Group = [Ref("1"), Ref("77", CrmKind.AmoCrm)];

    [Fact]
    public void An_amoCRM_note_by_another_manager_on_the_clients_other_card_is_a_conflict()
    {
        // "Отправлено КП" written by Петров on the amoCRM card on day 29; both cards are Иванов's; window 14 days back from day 30.
        var input = OneClientInBothCrms()
            .Activity("77", "124", Day(29), ActivityKind.Note, Direction.None, completed: true, CrmKind.AmoCrm)
            .At(Day(30), innGroups: Group);

        var finding = Assert.Single(new ConflictRule().Evaluate(input));

        Assert.Equal(("Иванов", "Петров"), (finding.Data["ownerName"], finding.Data["otherName"]));
        Assert.Contains("note amocrm:firm.amocrm.ru:", finding.Data["evidence"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public void A_task_by_another_manager_is_evidence_once_completed(bool completed, int conflicts)
    {
        var input = OneClientInBothCrms()
            .Activity("1", "9", Day(25), ActivityKind.Task, Direction.None, completed)
            .At(Day(30), innGroups: Group);

        Assert.Equal(conflicts, new ConflictRule().Evaluate(input).Count());
    }

    [Fact]
    public void Work_before_a_reassignment_inside_the_window_is_no_conflict_but_work_after_it_is()
    {
        // The card went from Иванов (7) to Петров (9) on day 25; the window is [day 16, day 30].
        ClientBaseBuilder Reassigned() => new ClientBaseBuilder()
            .Manager("7", "Иванов").Manager("9", "Петров")
            .Company("1", "9")
            .Reassigned("1", "7", "9", Day(25));

        // Иванов's calls on days 20 and 24 were his own card's work: not a conflict.
        var before = Reassigned().Call("1", "7", Day(20)).Call("1", "7", Day(24)).At(Day(30));
        // Иванов called again on day 27, after the card became Петров's: a conflict.
        var after = Reassigned().Call("1", "7", Day(20)).Call("1", "7", Day(27)).At(Day(30));

        Assert.Empty(new ConflictRule().Evaluate(before));
        var finding = Assert.Single(new ConflictRule().Evaluate(after));
        // Day 27 is 2026-03-29; the call of day 20 (2026-03-22) stays out of the evidence.
        Assert.Contains("at 2026-03-29T12:00:00+03:00", finding.Data["evidence"], StringComparison.Ordinal);
        Assert.DoesNotContain("2026-03-22", finding.Data["evidence"], StringComparison.Ordinal);
    }
}
