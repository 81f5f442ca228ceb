using System.Globalization;
using CrmBridge.AmoCrm.Api;
using CrmBridge.Core.Model;

namespace CrmBridge.AmoCrm.Mapping;

/// <summary>A contact is a decision-maker when its POSITION matches a configured word, or a configured checkbox is set.</summary>
internal sealed class AmoContactMapper(AmoCrmOptions options, string account, Action<long, long> reportBrokenField)
{
    public Person Map(AmoContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var fields = contact.CustomFieldsValues;
        var positions = Read(contact.Id, AmoCustomFieldReader.OfCode(fields, "POSITION"));
        var position = positions.Count > 0 ? positions[0] : null;
        var flag = AmoCustomFieldReader.Find(fields, options.DecisionMakerFieldId, null) is { } flagField
            ? Read(contact.Id, [flagField]).Any(AmoCustomFieldReader.IsTrue)
            : false;
        var byPosition = position is not null
            && options.DecisionMakerPositions.Any(p => !string.IsNullOrWhiteSpace(p) && position.Contains(p.Trim(), StringComparison.OrdinalIgnoreCase));
        var companyId = contact.Embedded?.Companies is [var first, ..] ? first.Id : (long?)null;
        var reference = new CrmRef(CrmKind.AmoCrm, account, contact.Id.ToString(CultureInfo.InvariantCulture));
        return new Person
        {
            Ref = reference,
            Company = companyId is { } id ? reference.Sibling(id.ToString(CultureInfo.InvariantCulture)) : null,
            Name = contact.Name,
            Position = position,
            IsDecisionMaker = flag || byPosition,
            Phones = Read(contact.Id, AmoCustomFieldReader.OfCode(fields, "PHONE")),
            Emails = Read(contact.Id, AmoCustomFieldReader.OfCode(fields, "EMAIL")),
            OwnerId = contact.ResponsibleUserId?.ToString(CultureInfo.InvariantCulture),
            CreatedAt = AmoTime.From(contact.CreatedAt),
            ModifiedAt = AmoTime.From(contact.UpdatedAt),
            IsDeleted = contact.IsDeleted == true,
        };
    }

    private List<string> Read(long contactId, IEnumerable<AmoCustomFieldValue> fields)
    {
        var result = new List<string>();
        foreach (var field in fields)
        {
            if (AmoCustomFieldReader.TryReadTexts(field, out var texts))
            {
                result.AddRange(texts);
            }
            else
            {
                reportBrokenField(contactId, field.FieldId);
            }
        }

        return result;
    }
}
