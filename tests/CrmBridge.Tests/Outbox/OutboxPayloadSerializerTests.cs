using CrmBridge.Core.Model;
using CrmBridge.Foundation;
using CrmBridge.Outbox;
using CrmBridge.Storage;

namespace CrmBridge.Tests.Outbox;

public sealed class OutboxPayloadSerializerTests
{
    private static readonly CrmRef SandboxCompany = new(CrmKind.AmoCrm, "127.0.0.1:5082", "42");

    public static TheoryData<object> Payloads() =>
    [
        new ReassignCompanyPayload(SandboxCompany, "8", "Срок закрепления истёк"),
        new CompanyCommentPayload(SandboxCompany, "Дубль карточки 7707083893"),
        new CompanyTaskPayload(SandboxCompany, "8", "Позвонить", new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(3))),
        new TelegramMessagePayload(100, "<b>Сводка</b>"),
        new TelegramMessagePayload(ChatAddress.Parse("@sales_heads"), "<b>Сводка</b>"),
    ];

    [Fact]
    public void A_message_queued_before_channel_names_existed_still_reads_its_numeric_chat()
    {
        var (type, _) = OutboxPayloadSerializer.Serialize(new TelegramMessagePayload(1, "x"));

        var back = Assert.IsType<TelegramMessagePayload>(OutboxPayloadSerializer.Deserialize(type, """{"ChatId":-1001234567890,"Html":"Сводка"}"""));

        Assert.Equal(-1001234567890L, back.ChatId.Id);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void A_payload_comes_back_as_the_same_record(object payload)
    {
        var (type, json) = OutboxPayloadSerializer.Serialize(payload);

        Assert.Equal(payload, OutboxPayloadSerializer.Deserialize(type, json));
    }

    [Fact]
    public void A_chart_keeps_the_picture_bytes_and_caption()
    {
        var payload = new TelegramPhotoPayload(-100123, [0x89, 0x50, 0x4E, 0x47], "Воронка");

        var (type, json) = OutboxPayloadSerializer.Serialize(payload);
        var back = Assert.IsType<TelegramPhotoPayload>(OutboxPayloadSerializer.Deserialize(type, json));

        Assert.Equal((payload.ChatId, payload.Caption), (back.ChatId, back.Caption));
        Assert.Equal(payload.Png, back.Png);
    }

    [Fact]
    public void A_stored_type_outside_the_app_is_refused_for_good()
    {
        var error = Assert.Throws<PermanentActionException>(() => OutboxPayloadSerializer.Deserialize("System.IO.FileInfo", "{}"));

        Assert.Equal("Unknown payload type 'System.IO.FileInfo'.", error.Message);
    }

    [Fact]
    public void A_broken_stored_payload_is_refused_for_good()
    {
        var (type, _) = OutboxPayloadSerializer.Serialize(new CompanyCommentPayload(SandboxCompany, "x"));

        var error = Assert.Throws<PermanentActionException>(() => OutboxPayloadSerializer.Deserialize(type, "{\"Company\": 5"));

        Assert.StartsWith("The stored CompanyCommentPayload payload cannot be read:", error.Message, StringComparison.Ordinal);
    }
}
