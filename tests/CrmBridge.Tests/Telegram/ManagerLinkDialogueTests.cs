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
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace CrmBridge.Tests.Telegram;

/// <summary>
/// The linking dialogue end to end: updates in, Bot API requests out (against the WireMock Bot API), state in a LiteDB
/// file that a "restart" (a new service graph over the same file) opens again. Heads: chat 555001 and the channel
/// @sales_heads; Anna (bitrix24:7) already has a configured chat, Boris (bitrix24:9 and amocrm:8100009) links himself.
/// </summary>
public sealed class ManagerLinkDialogueTests : IDisposable
{
    private const long Head = 555001;
    private const long HeadChannelId = -1001234567890;
    private const long Boris = 600009;
    private const long Other = 600010;
    private const long Stranger = 777;

    private static readonly DateTimeOffset At = DigestScenario.Now;
    private static readonly CrmRef BorisB24 = new(CrmKind.Bitrix24, DigestScenario.Account, "9");
    private static readonly CrmRef BorisAmo = new(CrmKind.AmoCrm, "firm.amocrm.ru", "8100009");

    private readonly string path = Path.Combine(Path.GetTempPath(), $"crmbridge-link-{Guid.NewGuid():N}.db");
    private readonly FakeTelegramApi api = new();
    private readonly LogCapture logs = new();
    private readonly ObservedTimeProvider time = new();
    private readonly FakeCallable callable = new([]);
    private CrmStore store;
    private ServiceProvider services;
    private int updateId;

    public ManagerLinkDialogueTests()
    {
        store = CrmStore.Open(path, time);
        store.Managers.Upsert(
        [
            new Manager { Ref = DigestScenario.Ref("7"), Name = "Анна Смирнова", Email = "anna@firm.ru", ModifiedAt = At },
            new Manager { Ref = BorisB24, Name = "Борис Орлов", Email = "boris@firm.ru", ModifiedAt = At },
            new Manager { Ref = BorisAmo, Name = "Борис Орлов", Email = "Boris@Firm.ru", ModifiedAt = At },
        ]);
        api.On("sendMessage", 200, "sendMessage.ok.json")
            .On("editMessageText", 200, "editMessageText.ok.json")
            .On("answerCallbackQuery", 200, "answerCallbackQuery.ok.json");
        services = Build();
    }

    public void Dispose()
    {
        services.Dispose();
        store.Dispose();
        api.Dispose();
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*").Append(path).Where(File.Exists))
        {
            File.Delete(file);
        }
    }

    private ServiceProvider Build(string language = "ru") => TelegramTestServices.Build(
        api,
        logs,
        time,
        new Dictionary<string, string?> { ["Telegram:HeadChatIds:1"] = "@sales_heads", ["Telegram:Language"] = language },
        more =>
        {
            more.AddSingleton<ICrmStore>(store);
            more.AddSingleton<IOutbox>(store.Outbox);
            more.AddSingleton(new PortalTimeZone(DigestScenario.Moscow));
            more.AddSingleton(DigestScenario.Builder());
            more.AddSingleton<ICurrentFindings>(new NoFindings());
            more.AddSingleton<DigestRunner>();
            more.AddSingleton<IInnQuery>(new FakeInnQuery(new InnQueryResult(false, "не спрашивали", [], null)));
            more.AddSingleton<ICallableQuery>(callable);
        });

    /// <summary>A new process over the same state file: nothing but the file carries over.</summary>
    private void Restart()
    {
        services.Dispose();
        store.Dispose();
        store = CrmStore.Open(path, time);
        services = Build();
    }

    private IChatDirectory Chats => services.GetRequiredService<IChatDirectory>();

    private Task HandleAsync(Update update) =>
        services.GetRequiredService<BotCommandHandler>().HandleAsync(services.GetRequiredService<TelegramClientFactory>().Client, update, CancellationToken.None);

    private Task WriteAsync(long chat, string text, string firstName = "Борис") => HandleAsync(new Update
    {
        Id = ++updateId,
        Message = new Message
        {
            Id = updateId,
            Chat = new Chat { Id = chat, Type = ChatType.Private, FirstName = firstName },
            From = new User { Id = chat, FirstName = firstName, Username = chat == Boris ? "boris_sales" : null },
            Text = text,
            Date = At.UtcDateTime,
        },
    });

