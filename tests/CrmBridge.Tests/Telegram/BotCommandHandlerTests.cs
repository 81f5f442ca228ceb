using System.Text.Json;
using CrmBridge.Core.Model;
using CrmBridge.Crm;
using CrmBridge.Digest;
using CrmBridge.Enrichment;
using CrmBridge.Foundation;
using CrmBridge.Notifications;
using CrmBridge.Rules;
using CrmBridge.Storage;
using CrmBridge.Telegram;
using CrmBridge.Tests.Digest;
using CrmBridge.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace CrmBridge.Tests.Telegram;

public sealed class BotCommandHandlerTests : IDisposable
{
    private const long Head = 555001;
    private const long Manager = 555007;
    private const long Stranger = 777;

    private readonly FakeTelegramApi api = new();
    private readonly LogCapture logs = new();
    private readonly ObservedTimeProvider time = new();
    private readonly CrmStore store;

    public BotCommandHandlerTests()
    {
        store = CrmStore.OpenInMemory(time);
        var clientBase = DigestScenario.Base();
        store.Managers.Upsert(clientBase.Managers);
        store.Companies.Upsert(clientBase.Companies);
        store.Pipelines.Upsert(clientBase.Pipelines);
        store.Deals.Upsert(clientBase.Deals);
        api.On("sendMessage", 200, "sendMessage.ok.json").On("sendPhoto", 200, "sendPhoto.ok.json");
    }

    public void Dispose()
    {
        api.Dispose();
        store.Dispose();
    }

    private ServiceProvider Services(IInnQuery? inn = null, ICallableQuery? callable = null) =>
        TelegramTestServices.Build(api, logs, time, more: services =>
        {
            services.AddSingleton<ICrmStore>(store);
            services.AddSingleton<IOutbox>(store.Outbox);
            services.AddSingleton(new PortalTimeZone(DigestScenario.Moscow));
            services.AddSingleton(DigestScenario.Builder());
            services.AddSingleton<ICurrentFindings>(new NoFindings());
            services.AddSingleton<DigestRunner>();
            services.AddSingleton(inn ?? new FakeInnQuery(new InnQueryResult(false, "не спрашивали", [], null)));
            services.AddSingleton(callable ?? new FakeCallable([]));
        });

    private static async Task SendAsync(ServiceProvider services, long chat, string text)
    {
        var update = new Update { Id = 1, Message = new Message { Id = 1, Chat = new Chat { Id = chat, Type = ChatType.Private }, Text = text, Date = DateTime.UtcNow } };
        await services.GetRequiredService<BotCommandHandler>().HandleAsync(services.GetRequiredService<TelegramClientFactory>().Client, update, CancellationToken.None);
    }

    private List<(long Chat, string Text)> Replies() => api.Bodies("sendMessage")
        .Select(body => JsonDocument.Parse(body).RootElement)
        .Select(root => (root.GetProperty("chat_id").GetInt64(), root.GetProperty("text").GetString()!))
        .ToList();

    [Fact]
    public async Task A_foreign_chat_gets_one_polite_refusal_and_every_message_is_logged()
    {
        using var services = Services();

        await SendAsync(services, Stranger, "/digest");
        await SendAsync(services, Stranger, "/kpi");

        var reply = Assert.Single(Replies());
        Assert.Equal(Stranger, reply.Chat);
        Assert.Contains("закрытый бот", reply.Text, StringComparison.Ordinal);
        Assert.Contains("<code>777</code>", reply.Text, StringComparison.Ordinal);
        Assert.Equal(2, logs.Lines.Count(line => line.Contains("chat 777 is not in the allowlist", StringComparison.Ordinal)));
        Assert.Empty(api.Bodies("sendPhoto"));
        logs.AssertNoSecret(FakeTelegramApi.Token);
    }

