using System.Globalization;
using CrmBridge.Core.Model;
using CrmBridge.Core.People;
using Spectre.Console;

namespace CrmBridge.Setup;

/// <summary>
/// The setup report a person checks in two minutes: users with their numbers and the proposed pool and technical
/// users with evidence, the fields found, the pipelines with the proposed KPI stages, and the bot's chats.
/// </summary>
internal static class SetupReport
{
    public static void Render(IAnsiConsole console, SetupProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(proposal);
        console.MarkupLine("[bold]CrmBridge setup[/]: read only — nothing was written to any CRM.");
        if (proposal.Surveys.Count == 0)
        {
            console.MarkupLine("[yellow]No CRM is configured: set Bitrix24:WebhookUrl and/or AmoCrm:BaseUrl with its token.[/]");
        }

        foreach (var survey in proposal.Surveys)
        {
            Users(console, survey, proposal.People);
        }

        SamePeople(console, proposal);
        Candidates(console, proposal.People);
        Fields(console, proposal.Fields);
        Pipelines(console, proposal);
        Telegram(console, proposal.Telegram);
    }

    private static void Users(IAnsiConsole console, CrmSurvey survey, IReadOnlyList<UserCandidate> candidates)
    {
        console.WriteLine();
        var title = Title(survey);
        if (survey.Problem is not null)
        {
            console.MarkupLineInterpolated($"[bold]{title}[/]: [red]not read[/]");
            console.MarkupLineInterpolated($"  [red]{survey.Problem}[/]");
            return;
        }

        console.MarkupLineInterpolated($"[bold]{title}[/]: {survey.Users.Count} users");
        foreach (var line in survey.CountsSource.Split('\n'))
        {
            console.MarkupLineInterpolated($"  {line}");
        }

        var table = new Table().AddColumns("Id", "Name", "E-mail", "Active", "Cards", "Contacts 30 d", "Proposed");
        foreach (var user in survey.Users.OrderByDescending(u => u.CardsOwned ?? 0).ThenBy(u => u.Id, StringComparer.Ordinal))
        {
            // Proposals name people by e-mail, so the same person's user in the other CRM is covered too.
            var role = (candidates.FirstOrDefault(c => c.User == user) ?? candidates.FirstOrDefault(c => c.User.SettingName == user.SettingName))?.Role;
            var marks = new List<string>();
            if (role is { } proposed)
            {
                marks.Add(RoleName(proposed));
            }

            if (user.IsWebhookOwner)
            {
                marks.Add("webhook owner");
            }

            if (user.IsAdmin)
            {
                marks.Add("admin");
            }

            table.AddRow(
                Markup.Escape(user.Id),
                Markup.Escape(user.Name),
                Markup.Escape(user.Email ?? "—"),
                user.Active ? "yes" : "no",
                Number(user.CardsOwned),
                Number(user.Contacts30Days),
                Markup.Escape(marks.Count == 0 ? "manager" : string.Join(", ", marks)));
        }

        console.Write(table);
    }

