using CrmBridge.Notifications;

namespace CrmBridge.Tests.Telegram;

public class TelegramOptionsValidatorTests
{
    private static List<string> Errors(TelegramOptions options) =>
        new TelegramOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Defaults_and_a_well_formed_token_are_valid()
    {
        Assert.Empty(Errors(new TelegramOptions()));
        Assert.Empty(Errors(new TelegramOptions { BotToken = "123456:AAH-secret_part", HeadChatIds = [1] }));
    }

    [Fact]
    public void A_malformed_token_is_named_by_key_and_never_echoed()
    {
        var errors = Errors(new TelegramOptions { BotToken = "not-a-token-SECRETVALUE" });

        var error = Assert.Single(errors);
        Assert.StartsWith("Telegram:BotToken:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETVALUE", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ApiBaseUrl", "Telegram:ApiBaseUrl:")]
    [InlineData("Language", "Telegram:Language:")]
    [InlineData("ManagerChats", "Telegram:ManagerChats:crm.7:")]
    [InlineData("PollingTimeout", "Telegram:PollingTimeout:")]
    public void Each_bad_setting_gets_a_one_line_message_naming_its_key(string setting, string expectedPrefix)
    {
        var options = new TelegramOptions();
        switch (setting)
        {
            case "ApiBaseUrl": options.ApiBaseUrl = "api.telegram.org"; break;
            case "Language": options.Language = "de"; break;
            case "ManagerChats": options.ManagerChats["crm.7"] = 5; break;
            default: options.PollingTimeout = TimeSpan.FromHours(1); break;
        }

        var error = Assert.Single(Errors(options));
        Assert.StartsWith(expectedPrefix, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
    }
}