    [Fact]
    public async Task Start_tells_an_allowed_chat_its_id_for_the_config()
    {
        using var services = Services();

        await SendAsync(services, Head, "/start");

        var reply = Assert.Single(Replies());
        Assert.Equal(Head, reply.Chat);
        Assert.Contains("<code>555001</code>", reply.Text, StringComparison.Ordinal);
        Assert.Contains("/callable", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digest_sends_the_charts_and_the_messages_to_the_asking_chat_without_queueing()
    {
        using var services = Services();

        await SendAsync(services, Head, "/digest");

        // The scenario's one pipeline with open deals, then the plan chart.
        Assert.Equal(2, api.Bodies("sendPhoto").Count);
        Assert.Contains(Replies(), reply => reply.Chat == Head && reply.Text.Contains("Сводка на 18.11.2026", StringComparison.Ordinal));
        Assert.Empty(store.Outbox.List());
    }

    [Fact]
    public async Task Kpi_with_a_name_shows_that_manager_only()
    {
        using var services = Services();

        await SendAsync(services, Head, "/kpi@crmbridge_bot Анна");

        var text = Assert.Single(Replies()).Text;
        Assert.Contains("Анна: 📞", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Грозный", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inn_shows_the_registry_profile_and_cards_escaped()
    {
        var lookup = new FakeInnQuery(new InnQueryResult(
            true,
            null,
            [new Company { Ref = DigestScenario.Ref("C1"), Title = DigestScenario.EvilCompany, OwnerId = "7", CreatedAt = DigestScenario.Now, ModifiedAt = DigestScenario.Now }],
            new CompanyProfile { Inn = "7707083893", ShortName = "ПАО <Сбербанк>", Status = RegistryStatus.Active, Source = "test" }));
        using var services = Services(inn: lookup);

        await SendAsync(services, Head, "/inn 7707083893");

        var text = Assert.Single(Replies()).Text;
        Assert.Equal("7707083893", lookup.Asked);
        Assert.Contains("<b>ПАО &lt;Сбербанк&gt;</b>", text, StringComparison.Ordinal);
        Assert.Contains("• ООО &lt;Рога &amp; Копыта&gt; (bitrix24), владелец Анна", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inn_that_fails_the_check_says_why()
    {
        using var services = Services(inn: new FakeInnQuery(new InnQueryResult(false, "контрольная цифра не сходится", [], null)));

        await SendAsync(services, Head, "/inn 7707083894");

        Assert.Equal("ИНН 7707083894 не проходит проверку: контрольная цифра не сходится", Assert.Single(Replies()).Text);
    }

    [Fact]
    public async Task Callable_asks_for_the_CRM_users_behind_the_manager_chat()
    {
        var query = new FakeCallable([new Company { Ref = DigestScenario.Ref("C1"), Title = "A & B", CreatedAt = DigestScenario.Now, ModifiedAt = DigestScenario.Now }]);
        using var services = Services(callable: query);

        await SendAsync(services, Manager, "/callable");
        await SendAsync(services, Head, "/callable");

        Assert.Equal([new CrmUser(CrmKind.Bitrix24, "7")], query.AskedFor);
        var replies = Replies();
        Assert.Equal("<b>Можно звонить сегодня</b>\n• A &amp; B", replies[0].Text);
        Assert.Contains("не привязан", replies[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_says_so()
    {
        using var services = Services();

        await SendAsync(services, Head, "/whatever");

        Assert.Equal(["Не знаю такой команды. /help — список команд."], Replies().Select(reply => reply.Text));
    }

    [Fact]
    public async Task A_polling_round_handles_every_update_and_moves_the_offset()
    {
        api.On("getUpdates", 200, "getUpdates.json");
        using var services = Services();
        var worker = new TelegramBotWorker(
            services.GetRequiredService<TelegramClientFactory>(),
            services.GetRequiredService<BotCommandHandler>(),
            services.GetRequiredService<IOptions<TelegramOptions>>(),
            time,
            services.GetRequiredService<ILoggerFactory>().CreateLogger<TelegramBotWorker>());

        var offset = await worker.PollOnceAsync(services.GetRequiredService<TelegramClientFactory>().Client, null, CancellationToken.None);

        Assert.Equal(900003, offset);
        var request = JsonDocument.Parse(Assert.Single(api.Bodies("getUpdates"))).RootElement;
        Assert.Equal(30, request.GetProperty("timeout").GetInt32());
        Assert.Equal(["message", "callback_query"], request.GetProperty("allowed_updates").EnumerateArray().Select(item => item.GetString()));

        // The stranger's private chat is offered linking (with its chat id, for the admin too), the head gets its chat id.
        var replies = Replies();
        Assert.Equal([Stranger, Head], replies.Select(reply => reply.Chat));
        Assert.Contains("<code>777</code>", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("напишите рабочий e-mail", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("<code>555001</code>", replies[1].Text, StringComparison.Ordinal);
        api.AssertNoUnexpectedCalls();
        logs.AssertNoSecret(FakeTelegramApi.Token);
    }

    [Fact]
    public async Task An_update_whose_reply_fails_is_skipped_and_the_rest_are_still_answered()
    {
        api.On("getUpdates", 200, "getUpdates.json");
        api.Server
            .Given(WireMock.RequestBuilders.Request.Create().WithPath(FakeTelegramApi.MethodPath("sendMessage")).UsingPost()
                .WithBody(new WireMock.Matchers.JsonPartialMatcher("{\"chat_id\":777}")))
            .AtPriority(-10)
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(403).WithHeader("Content-Type", "application/json")
                .WithBody(FakeTelegramApi.Fixture("error.403.json")));
        using var services = Services();
        var worker = new TelegramBotWorker(
            services.GetRequiredService<TelegramClientFactory>(),
            services.GetRequiredService<BotCommandHandler>(),
            services.GetRequiredService<IOptions<TelegramOptions>>(),
            time,
            services.GetRequiredService<ILoggerFactory>().CreateLogger<TelegramBotWorker>());

        var offset = await worker.PollOnceAsync(services.GetRequiredService<TelegramClientFactory>().Client, null, CancellationToken.None);

        Assert.Equal(900003, offset);
        Assert.Equal([Stranger, Head], Replies().Select(reply => reply.Chat));
        Assert.Contains(logs.Lines, line => line.Contains("update 900001 was skipped: 403 Forbidden: bot was blocked by the user", StringComparison.Ordinal));
    }
}
