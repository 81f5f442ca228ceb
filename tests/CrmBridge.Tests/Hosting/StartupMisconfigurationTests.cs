using CrmBridge.Hosting.Cli;

namespace CrmBridge.Tests.Hosting;

/// <summary>A setting that makes a whole class of actions impossible stops start-up once (exit 2, a line naming the key).</summary>
public sealed class StartupMisconfigurationTests
{
    private static readonly string[] AmoOn = ["--AmoCrm:BaseUrl=https://firm.amocrm.ru", "--AmoCrm:AccessToken=long-lived-token-value"];

    [Fact]
    public async Task Write_back_on_with_no_amoCRM_field_to_write_into_exits_2_naming_the_keys()
    {
        var (code, error) = await StatusAsync([.. AmoOn, "--Enrichment:WriteBackEmptyFields=true", "--AmoCrm:KppFieldId=900104"]);

        Assert.Equal(2, code);
        var line = Assert.Single(Lines(error));
        Assert.StartsWith("crmbridge: configuration error: AmoCrm:OgrnFieldId: Enrichment:WriteBackEmptyFields is on", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("long-lived-token-value", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_back_with_both_amoCRM_fields_named_starts()
    {
        var (code, error) = await StatusAsync([.. AmoOn, "--Enrichment:WriteBackEmptyFields=true", "--AmoCrm:KppFieldId=900104", "--AmoCrm:OgrnFieldCode=OGRN"]);

        Assert.NotEqual(2, code);
        Assert.DoesNotContain("configuration error", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Telegram:HeadChatIds=100200,100300", "Telegram:HeadChatIds: '100200,100300' is one value, not a list")]
    [InlineData("--Telegram:AllowedChatIds:0=sales-team", "Telegram:AllowedChatIds:0: ")]
    [InlineData("--Telegram:AllowedChatIds:0=@sales_heads", "Telegram:AllowedChatIds:0: '@sales_heads' is a channel name")]
    [InlineData("--Telegram:ManagerChats:bitrix24.7=anna", "Telegram:ManagerChats:bitrix24.7: 'anna' is neither a numeric chat id nor an @channel name")]
    [InlineData("--Telegram:HeadChatIds:0=sales heads", "Telegram:HeadChatIds:0: 'sales heads' is neither a numeric chat id nor an @channel name")]
    [InlineData("--Telegram:HeadChatIds:0=12ab", "Telegram:HeadChatIds:0: '12ab' is neither a numeric chat id nor an @channel name")]
    [InlineData("--Telegram:HeadChatIds:0=@ab", "Telegram:HeadChatIds:0: '@ab' is neither a numeric chat id nor an @channel name")]
    [InlineData("--People:Managers:bitrix24_7:ChatId=12ab", "People:Managers:bitrix24_7:ChatId: ")]
    public async Task A_chat_that_is_neither_a_number_nor_an_at_channel_name_exits_2_naming_the_key(string setting, string expected)
    {
        var (code, error) = await StatusAsync([setting]);

        Assert.Equal(2, code);
        Assert.Contains(Lines(error), line => line.StartsWith("crmbridge: configuration error: " + expected, StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static async Task<(int Code, string Error)> StatusAsync(string[] settings)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(["status", "--quiet", "--Storage:Path=:memory:", .. settings], output, error, CancellationToken.None);
        return (code, error.ToString());
    }
}
