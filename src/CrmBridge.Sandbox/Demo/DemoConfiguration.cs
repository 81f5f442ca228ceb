using System.Globalization;
using CrmBridge.Core.Model;
using CrmBridge.Sandbox;
using CrmBridge.Sandbox.AmoCrm;
using CrmBridge.Sandbox.Bitrix24;
using CrmBridge.Sandbox.Portal;

namespace CrmBridge.Sandbox.Demo;

/// <summary>
/// The settings that point the real product at a running sandbox: every URL, token and the portal's people.
/// Layered over config/appsettings.json, so everything else keeps its configured default.
/// </summary>
internal static class DemoConfiguration
{
    public const long HeadChatId = 1_000_001;

    public static long ManagerChatId(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return 2_000_000 + user.Index;
    }

    public static Dictionary<string, string?> For(SandboxServer sandbox, string storagePath)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        var options = sandbox.Options;
        var settings = new Dictionary<string, string?>
        {
            ["DryRun"] = "false",
            ["Storage:Path"] = storagePath,
            ["Bitrix24:WebhookUrl"] = sandbox.Bitrix24WebhookUrl.AbsoluteUri,
            ["Bitrix24:Plan"] = "Standard",
            ["AmoCrm:BaseUrl"] = sandbox.AmoCrmBaseUrl.AbsoluteUri.TrimEnd('/'),
            ["AmoCrm:AccessToken"] = options.AmoAccessToken,
            ["AmoCrm:InnFieldId"] = "900102",
            ["AmoCrm:KppFieldId"] = "900104",
            ["Bitrix24:PostponedUntilField"] = "UF_CRM_POSTPONED_UNTIL",
            ["Bitrix24:PostponeReasonField"] = "UF_CRM_POSTPONE_REASON",
            ["AmoCrm:PostponedUntilFieldId"] = "900105",
            ["AmoCrm:PostponeReasonFieldId"] = "900106",
            // The fields setup proposes or an admin names: the decision-maker mark, the margin, the loss reason.
            ["Bitrix24:DecisionMakerField"] = BitrixFields.DecisionMaker,
            ["Bitrix24:MarginField"] = BitrixFields.Margin,
            ["Bitrix24:LossReasonField"] = BitrixFields.LossReason,
            ["AmoCrm:DecisionMakerFieldId"] = Text(AmoCustomFields.DecisionMaker),
            ["AmoCrm:MarginFieldId"] = Text(AmoCustomFields.Margin),
            // Category A, measurable: 50+ people, 3+ years on the market, revenue from 100 million roubles.
            ["Enrichment:CategoryCriteria:MinHeadcount"] = "50",
            ["Enrichment:CategoryCriteria:MinYearsOnMarket"] = "3",
            ["Enrichment:CategoryCriteria:MinRevenue"] = "100000000",
            // The stages `setup --write` proposes: need, proposal (КП) and the TOP zone, by name or position.
            ["Kpi:Bitrix24:NeedStageIds:0"] = PortalPipeline.Stages[PortalPipeline.Preparation].BitrixId,
            ["Kpi:Bitrix24:ProposalStageIds:0"] = PortalPipeline.Stages[PortalPipeline.PrepaymentInvoice].BitrixId,
            ["Kpi:Bitrix24:TopZoneStageIds:0"] = PortalPipeline.Stages[PortalPipeline.FinalInvoice].BitrixId,
            ["Kpi:AmoCrm:NeedStageIds:0"] = Text(PortalPipeline.Stages[PortalPipeline.Preparation].AmoId),
            ["Kpi:AmoCrm:ProposalStageIds:0"] = Text(PortalPipeline.Stages[PortalPipeline.PrepaymentInvoice].AmoId),
            ["Kpi:AmoCrm:TopZoneStageIds:0"] = Text(PortalPipeline.Stages[PortalPipeline.FinalInvoice].AmoId),
            ["Telegram:BotToken"] = options.TelegramBotToken,
            ["Telegram:ApiBaseUrl"] = sandbox.TelegramApiBaseUrl.AbsoluteUri,
            ["Telegram:HeadChatIds:0"] = Text(HeadChatId),
            ["Telegram:PollingEnabled"] = "false",
            ["Enrichment:DaData:BaseUrl"] = sandbox.DaDataBaseUrl.AbsoluteUri,
            ["Enrichment:DaData:Token"] = options.DaDataToken,
            // The sandbox registry has no rate limit; a real one gets the polite default.
            ["Enrichment:RequestsPerSecond"] = "200",
            ["Enrichment:LookupsPerTick"] = "100000",
            // A first run looks a week back for cooldown violations, so the demo shows the ones planted days ago.
            ["Rules:CooldownLookbackDays"] = "7",
            // Five managers closing deals of 0.05–5 million roubles: 12 million a month each.
            ["Kpi:DepartmentMonthlyPlan"] = "60000000",
        };

        // People by e-mail: one entry covers the person in both CRMs (what `setup --write` proposes).
        var pool = 0;
        var admins = 0;
        var technical = 0;
        foreach (var user in sandbox.Facts.Users)
        {
            switch (user.Role)
            {
                case PortalUserRole.Pool:
                    settings[$"People:Pool:{Text(pool++)}"] = user.Email;
                    break;
                case PortalUserRole.Admin:
                    settings[$"People:Admins:{Text(admins++)}"] = user.Email;
                    break;
                case PortalUserRole.Technical:
                    settings[$"People:Technical:{Text(technical++)}"] = user.Email;
                    break;
                default:
                    settings[$"People:Managers:{user.Email}:ChatId"] = Text(ManagerChatId(user));
                    break;
            }

            if (user.Role == PortalUserRole.Manager)
            {
                var key = $"People:Managers:{user.Email}";
                settings[$"{key}:PlanSharePercent"] = "20";
                settings[$"{key}:Daily:Calls"] = "3";
                settings[$"{key}:Daily:Meetings"] = "1";
                settings[$"{key}:Daily:DealsCreated"] = "1";
                settings[$"{key}:Daily:DealsWon"] = "1";
            }
        }

        return settings;
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
