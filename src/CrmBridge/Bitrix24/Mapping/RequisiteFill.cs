using System.Text.Json.Nodes;
using CrmBridge.Bitrix24.Api;
using CrmBridge.Outbox;
using CrmBridge.Storage;

namespace CrmBridge.Bitrix24.Mapping;

/// <summary>
/// Which requisite of a company gets registry values, and which of its fields are still empty. The requisite is the
/// one the Store takes the company's INN from (active, with an INN, lowest id), narrowed to the planned INN.
/// </summary>
internal static class RequisiteFill
{
    public static BitrixRequisite? Target(IReadOnlyList<BitrixRequisite> requisites, string? inn) =>
        requisites
            .Where(r => !string.IsNullOrWhiteSpace(r.Inn) && (inn is null || string.Equals(r.Inn.Trim(), inn.Trim(), StringComparison.Ordinal)))
            .OrderBy(r => r.Active ? 0 : 1)
            .FirstOrDefault();

    /// <summary>RQ_* values for the fields that are empty on the requisite; an unknown field name is a planning bug.</summary>
    public static JsonObject EmptyFields(BitrixRequisite requisite, IReadOnlyDictionary<string, string> fields)
    {
        var update = new JsonObject();
        foreach (var (name, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            switch (name)
            {
                case CompanyFieldsPayload.Kpp when IsEmpty(requisite.Kpp):
                    update["RQ_KPP"] = value;
                    break;

                // A sole trader's 15-digit OGRNIP has its own field; either one filled means the number is known.
                case CompanyFieldsPayload.Ogrn when IsEmpty(requisite.Ogrn) && IsEmpty(requisite.Ogrnip):
                    update[value.Length == 15 ? "RQ_OGRNIP" : "RQ_OGRN"] = value;
                    break;
                case CompanyFieldsPayload.Kpp or CompanyFieldsPayload.Ogrn:
                    break;
                default:
                    throw new PermanentActionException($"No Bitrix24 requisite field is known for '{name}'.");
            }
        }

        return update;
    }

    private static bool IsEmpty(string? value) => string.IsNullOrWhiteSpace(value);
}
