using System.Globalization;
using CrmBridge.Core.Model;

namespace CrmBridge.Sandbox.Portal;

/// <summary>
/// Collects one company's deals, activities, contacts and owner changes, handing out slot-based ids. A deal's margin and
/// loss reason come from <paramref name="attributes"/>, a stream of their own, so adding them shifted no other draw.
/// </summary>
internal sealed class CompanyBuilder(CrmKind crm, int local, SeededRandom attributes)
{
    /// <summary>What managers write as the reason of a lost deal (Bitrix24 deal field, amoCRM loss reasons).</summary>
    public static readonly IReadOnlyList<string> LossReasons = ["Дорого", "Выбрали конкурента", "Нет бюджета", "Закупку перенесли", "Не вышли на ЛПР"];

    private static readonly string[] DealSubjects = ["Поставка оборудования", "Годовой контракт", "Пилотный заказ", "Расширение поставок", "Сервисный договор"];

    private SeededRandom _attributes = attributes;

    public List<PortalDeal> Deals { get; } = [];

    public List<PortalActivity> Activities { get; } = [];

    public List<PortalContact> Contacts { get; } = [];

    public List<PortalOwnerChange> OwnerChanges { get; } = [];

    public PortalDeal AddDeal(ref SeededRandom random, int owner, DateTimeOffset created, params (int Stage, DateTimeOffset At)[] moves)
    {
        var amount = random.Next(5, 500) * 10_000m;
        return AddDeal(random.Pick(DealSubjects), amount, owner, created, moves);
    }

    public PortalDeal AddDeal(string subject, decimal amount, int owner, DateTimeOffset created, params (int Stage, DateTimeOffset At)[] moves)
    {
        var slot = Deals.Count;
        if (slot >= PortalIds.DealSlots)
        {
            throw new InvalidOperationException("A sample company holds at most " + PortalIds.DealSlots + " deals.");
        }

        var id = PortalIds.Deal(crm, local, slot);
        var history = new List<PortalStageChange>(moves.Length + 1) { new(PortalPipeline.New, created, owner) };
        history.AddRange(moves.Select(m => new PortalStageChange(m.Stage, m.At, owner)));
        var deal = new PortalDeal(id, slot, $"{subject} №{id.ToString(CultureInfo.InvariantCulture)}", amount, owner, created, history)
        {
            // One deal in twelve sold at a loss (category E), the rest at 5–40 %, to the hundred roubles.
            Margin = Math.Round(amount * (decimal)(_attributes.Chance(1.0 / 12) ? -_attributes.NextDouble(0.02, 0.15) : _attributes.NextDouble(0.05, 0.4)) / 100m) * 100m,
        };
        if (deal.Stage == PortalPipeline.Lost)
        {
            deal = deal with { LossReason = _attributes.Pick(LossReasons) };
        }

        Deals.Add(deal);
        return deal;
    }

    public PortalActivity AddContact(ActivityKind kind, Direction direction, int owner, DateTimeOffset at, bool completed = true)
    {
        var slot = Activities.Count;
        if (slot >= PortalIds.ActivitySlots)
        {
            throw new InvalidOperationException("A sample company holds at most " + PortalIds.ActivitySlots + " activities.");
        }

        var subject = kind == ActivityKind.Meeting
            ? "Встреча с клиентом"
            : direction == Direction.Inbound ? "Входящий звонок" : "Исходящий звонок";
        var duration = kind == ActivityKind.Meeting ? 3600 : 60 + (int)(at.ToUnixTimeSeconds() % 540);
        var activity = new PortalActivity(PortalIds.Activity(crm, local, slot), slot, kind, direction, owner, at, completed, duration, subject);
        Activities.Add(activity);
        return activity;
    }

    /// <param name="position">The contact's position; null = drawn (the first contact of a company is a director).</param>
    public void AddPerson(ref SeededRandom random, DateTimeOffset created, long companyId, string? position = null)
    {
        var slot = Contacts.Count;
        if (slot >= PortalIds.ContactSlots)
        {
            throw new InvalidOperationException("A sample company holds at most " + PortalIds.ContactSlots + " contacts.");
        }

        var female = random.Chance(0.5);
        var last = random.Pick(RussianNames.Surnames) + (female ? "а" : "");
        var first = female ? random.Pick(RussianNames.FemaleFirstNames) : random.Pick(RussianNames.MaleFirstNames);
        var second = random.Pick(RussianNames.PatronymicStems) + (female ? "на" : "ич");
        position ??= slot == 0 ? random.Pick(RussianNames.Positions[..3]) : random.Pick(RussianNames.Positions);
        var id = PortalIds.Contact(crm, local, slot);
        var phone = "+79" + (100_000_000 + ((companyId * 7 + slot) % 900_000_000)).ToString(CultureInfo.InvariantCulture);
        var email = "contact" + id.ToString(CultureInfo.InvariantCulture) + "@client.example";
        Contacts.Add(new PortalContact(
            id, slot, first, last, second, position, RussianNames.DecisionMakerPositions.Contains(position), phone, email, created));
    }
}
