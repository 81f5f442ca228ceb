using System.Globalization;
using CrmBridge.Core.Model;
using CrmBridge.Crm;
using CrmBridge.Hosting;
using CrmBridge.Outbox;
using CrmBridge.Sandbox;
using CrmBridge.Sandbox.Demo;
using CrmBridge.Sandbox.Portal;
using CrmBridge.Storage;
using CrmBridge.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;

namespace CrmBridge.Tests.Outbox.Crash;

/// <summary>
/// Every action kind against the sandbox through the real clients; the dispatcher is killed at every step in turn
/// (each save, each write request before it leaves and after the server carried it out), then a fresh process
/// starts over the same file. Nothing may be doubled; nothing lost but messages ambiguous by construction, which
/// are listed.
/// </summary>
public sealed class CrashAtEveryStepTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"crmbridge-crash-{Guid.NewGuid():N}");
    private SandboxServer sandbox = null!;

    public async Task InitializeAsync()
    {
        var portal = SamplePortal.Generate(new SamplePortalSpec { Size = 200, Seed = 11 });
        sandbox = await SandboxServer.StartAsync(new SandboxOptions { Portal = portal, RateLimits = false }, CancellationToken.None);
        Directory.CreateDirectory(folder);
    }

    public async Task DisposeAsync()
    {
        await sandbox.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_crash_at_any_step_of_any_action_kind_never_doubles_and_loses_only_listed_ambiguous_messages()
    {
        var problems = new List<string>();
        var crashPoints = 0;
        for (var crashAt = 1; ; crashAt++)
        {
            var run = $"r{crashAt.ToString(CultureInfo.InvariantCulture)}";
            var path = Path.Combine(folder, run + ".db");
            var crash = new CrashSwitch(crashAt);

            // Arrange + Act: the first process plans every kind of action and dies at step crashAt.
            IReadOnlyList<PlannedAction> actions;
            using (var first = Host(path, crash))
            {
                actions = Plan(first.Services, run);
                foreach (var action in actions)
                {
                    first.Services.GetRequiredService<IOutbox>().Enqueue(action);
                }

                try
                {
                    await first.Services.GetRequiredService<OutboxDispatcher>().DispatchAsync(CancellationToken.None);
                }
                catch (Exception ex) when (crash.Crashed)
                {
                    // Anything the dying process threw is moot; what it stored and sent is all that counts.
                    _ = ex;
                }
            }

            if (!crash.Crashed)
            {
                // A run with no crash took every step: all crash points were tried.
                Verify(run, actions, path, null, problems);
                break;
            }

            crashPoints++;

            // The next process starts over the same file and runs until nothing is due.
            using (var second = Host(path, null))
            {
                var dispatcher = second.Services.GetRequiredService<OutboxDispatcher>();
                await dispatcher.DispatchAsync(CancellationToken.None);
                await dispatcher.DispatchAsync(CancellationToken.None);
            }

            Verify(run, actions, path, crash.Where, problems);
        }

        Assert.True(crashPoints >= 20, $"only {crashPoints} crash points were exercised");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private void Verify(string run, IReadOnlyList<PlannedAction> actions, string path, string? where, List<string> problems)
    {
        using var store = CrmStore.Open(path);
        var ambiguous = store.Outbox.List(OutboxState.Ambiguous).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            var entry = store.Outbox.Find(action.Key)!;
            var context = $"[{run}, crash {where ?? "none"}] {action.Kind} {action.Key}";
            var marker = IdempotencyMarker.For(action.Key);
            switch (action.Payload)
            {
                case TelegramMessagePayload or TelegramPhotoPayload:
                    var text = action.Payload is TelegramMessagePayload m ? m.Html : ((TelegramPhotoPayload)action.Payload).Caption;
                    var sent = sandbox.TelegramRequests.Count(r => r.Text == text);
                    if (sent > 1)
                    {
                        problems.Add($"{context}: sent {sent} times");
                    }

                    if (entry.State == OutboxState.Done ? sent != 1 : !ambiguous.Contains(action.Key))
                    {
                        problems.Add($"{context}: ended {entry.State} after {sent} sends and is not listed as ambiguous");
                    }

                    break;
                case CompanyFieldsPayload:
                    Expect(entry, OutboxState.Done, context, problems);
                    break;
                default:
                    Expect(entry, OutboxState.Done, context, problems);
                    var written = sandbox.Written.Count(w => w.Text.Contains(marker, StringComparison.Ordinal));
                    if (written != 1)
                    {
                        problems.Add($"{context}: its marker is on the card {written} times");
                    }

                    break;
            }
        }
    }

    private static void Expect(OutboxEntry entry, OutboxState state, string context, List<string> problems)
    {
        if (entry.State != state)
        {
            problems.Add($"{context}: ended {entry.State} ({entry.LastError})");
        }
    }

    /// <summary>One action of every kind, in both CRMs, with texts unique to this run.</summary>
    private List<PlannedAction> Plan(IServiceProvider services, string run)
    {
        var connectors = services.GetServices<ICrmConnector>().ToList();
        var manager = sandbox.Facts.Users.First(u => u.Role == PortalUserRole.Manager);
        var actions = new List<PlannedAction>();
        foreach (var crm in new[] { CrmKind.Bitrix24, CrmKind.AmoCrm })
        {
            var account = connectors.Single(c => c.Crm == crm).Account;
            var company = Enumerable.Range(0, sandbox.Portal.CountIn(crm)).Select(i => sandbox.Portal.Company(crm, i)).First(c => c.Inn is not null);
            var card = new CrmRef(crm, account, company.Id.ToString(CultureInfo.InvariantCulture));
            var owner = manager.IdIn(crm).ToString(CultureInfo.InvariantCulture);
            var name = CrmRef.CrmName(crm);
            actions.Add(new(ActionKinds.CrmReassign, $"{run}|{name}|reassign", new ReassignCompanyPayload(card, owner, $"Передана ({run})"), "reassign"));
            actions.Add(new(ActionKinds.CrmComment, $"{run}|{name}|comment", new CompanyCommentPayload(card, $"Дубликат по ИНН ({run})"), "comment"));
            actions.Add(new(ActionKinds.CrmTask, $"{run}|{name}|task", new CompanyTaskPayload(card, owner, $"Позвонить ({run})", sandbox.Portal.Spec.Now.AddDays(1)), "task"));
            actions.Add(new(
                ActionKinds.CrmFillEmptyFields,
                $"{run}|{name}|fill",
                new CompanyFieldsPayload(card, new Dictionary<string, string> { [CompanyFieldsPayload.Kpp] = "770401001" }, "registry") { Inn = company.Inn },
                "fill"));
        }

        actions.Add(new(ActionKinds.TelegramPhoto, $"{run}|chart", new TelegramPhotoPayload(DemoConfiguration.HeadChatId, [0x89, 0x50, 0x4E, 0x47], $"Воронка {run}"), "chart"));
        actions.Add(new(ActionKinds.TelegramMessage, $"{run}|message", new TelegramMessagePayload(DemoConfiguration.HeadChatId, $"Сводка {run}"), "message"));
        return actions;
    }

    private Microsoft.Extensions.Hosting.IHost Host(string path, CrashSwitch? crash)
    {
        var settings = DemoConfiguration.For(sandbox, path);
        settings["AmoCrm:KppFieldId"] = "900104";
        settings["Logging:LogLevel:Default"] = "None";
        return CrmBridgeHost.Build(
            [],
            overrides: settings,
            configureServices: services =>
            {
                if (crash is null)
                {
                    return;
                }

                services.AddSingleton<IOutboxStore>(sp => new CrashingOutboxStore(sp.GetRequiredService<CrmStore>().Outbox, crash));
                services.ConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(b => b.AdditionalHandlers.Add(new CrashingHandler(crash))));
            },
            configureLogging: logging => logging.ClearProviders());
    }
}
