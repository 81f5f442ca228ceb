using System.Globalization;
using CrmBridge.Core.Model;

namespace CrmBridge.Setup;

/// <summary>
/// Proposes which stages mean "need identified", "proposal sent" and the TOP zone: by stage name first, else by the
/// position the KPI engine uses by default (2nd open stage, 3rd open stage, the last Kpi:TopZonePercent % of open stages).
/// </summary>
internal static class StageProposer
{
    private static readonly string[] NeedWords = ["потребн", "квалиф", "выявлен", "бриф", "need", "qualif", "discovery"];
    private static readonly string[] ProposalWords = ["кп", "коммерческ", "предложен", "proposal", "offer", "quote", "презентац"];
    private static readonly string[] TopWords = ["переговор", "договор", "согласован", "финальн", "оплат", "закрыти", "negotiat", "contract", "final", "payment", "closing"];

    public static IReadOnlyList<StageProposal> Propose(IReadOnlyList<CrmSurvey> surveys, int topZonePercent)
    {
        ArgumentNullException.ThrowIfNull(surveys);
        return [.. surveys.Where(s => s.Problem is null && s.Pipelines.Count > 0).Select(s => ProposeFor(s, topZonePercent))];
    }

    public static string Semantics(StageSemantics semantics) => semantics switch
    {
        StageSemantics.Won => "won",
        StageSemantics.Lost => "lost",
        _ => "open",
    };

    private static StageProposal ProposeFor(CrmSurvey survey, int topZonePercent)
    {
        var need = new List<StagePick>();
        var proposal = new List<StagePick>();
        var top = new List<StagePick>();
        foreach (var pipeline in survey.Pipelines.OrderBy(p => p.Name, StringComparer.CurrentCulture))
        {
            var open = pipeline.Stages.Where(s => s.Semantics == StageSemantics.Open).OrderBy(s => s.Sort).ToList();
            if (open.Count == 0)
            {
                continue;
            }

            need.Add(ByName(pipeline, open, NeedWords) ?? new StagePick(pipeline.Name, open[Math.Min(1, open.Count - 1)], $"{Ordinal(Math.Min(1, open.Count - 1))} open stage (no stage is named like a need)"));
            var proposalIndex = open.Count >= 3 ? 2 : open.Count - 1;
            proposal.Add(ByName(pipeline, open, ProposalWords) ?? new StagePick(pipeline.Name, open[proposalIndex], $"{Ordinal(proposalIndex)} open stage (no stage is named like a proposal)"));

            var named = open.Where(s => Match(s.Name, TopWords) is not null).ToList();
            if (named.Count > 0)
            {
                top.AddRange(named.Select(s => new StagePick(pipeline.Name, s, $"name matches '{Match(s.Name, TopWords)}'")));
            }
            else
            {
                var count = Math.Max(1, (int)Math.Ceiling(open.Count * topZonePercent / 100m));
                top.AddRange(open.Skip(open.Count - count).Select(s => new StagePick(
                    pipeline.Name, s, string.Create(CultureInfo.InvariantCulture, $"among the last {topZonePercent} % of open stages (no stage is named like closing)"))));
            }
        }

        return new StageProposal(survey.Crm, need, proposal, top);
    }

    private static StagePick? ByName(Pipeline pipeline, List<Stage> open, string[] words) =>
        open.Where(s => Match(s.Name, words) is not null).Select(s => new StagePick(pipeline.Name, s, $"name matches '{Match(s.Name, words)}'")).FirstOrDefault();

    private static string? Match(string name, string[] words)
    {
        var parts = (name ?? "").ToLowerInvariant().Split([' ', '-', '_', '.', '(', ')', ',', '/'], StringSplitOptions.RemoveEmptyEntries);
        return words.FirstOrDefault(word => parts.Any(part => word.Length <= 2 ? part == word : part.StartsWith(word, StringComparison.Ordinal)));
    }

    private static string Ordinal(int index) => (index + 1) switch
    {
        1 => "1st",
        2 => "2nd",
        3 => "3rd",
        var n => string.Create(CultureInfo.InvariantCulture, $"{n}th"),
    };
}