    private static void SamePeople(IAnsiConsole console, SetupProposal proposal)
    {
        var same = PeopleProposer.SamePeople(proposal.Surveys);
        if (same.Count == 0)
        {
            return;
        }

        console.WriteLine();
        console.MarkupLineInterpolated($"[bold]One person in both CRMs[/] (matched by e-mail; one People entry covers both): {same.Count}");
        foreach (var person in same)
        {
            console.MarkupLineInterpolated($"  {person.Key}: {string.Join(" · ", person.Select(u => $"{PeopleProposer.CrmTitle(u.Crm)} #{u.Id} {u.Name}"))}");
        }
    }

    private static void Candidates(IAnsiConsole console, IReadOnlyList<UserCandidate> candidates)
    {
        console.WriteLine();
        console.MarkupLine("[bold]Nobody's manager[/] (proposed People:Pool and People:Technical; their cards get no findings):");
        if (candidates.Count == 0)
        {
            console.MarkupLine("  none found: no user is named like a free base or an integration, and none owns many cards without contacts.");
            return;
        }

        foreach (var candidate in candidates)
        {
            console.MarkupLineInterpolated(
                $"  {RoleName(candidate.Role)} candidate: {candidate.User.Name} ({PeopleProposer.CrmTitle(candidate.User.Crm)} #{candidate.User.Id}) → \"{candidate.User.SettingName}\"");
            foreach (var evidence in candidate.Evidence)
            {
                console.MarkupLineInterpolated($"      {evidence}");
            }
        }
    }

    private static void Fields(IAnsiConsole console, IReadOnlyList<FieldProposal> fields)
    {
        if (fields.Count == 0)
        {
            return;
        }

        console.WriteLine();
        console.MarkupLine("[bold]Fields[/] (by name, and identifiers by content checked with their check digits):");
        foreach (var field in fields)
        {
            var setting = field.SettingKey is null ? "no setting" : $"{field.SettingKey} = {field.SettingValue}";
            console.MarkupLineInterpolated($"  {PeopleProposer.CrmTitle(field.Crm)} {FieldProposer.Label(field.Purpose)}: {setting}");
            foreach (var line in field.Evidence.Split('\n'))
            {
                console.MarkupLineInterpolated($"      {line}");
            }
        }
    }

    private static void Pipelines(IAnsiConsole console, SetupProposal proposal)
    {
        foreach (var survey in proposal.Surveys.Where(s => s.Problem is null))
        {
            var mapping = proposal.Stages.FirstOrDefault(s => s.Crm == survey.Crm);
            foreach (var pipeline in survey.Pipelines.OrderBy(p => p.Name, StringComparer.CurrentCulture))
            {
                console.WriteLine();
                console.MarkupLineInterpolated($"[bold]{PeopleProposer.CrmTitle(survey.Crm)} pipeline[/] {pipeline.Ref.Id} '{pipeline.Name}': {pipeline.Stages.Count} stages");
                var table = new Table().AddColumns("Order", "Stage id", "Name", "Semantics", "KPI (proposed)");
                var order = 0;
                foreach (var stage in pipeline.Stages.OrderBy(s => s.Semantics == StageSemantics.Open ? 0 : 1).ThenBy(s => s.Sort))
                {
                    table.AddRow(
                        (++order).ToString(CultureInfo.InvariantCulture),
                        Markup.Escape(stage.Id),
                        Markup.Escape(stage.Name),
                        StageProposer.Semantics(stage.Semantics),
                        Markup.Escape(KpiMarks(mapping, stage)));
                }

                console.Write(table);
            }

            if (mapping is not null)
            {
                var crm = survey.Crm == CrmKind.Bitrix24 ? "Bitrix24" : "AmoCrm";
                console.MarkupLineInterpolated($"  KPI stage mapping proposed for {PeopleProposer.CrmTitle(survey.Crm)}:");
                Picks(console, $"Kpi:{crm}:NeedStageIds", "need identified", mapping.Need);
                Picks(console, $"Kpi:{crm}:ProposalStageIds", "proposal sent", mapping.Proposal);
                Picks(console, $"Kpi:{crm}:TopZoneStageIds", "TOP zone", mapping.TopZone);
            }
        }
    }

    private static void Picks(IAnsiConsole console, string key, string meaning, IReadOnlyList<StagePick> picks)
    {
        foreach (var pick in picks)
        {
            console.MarkupLineInterpolated($"      {meaning}: {pick.Stage.Id} '{pick.Stage.Name}' — {pick.Reason} → {key}");
        }
    }

    private static string KpiMarks(StageProposal? mapping, Stage stage)
    {
        if (mapping is null)
        {
            return "";
        }

        var marks = new List<string>();
        if (mapping.Need.Any(p => p.Stage.Id == stage.Id))
        {
            marks.Add("need identified");
        }

        if (mapping.Proposal.Any(p => p.Stage.Id == stage.Id))
        {
            marks.Add("proposal sent");
        }

        if (mapping.TopZone.Any(p => p.Stage.Id == stage.Id))
        {
            marks.Add("TOP zone");
        }

        return string.Join(", ", marks);
    }

    private static void Telegram(IAnsiConsole console, TelegramSurvey telegram)
    {
        console.WriteLine();
        if (telegram.Problem is not null)
        {
            console.MarkupLineInterpolated($"[bold]Telegram[/]: {telegram.Problem}");
            return;
        }

        console.MarkupLineInterpolated($"[bold]Telegram bot[/]: {telegram.BotName} (@{telegram.BotUsername})");
        if (telegram.Chats.Count == 0)
        {
            console.MarkupLineInterpolated($"  No chat has written to the bot yet (or a running worker read the updates first).");
            console.MarkupLineInterpolated($"  Send /start to @{telegram.BotUsername} from the head's and each manager's chat, then run setup again.");
            return;
        }

        console.MarkupLine("  Chats that wrote to the bot (put the head's id in Telegram:HeadChatIds, a manager's in People:Managers:<e-mail>:ChatId):");
        var table = new Table().AddColumns("Chat id", "Kind", "Title", "Last message");
        foreach (var chat in telegram.Chats)
        {
            table.AddRow(chat.Id.ToString(CultureInfo.InvariantCulture), chat.Type, Markup.Escape(chat.Title), Markup.Escape(chat.LastText ?? ""));
        }

        console.Write(table);
    }

    private static string Title(CrmSurvey survey) =>
        survey.Crm == CrmKind.Bitrix24 ? $"Bitrix24 portal {survey.Account}" : $"amoCRM {survey.Account}";

    private static string RoleName(PersonRole role) => role switch
    {
        PersonRole.Pool => "pool",
        PersonRole.Technical => "technical",
        PersonRole.Admin => "admin",
        _ => "manager",
    };

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "?";
}
