using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using CrmBridge.Core.Model;
using CrmBridge.Core.People;

namespace CrmBridge.Setup;

/// <summary>Everything setup read and what it proposes; <see cref="ToSettingsJson"/> is the file `setup --write` writes.</summary>
internal sealed record SetupProposal(
    IReadOnlyList<CrmSurvey> Surveys,
    TelegramSurvey Telegram,
    IReadOnlyList<UserCandidate> People,
    IReadOnlyList<FieldProposal> Fields,
    IReadOnlyList<StageProposal> Stages)
{
    private const string PeopleSectionName = "People";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static SetupProposal From(IReadOnlyList<CrmSurvey> surveys, TelegramSurvey telegram, int topZonePercent) => new(
        surveys,
        telegram,
        PeopleProposer.Propose(surveys),
        FieldProposer.Propose(surveys),
        StageProposer.Propose(surveys, topZonePercent));

    /// <summary>True when a CRM could not be read: its settings would be missing from the proposal.</summary>
    public bool Incomplete => Surveys.Any(s => s.Problem is not null) || Surveys.Count == 0;

    /// <summary>The proposed settings in the shape `--config FILE` reads (People, Bitrix24, AmoCrm, Kpi sections).</summary>
    public string ToSettingsJson()
    {
        var root = new JsonObject();
        var people = new JsonObject();
        foreach (var role in (PersonRole[])[PersonRole.Pool, PersonRole.Technical])
        {
            var names = People.Where(c => c.Role == role).Select(c => c.User.SettingName).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (names.Count > 0)
            {
                people[role.ToString()] = new JsonArray([.. names.Select(n => (JsonNode)n)]);
            }
        }

        if (people.Count > 0)
        {
            root[PeopleSectionName] = people;
        }

        foreach (var field in Fields.Where(f => f.SettingKey is not null && f.SettingValue is not null))
        {
            var (section, key) = Split(field.SettingKey!);
            var node = Section(root, section);
            node[key] = section == "AmoCrm" && long.TryParse(field.SettingValue, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
                ? id
                : field.SettingValue;
        }

        foreach (var stages in Stages)
        {
            var kpi = Section(root, "Kpi");
            var crm = new JsonObject
            {
                ["NeedStageIds"] = Ids(stages.Need),
                ["ProposalStageIds"] = Ids(stages.Proposal),
                ["TopZoneStageIds"] = Ids(stages.TopZone),
            };
            kpi[stages.Crm == CrmKind.Bitrix24 ? "Bitrix24" : "AmoCrm"] = crm;
        }

        return root.ToJsonString(Indented) + Environment.NewLine;
    }

    private static JsonArray Ids(IReadOnlyList<StagePick> picks) => new([.. picks.Select(p => p.Stage.Id).Distinct(StringComparer.Ordinal).Select(id => (JsonNode)id!)]);

    private static (string Section, string Key) Split(string settingKey)
    {
        var colon = settingKey.IndexOf(':', StringComparison.Ordinal);
        return (settingKey[..colon], settingKey[(colon + 1)..]);
    }

    private static JsonObject Section(JsonObject root, string name)
    {
        if (root[name] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        root[name] = created;
        return created;
    }
}
