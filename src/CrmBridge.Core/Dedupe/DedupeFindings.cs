using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;

namespace CrmBridge.Core.Dedupe;

/// <summary>
/// Builds the findings dedupe reports; the period is the portal's ISO week, so a standing duplicate acts once a week
/// and the week turns at Monday 00:00 portal time.
/// </summary>
internal sealed class DedupeFindings(DateTimeOffset now, PortalCalendar calendar, Func<Company, string?> ownerIdentity)
{
    private readonly string _period = calendar.IsoWeekOf(now);

    public string OwnerIdentity(Company card) => ownerIdentity(card) ?? "";

    public Finding Duplicate(string inn, DedupeMember member, Company head)
    {
        var card = member.Card;
        var conflict = OwnerIdentity(card) != OwnerIdentity(head);
        var data = new Dictionary<string, string>
        {
            [DedupeDataKeys.Inn] = inn,
            [DedupeDataKeys.Title] = card.Title,
            [DedupeDataKeys.MasterRef] = head.Ref.Key,
            [DedupeDataKeys.MasterTitle] = head.Title,
            [DedupeDataKeys.Reason] = member.Reason,
            [DedupeDataKeys.OwnerConflict] = conflict ? "true" : "false",
        };
        AddIfPresent(data, DedupeDataKeys.Kpp, member.Kpp);
        AddIfPresent(data, DedupeDataKeys.MasterOwner, head.OwnerId);
        if (conflict)
        {
            AddIfPresent(data, DedupeDataKeys.OtherOwner, head.OwnerId);
        }

        return Make(RuleNames.Duplicate, card, Severity.Warning, data);
    }

    public Finding Branch(string inn, DedupeMember member, Company master, string? masterKpp)
    {
        var data = new Dictionary<string, string>
        {
            [DedupeDataKeys.Inn] = inn,
            [DedupeDataKeys.Title] = member.Card.Title,
            [DedupeDataKeys.MasterRef] = master.Ref.Key,
            [DedupeDataKeys.MasterTitle] = master.Title,
            [DedupeDataKeys.Reason] = member.Reason,
        };
        AddIfPresent(data, DedupeDataKeys.Kpp, member.Kpp);
        AddIfPresent(data, DedupeDataKeys.MasterKpp, masterKpp);
        AddIfPresent(data, DedupeDataKeys.MasterOwner, master.OwnerId);
        return Make(RuleNames.Branch, member.Card, Severity.Info, data);
    }

    public Finding InvalidInn(Company card, string rawInn, string reason) =>
        Make(RuleNames.InvalidInn, card, Severity.Warning, new Dictionary<string, string>
        {
            [DedupeDataKeys.Inn] = rawInn,
            [DedupeDataKeys.Title] = card.Title,
            [DedupeDataKeys.Status] = "unverified",
            [DedupeDataKeys.Reason] = reason,
        });

    public Finding Probable(Company card, IEnumerable<string> reasons, IEnumerable<Company> matches) =>
        Make(RuleNames.ProbableDuplicate, card, Severity.Info, new Dictionary<string, string>
        {
            [DedupeDataKeys.Title] = card.Title,
            [DedupeDataKeys.Reason] = string.Join("; ", reasons),
            [DedupeDataKeys.Matches] = string.Join(' ', matches.Select(m => m.Ref.Key)),
        });

    private Finding Make(string rule, Company card, Severity severity, IReadOnlyDictionary<string, string> data) => new()
    {
        Rule = rule,
        Subject = card.Ref,
        OwnerId = card.OwnerId,
        Severity = severity,
        DetectedAt = now,
        Period = _period,
        Data = data,
    };

    private static void AddIfPresent(Dictionary<string, string> data, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            data[key] = value;
        }
    }
}
