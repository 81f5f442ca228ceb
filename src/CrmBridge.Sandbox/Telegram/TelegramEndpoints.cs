using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmBridge.Sandbox.Telegram;

/// <summary>
/// The Bot API at {root}/bot{token}/{method}: sendMessage, sendPhoto, sendDocument, editMessageText,
/// editMessageReplyMarkup, answerCallbackQuery, getMe, getUpdates. Captures every call.
/// </summary>
internal sealed class TelegramEndpoints(SandboxOptions options, SandboxCounters counters, TimeProvider time)
{
    public const long BotId = 7_000_000_001;
    private readonly ConcurrentQueue<CapturedTelegramRequest> _captured = new();
    private readonly List<PendingUpdate> _updates = [];
    private readonly Lock _updatesGate = new();
    private long _updateId = 100_000;
    private int _failuresLeft;
    private int _retryAfter;
    private long _messageId;

    public IReadOnlyCollection<CapturedTelegramRequest> Captured => _captured;

    public void InjectTooManyRequests(int count, int retryAfterSeconds)
    {
        Volatile.Write(ref _retryAfter, retryAfterSeconds);
        Volatile.Write(ref _failuresLeft, count);
    }

    /// <summary>Queues a message to the bot; getUpdates serves it until an offset past it confirms it, as Telegram does.</summary>
    public void AddMessage(long chatId, string name, string text, string? groupTitle)
    {
        lock (_updatesGate)
        {
            _updates.Add(new PendingUpdate(++_updateId, chatId, name, text, groupTitle, time.GetUtcNow()));
        }
    }

    /// <summary>A plain two-segment route: a complex "bot{token}" segment does not match tokens with a colon.</summary>
    public void Map(IEndpointRouteBuilder app) => app.MapMethods("/{bot}/{method}", ["GET", "POST"], HandleAsync);

    private async Task HandleAsync(HttpContext context, string bot, string method)
    {
        if (!bot.StartsWith("bot", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 404;
            return;
        }

        counters.Count(SandboxService.Telegram);
        if (bot[3..] != options.TelegramBotToken)
        {
            await FailAsync(context, 401, "Unauthorized");
            return;
        }

        var fields = await ReadFieldsAsync(context.Request);
        var chatId = fields.GetValueOrDefault("chat_id");
        var text = fields.GetValueOrDefault("text") ?? fields.GetValueOrDefault("caption");
        var hasFile = context.Request.HasFormContentType && context.Request.Form.Files.Count > 0 || fields.ContainsKey("photo") || fields.ContainsKey("document");
        _captured.Enqueue(new CapturedTelegramRequest(method, chatId, text, fields.GetValueOrDefault("parse_mode"), hasFile, time.GetUtcNow()));

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            counters.Reject(SandboxService.Telegram);
            var retryAfter = Volatile.Read(ref _retryAfter);
            await SandboxJson.WriteAsync(context, 429, w =>
            {
                w.WriteStartObject();
                w.WriteBoolean("ok", false);
                w.WriteNumber("error_code", 429);
                w.WriteString("description", $"Too Many Requests: retry after {retryAfter}");
                w.WriteStartObject("parameters");
                w.WriteNumber("retry_after", retryAfter);
                w.WriteEndObject();
                w.WriteEndObject();
            });
            return;
        }

        Interlocked.Exchange(ref _failuresLeft, 0);
        switch (method.ToLowerInvariant())
        {
            case "getme":
                await OkAsync(context, w => Bot(w));
                break;
            case "getupdates":
                var pending = Confirm(fields.GetValueOrDefault("offset"));
                await OkAsync(context, w =>
                {
                    w.WriteStartArray();
                    foreach (var update in pending)
                    {
                        update.Write(w);
                    }

                    w.WriteEndArray();
                });
                break;
            case "sendmessage" or "sendphoto" or "senddocument" or "editmessagetext" or "editmessagereplymarkup" when string.IsNullOrEmpty(chatId):
                await FailAsync(context, 400, "Bad Request: chat_id is empty");
                break;
            case "sendmessage" or "editmessagetext" when string.IsNullOrEmpty(text):
                await FailAsync(context, 400, "Bad Request: message text is empty");
                break;
            case "sendmessage" or "editmessagetext" when text!.Length > 4096:
                await FailAsync(context, 400, "Bad Request: message is too long");
                break;
            case "sendphoto" or "senddocument" when !hasFile:
                await FailAsync(context, 400, "Bad Request: there is no file in the request");
                break;
            case "sendphoto" or "senddocument" when text?.Length > 1024:
                await FailAsync(context, 400, "Bad Request: message caption is too long");
                break;
            case "sendmessage" or "editmessagetext" or "editmessagereplymarkup":
                await OkAsync(context, w => Message(w, chatId!, text, Attachment.None));
                break;
            case "sendphoto":
                await OkAsync(context, w => Message(w, chatId!, text, Attachment.Photo));
                break;
            case "senddocument":
                await OkAsync(context, w => Message(w, chatId!, text, Attachment.Document));
                break;
            case "answercallbackquery":
                await OkAsync(context, w => w.WriteBooleanValue(true));
                break;
            default:
                await FailAsync(context, 404, "Not Found");
                break;
        }
    }