    /// <summary>A button press on message 101 in the chat; a channel is known to the bot by its number and username.</summary>
    private Task PressAsync(long chat, string data, string who = "Ольга", long userId = Head, string? username = null) => HandleAsync(new Update
    {
        Id = ++updateId,
        CallbackQuery = new CallbackQuery
        {
            Id = $"cb{updateId}",
            From = new User { Id = userId, FirstName = who },
            ChatInstance = "ci",
            Data = data,
            Message = new Message
            {
                Id = 101,
                Chat = new Chat { Id = chat, Type = username is null ? ChatType.Private : ChatType.Channel, Username = username },
                Date = At.UtcDateTime,
            },
        },
    });

    private List<JsonElement> Requests(string method) => [.. api.Bodies(method).Select(body => JsonDocument.Parse(body).RootElement)];

    private List<JsonElement> SentTo(object chat) =>
        [.. Requests("sendMessage").Where(body => body.GetProperty("chat_id").ToString() == Convert.ToString(chat, System.Globalization.CultureInfo.InvariantCulture))];

    private static string Text(JsonElement body) => body.GetProperty("text").GetString()!;

    /// <summary>The inline keyboard as rows of (text, callback_data).</summary>
    private static List<List<(string Text, string Data)>> Keyboard(JsonElement body) =>
        [.. body.GetProperty("reply_markup").GetProperty("inline_keyboard").EnumerateArray()
            .Select(row => row.EnumerateArray().Select(button => (button.GetProperty("text").GetString()!, button.GetProperty("callback_data").GetString()!)).ToList())];

    /// <summary>Boris: /start, then his e-mail; returns the request id from the Approve button the head got.</summary>
    private async Task<string> RequestAsync(long chat = Boris, string email = "Boris@Firm.ru")
    {
        await WriteAsync(chat, "/start");
        await WriteAsync(chat, email);
        var approve = Keyboard(SentTo(Head)[^1])[0][0].Data;
        return approve["link:a:".Length..];
    }

    [Fact]
    public async Task A_manager_links_the_chat_once_a_head_approves_and_nudges_go_there_even_after_a_restart()
    {
        await WriteAsync(Boris, "/start");

        var ask = Assert.Single(SentTo(Boris));
        Assert.StartsWith("Здравствуйте! Chat id этого чата: <code>600009</code>.\nВы менеджер отдела?", Text(ask), StringComparison.Ordinal);
        Assert.Contains("напишите рабочий e-mail", Text(ask), StringComparison.Ordinal);
        Assert.Null(Chats.ManagerChat(BorisB24));

        await WriteAsync(Boris, "Boris@Firm.ru");

        // Every head chat gets the request naming the person and both CRM users, with Approve / Reject.
        var toHead = Assert.Single(SentTo(Head));
        var toChannel = Assert.Single(SentTo("@sales_heads"));
        foreach (var request in new[] { toHead, toChannel })
        {
            Assert.Contains("Борис (@boris_sales) пишет, что он(а) — Борис Орлов, e-mail boris@firm.ru.", Text(request), StringComparison.Ordinal);
            Assert.Contains("• bitrix24:9 Борис Орлов\n• amocrm:8100009 Борис Орлов", Text(request), StringComparison.Ordinal);
            var row = Assert.Single(Keyboard(request));
            Assert.Equal(["✅ Подтвердить", "❌ Отклонить"], row.Select(button => button.Text));
            Assert.Matches("^link:a:[0-9a-f]{10}$", row[0].Data);
            Assert.Equal("link:r:" + row[0].Data["link:a:".Length..], row[1].Data);
            Assert.True(System.Text.Encoding.UTF8.GetByteCount(row[0].Data) <= 64);
        }

        Assert.Contains("Запрос отправлен руководителю (Борис Орлов)", Text(SentTo(Boris)[^1]), StringComparison.Ordinal);
        var id = Keyboard(toHead)[0][0].Data["link:a:".Length..];

        await PressAsync(Head, "link:a:" + id);

        var answer = Assert.Single(Requests("answerCallbackQuery"));
        Assert.Equal("Подтверждено: Борис Орлов", answer.GetProperty("text").GetString());
        Assert.StartsWith("Готово, Борис Орлов! Руководитель подтвердил привязку", Text(SentTo(Boris)[^1]), StringComparison.Ordinal);
        var edits = Requests("editMessageText");
        Assert.Equal(["555001", "@sales_heads"], edits.Select(edit => edit.GetProperty("chat_id").ToString()));
        Assert.All(edits, edit =>
        {
            Assert.Equal(101, edit.GetProperty("message_id").GetInt32());
            Assert.EndsWith("✅ Подтвердил(а) Ольга, 18.11.2026 09:00", Text(edit), StringComparison.Ordinal);
            Assert.False(edit.TryGetProperty("reply_markup", out _), "the buttons go once decided");
        });
        Assert.Equal(Boris, Chats.ManagerChat(BorisAmo)?.Id);

        Restart();

        // Nudges for either of Boris's CRM users go to his chat, and the chat is answered as his.
        Assert.Equal(Boris, Chats.ManagerChat(BorisB24)?.Id);
        Assert.Equal(Boris, Chats.ManagerChat(BorisAmo)?.Id);
        await WriteAsync(Boris, "/callable");
        Assert.Equal([new CrmUser(CrmKind.Bitrix24, "9"), new CrmUser(CrmKind.AmoCrm, "8100009")], callable.AskedFor);
        Assert.Contains("Сегодня звонить некому", Text(SentTo(Boris)[^1]), StringComparison.Ordinal);
        api.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task An_approval_from_a_chat_that_is_not_a_heads_is_refused_and_changes_nothing()
    {
        var id = await RequestAsync();
        var sentBefore = Requests("sendMessage").Count;

        await PressAsync(Boris, "link:a:" + id, who: "Борис", userId: Boris);
        await PressAsync(Stranger, "link:a:" + id, who: "Stranger", userId: Stranger);

        Assert.All(Requests("answerCallbackQuery"), answer =>
        {
            Assert.Equal("Подтверждать, отклонять и убирать привязки могут только руководители.", answer.GetProperty("text").GetString());
            Assert.True(answer.GetProperty("show_alert").GetBoolean());
        });
        Assert.Equal(2, Requests("answerCallbackQuery").Count);
        Assert.Equal(sentBefore, Requests("sendMessage").Count);
        Assert.Empty(Requests("editMessageText"));
        Assert.Null(Chats.ManagerChat(BorisB24));
        Assert.Contains(logs.Lines, line => line.Contains("Chat 600009 (Telegram user 600009) pressed a link button (a) but is not a head's chat", StringComparison.Ordinal));

        // The request is still waiting: a head decides it, from the head channel this time.
        await PressAsync(HeadChannelId, "link:a:" + id, who: "Ольга", userId: 42, username: "sales_heads");

        Assert.Equal("Подтверждено: Борис Орлов", Requests("answerCallbackQuery")[^1].GetProperty("text").GetString());
        Assert.Equal(Boris, Chats.ManagerChat(BorisB24)?.Id);
    }

    [Fact]
    public async Task A_late_press_on_a_decided_request_is_answered_with_who_decided_first()
    {
        var id = await RequestAsync();
        await PressAsync(Head, "link:a:" + id);
        var sentBefore = Requests("sendMessage").Count;

        await PressAsync(HeadChannelId, "link:r:" + id, who: "Пётр", userId: 42, username: "sales_heads");

        Assert.Equal("Уже решено: подтвердил(а) Ольга, 18.11.2026 09:00.", Requests("answerCallbackQuery")[^1].GetProperty("text").GetString());
        Assert.Equal(sentBefore, Requests("sendMessage").Count);
        Assert.Equal(2, Requests("editMessageText").Count);
        Assert.Equal(Boris, Chats.ManagerChat(BorisB24)?.Id);
    }

    [Fact]
    public async Task A_rejected_manager_is_told_politely_and_nothing_is_linked()
    {
        var id = await RequestAsync();

        await PressAsync(Head, "link:r:" + id);

        Assert.Equal("Отклонено: Борис Орлов", Requests("answerCallbackQuery")[^1].GetProperty("text").GetString());
        Assert.StartsWith("К сожалению, руководитель не подтвердил привязку этого чата.", Text(SentTo(Boris)[^1]), StringComparison.Ordinal);
        Assert.All(Requests("editMessageText"), edit => Assert.EndsWith("❌ Отклонил(а) Ольга, 18.11.2026 09:00", Text(edit), StringComparison.Ordinal));
        Assert.Null(Chats.ManagerChat(BorisB24));

        // The chat is not let in by a rejection.
        await WriteAsync(Boris, "/digest");
        Assert.Contains("закрытый бот", Text(SentTo(Boris)[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_e_mail_no_CRM_user_has_gets_a_clear_answer_and_nothing_goes_to_the_heads()
    {
        await WriteAsync(Boris, "/start");
        await WriteAsync(Boris, "boris@other.ru");

        Assert.Equal(
            "В CRM нет пользователя с e-mail boris@other.ru. Проверьте адрес (он должен совпадать с профилем в Bitrix24 или amoCRM) и напишите его ещё раз.",
            Text(SentTo(Boris)[^1]));
        Assert.Empty(SentTo(Head));
        Assert.Empty(SentTo("@sales_heads"));

        // Still waiting for the address: the corrected one goes through.
        await WriteAsync(Boris, "boris@firm.ru");
        Assert.Single(SentTo(Head));
    }

    [Theory]
    [InlineData("boris", "«boris» не похоже на e-mail.")]
    [InlineData("Борис Орлов <boris@firm.ru>", "«Борис Орлов &lt;boris@firm.ru&gt;» не похоже на e-mail.")]
    [InlineData("boris@firm", "«boris@firm» не похоже на e-mail.")]
    public async Task A_malformed_e_mail_gets_a_clear_answer(string text, string expected)
    {
        await WriteAsync(Boris, "/start");
        await WriteAsync(Boris, text);

        Assert.StartsWith(expected, Text(SentTo(Boris)[^1]), StringComparison.Ordinal);
        Assert.Empty(SentTo(Head));
    }

    [Fact]
    public async Task A_second_request_for_a_person_waiting_or_linked_is_not_sent_to_the_heads_again()
    {
        var id = await RequestAsync();

        await WriteAsync(Other, "/start", firstName: "Кто-то");
        await WriteAsync(Other, "boris@firm.ru", firstName: "Кто-то");

        Assert.StartsWith("Запрос на привязку для Борис Орлов уже ждёт решения руководителя", Text(SentTo(Other)[^1]), StringComparison.Ordinal);
        Assert.Single(SentTo(Head));
        Assert.Contains(logs.Lines, line => line.Contains("not sent to the heads twice", StringComparison.Ordinal));

        await PressAsync(Head, "link:a:" + id);
        await WriteAsync(Other, "/start", firstName: "Кто-то");
        await WriteAsync(Other, "boris@firm.ru", firstName: "Кто-то");

        Assert.StartsWith("Борис Орлов уже привязан(а) к чату бота.", Text(SentTo(Other)[^1]), StringComparison.Ordinal);
        Assert.Single(SentTo(Head));
        Assert.Equal(Boris, Chats.ManagerChat(BorisB24)?.Id);
    }

    [Fact]
    public async Task A_manager_whose_chat_is_configured_is_told_no_link_is_needed()
    {
        await WriteAsync(Other, "/start", firstName: "Анна");
        await WriteAsync(Other, "anna@firm.ru", firstName: "Анна");

        Assert.StartsWith("Для Анна Смирнова чат уже задан администратором в настройках", Text(SentTo(Other)[^1]), StringComparison.Ordinal);
        Assert.Empty(SentTo(Head));
        Assert.Equal(555007, Chats.ManagerChat(DigestScenario.Ref("7"))?.Id);
    }

    [Fact]
    public async Task Waiting_for_the_e_mail_survives_a_restart()
    {
        await WriteAsync(Boris, "/start");

        Restart();
        await WriteAsync(Boris, "boris@firm.ru");

        Assert.Single(SentTo(Head));
        Assert.Contains("Запрос отправлен руководителю", Text(SentTo(Boris)[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Team_lists_the_links_for_heads_and_remove_stops_the_nudges()
    {
        var id = await RequestAsync();
        await PressAsync(Head, "link:a:" + id);

        await WriteAsync(Head, "/team", firstName: "Ольга");

        var list = SentTo(Head)[^1];
        Assert.Equal(
            "<b>Чаты, привязанные через бота</b>\n• <b>Борис Орлов</b>, boris@firm.ru\n  CRM: bitrix24:9 Борис Орлов, amocrm:8100009 Борис Орлов\n  чат <code>600009</code>; подтвердил(а) Ольга, 18.11.2026 09:00",
            Text(list));
        Assert.Equal(("Убрать: Борис Орлов", "link:x:600009"), Assert.Single(Assert.Single(Keyboard(list))));

        await PressAsync(Stranger, "link:x:600009", who: "Stranger", userId: Stranger);
        Assert.Equal(Boris, Chats.ManagerChat(BorisB24)?.Id);

        await PressAsync(Head, "link:x:600009");

        Assert.Equal("Привязка убрана: Борис Орлов. Напоминания туда больше не идут.", Requests("answerCallbackQuery")[^1].GetProperty("text").GetString());
        var edited = Requests("editMessageText")[^1];
        Assert.Equal(Head, edited.GetProperty("chat_id").GetInt64());
        Assert.StartsWith("<b>Чаты, привязанные через бота</b>\nЧерез бота пока никто не привязал чат.", Text(edited), StringComparison.Ordinal);
        Assert.Null(Chats.ManagerChat(BorisB24));
        Assert.Null(Chats.ManagerChat(BorisAmo));

        await PressAsync(Head, "link:x:600009");
        Assert.Equal("Эта привязка уже убрана.", Requests("answerCallbackQuery")[^1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Team_from_a_chat_that_is_not_a_heads_is_refused()
    {
        var id = await RequestAsync();
        await PressAsync(Head, "link:a:" + id);

        await WriteAsync(Boris, "/team");
        await WriteAsync(Stranger, "/team", firstName: "Stranger");

        Assert.Equal("Привязки чатов видят только руководители (Telegram:HeadChatIds).", Text(SentTo(Boris)[^1]));
        Assert.Contains("закрытый бот", Text(Assert.Single(SentTo(Stranger))), StringComparison.Ordinal);
        Assert.DoesNotContain(Requests("sendMessage"), body => Text(body).Contains("Чаты, привязанные через бота", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Team_shows_the_requests_still_waiting_without_a_button()
    {
        await RequestAsync();

        await WriteAsync(Head, "/team", firstName: "Ольга");

        var list = SentTo(Head)[^1];
        Assert.Equal(
            "<b>Чаты, привязанные через бота</b>\nЧерез бота пока никто не привязал чат. Менеджер пишет боту /start и указывает рабочий e-mail.\n\n<b>Ждут решения</b>\n• Борис Орлов, boris@firm.ru — с 18.11.2026 09:00",
            Text(list));
        Assert.False(list.TryGetProperty("reply_markup", out _));
    }

    [Fact]
    public async Task With_Language_en_the_dialogue_and_its_buttons_are_in_English()
    {
        services.Dispose();
        services = Build("en");

        await WriteAsync(Boris, "/start");
        await WriteAsync(Boris, "boris@firm.ru");

        Assert.StartsWith("Hello! This chat's id is <code>600009</code>.\nA sales manager?", Text(SentTo(Boris)[0]), StringComparison.Ordinal);
        var request = Assert.Single(SentTo(Head));
        Assert.StartsWith("<b>Chat link request</b>\nБорис (@boris_sales) says they are Борис Орлов, e-mail boris@firm.ru.", Text(request), StringComparison.Ordinal);
        Assert.Equal(["✅ Approve", "❌ Reject"], Assert.Single(Keyboard(request)).Select(button => button.Text));

        await PressAsync(Head, Keyboard(request)[0][0].Data);

        Assert.EndsWith("✅ Approved by Ольга, 2026-11-18 09:00", Text(Requests("editMessageText")[0]), StringComparison.Ordinal);
        Assert.StartsWith("All set, Борис Орлов!", Text(SentTo(Boris)[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public void An_e_mail_is_matched_trimmed_and_in_lower_case()
    {
        Assert.True(ManagerLinkDialogue.TryEmail(" Boris@Firm.RU ", out var email));
        Assert.Equal("boris@firm.ru", email);
    }
}