    /// <summary>Drops the updates an offset confirms (update_id below it) and returns the rest, oldest first.</summary>
    private List<PendingUpdate> Confirm(string? offsetText)
    {
        lock (_updatesGate)
        {
            if (long.TryParse(offsetText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var offset))
            {
                _updates.RemoveAll(update => update.UpdateId < offset);
            }

            return [.. _updates.Take(100)];
        }
    }

    private static async Task<Dictionary<string, string?>> ReadFieldsAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return form.ToDictionary(p => p.Key, p => (string?)p.Value.ToString(), StringComparer.Ordinal);
        }

        var body = await SandboxJson.ReadBodyAsync(request);
        var fields = request.Query.ToDictionary(p => p.Key, p => (string?)p.Value.ToString(), StringComparer.Ordinal);
        if (body.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    fields[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
                }
            }
            catch (JsonException)
            {
                fields["__invalid_json"] = body;
            }
        }

        return fields;
    }

    private void Message(Utf8JsonWriter w, string chatId, string? text, Attachment attachment)
    {
        w.WriteStartObject();
        w.WriteNumber("message_id", Interlocked.Increment(ref _messageId));
        w.WritePropertyName("from");
        Bot(w);
        w.WriteStartObject("chat");
        w.WriteNumber("id", long.TryParse(chatId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : 0);
        w.WriteString("type", "private");
        w.WriteString("first_name", "Sandbox");
        w.WriteEndObject();
        w.WriteNumber("date", time.GetUtcNow().ToUnixTimeSeconds());
        if (attachment == Attachment.Document)
        {
            w.WriteStartObject("document");
            w.WriteString("file_id", "sandbox-document");
            w.WriteString("file_unique_id", "sandbox-document-u");
            w.WriteEndObject();
            if (text is not null)
            {
                w.WriteString("caption", text);
            }
        }
        else if (attachment == Attachment.Photo)
        {
            w.WriteStartArray("photo");
            w.WriteStartObject();
            w.WriteString("file_id", "sandbox-photo");
            w.WriteString("file_unique_id", "sandbox-photo-u");
            w.WriteNumber("width", 800);
            w.WriteNumber("height", 600);
            w.WriteEndObject();
            w.WriteEndArray();
            if (text is not null)
            {
                w.WriteString("caption", text);
            }
        }
        else
        {
            w.WriteString("text", text);
        }

        w.WriteEndObject();
    }

    private static void Bot(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("id", BotId);
        w.WriteBoolean("is_bot", true);
        w.WriteString("first_name", "CrmBridge Sandbox");
        w.WriteString("username", "crmbridge_sandbox_bot");
        w.WriteEndObject();
    }

    private static Task OkAsync(HttpContext context, Action<Utf8JsonWriter> result) => SandboxJson.WriteAsync(context, 200, w =>
    {
        w.WriteStartObject();
        w.WriteBoolean("ok", true);
        w.WritePropertyName("result");
        result(w);
        w.WriteEndObject();
    });

    private static Task FailAsync(HttpContext context, int code, string description) => SandboxJson.WriteAsync(context, code, w =>
    {
        w.WriteStartObject();
        w.WriteBoolean("ok", false);
        w.WriteNumber("error_code", code);
        w.WriteString("description", description);
        w.WriteEndObject();
    });

    private enum Attachment
    {
        None,
        Photo,
        Document,
    }
}
