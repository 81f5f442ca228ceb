using CrmBridge.Bitrix24;
using CrmBridge.Crm;
using CrmBridge.Foundation;
using CrmBridge.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmBridge.Tests.Bitrix24;

public sealed class Bitrix24OptionsValidatorTests
{
    private const string Secret = "h1dd3nv4lu3";

    [Theory]
    [InlineData("https://portal.bitrix24.ru/" + Secret + "/")]
    [InlineData("https://portal.bitrix24.ru/rest/abc/" + Secret + "/")]
    [InlineData("ftp://portal.bitrix24.ru/rest/1/" + Secret + "/")]
    public void A_malformed_webhook_names_the_key_and_never_echoes_the_value(string url)
    {
        var result = new Bitrix24OptionsValidator().Validate(null, new Bitrix24Options { WebhookUrl = url });

        var message = Assert.Single(result.Failures!);
        Assert.StartsWith("Bitrix24:WebhookUrl:", message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_webhook_of_the_documented_shape_passes_and_an_empty_one_turns_bitrix24_off()
    {
        var validator = new Bitrix24OptionsValidator();

        Assert.True(validator.Validate(null, new Bitrix24Options { WebhookUrl = "https://portal.bitrix24.ru/rest/1/" + Secret + "/" }).Succeeded);
        Assert.True(validator.Validate(null, new Bitrix24Options { WebhookUrl = "" }).Succeeded);
    }

    [Fact]
    public void A_negative_retry_budget_names_its_key()
    {
        var result = new Bitrix24OptionsValidator().Validate(null, new Bitrix24Options { WebhookUrl = "https://portal.bitrix24.ru/rest/1/" + Secret + "/", RetryBudgetPerTick = -1 });

        Assert.Equal("Bitrix24:RetryBudgetPerTick: must be 0 (no retries) or more", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Postponement_fields_must_be_two_different_user_fields()
    {
        var validator = new Bitrix24OptionsValidator();
        Bitrix24Options With(string? until, string? reason) =>
            new() { WebhookUrl = "https://p.bitrix24.ru/rest/1/x1/", PostponedUntilField = until, PostponeReasonField = reason };

        Assert.True(validator.Validate(null, With("UF_CRM_POSTPONED_UNTIL", "UF_CRM_POSTPONE_REASON")).Succeeded);
        Assert.True(validator.Validate(null, With("", null)).Succeeded);
        Assert.Equal(
            ["Bitrix24:PostponedUntilField: must name a user field (UF_CRM_...)", "Bitrix24:PostponeReasonField: must name a user field (UF_CRM_...)"],
            validator.Validate(null, With("POSTPONED_UNTIL", "COMMENTS")).Failures!);
        Assert.StartsWith("Bitrix24:PostponeReasonField: must differ", Assert.Single(validator.Validate(null, With("UF_CRM_X", "UF_CRM_X")).Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_numbers_are_reported_one_line_per_key()
    {
        var options = new Bitrix24Options { WebhookUrl = "https://p.bitrix24.ru/rest/1/x1/", RequestsPerSecond = 0, Burst = 0, BatchSize = 51, SyncOverlap = TimeSpan.FromDays(-1) };

        var failures = new Bitrix24OptionsValidator().Validate(null, options).Failures!;

        Assert.Equal(["Bitrix24:RequestsPerSecond", "Bitrix24:Burst", "Bitrix24:SyncOverlap", "Bitrix24:BatchSize"], failures.Select(f => f[..f.IndexOf(": ", StringComparison.Ordinal)]));
    }

    [Fact]
    public void The_connector_is_registered_only_when_a_webhook_is_configured_and_the_plan_sets_the_bucket()
    {
        ServiceProvider Build(string? url, string plan)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Bitrix24:WebhookUrl"] = url,
                ["Bitrix24:Plan"] = plan,
                ["Bitrix24:SyncOverlap"] = "00:00:30",
            }).Build();
            var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
            services.AddSingleton<ICrmStore>(CrmStore.OpenInMemory());
            services.AddSingleton(new PortalTimeZone(TimeZoneInfo.Utc));
            return services.AddBitrix24(configuration).BuildServiceProvider();
        }

        using var off = Build("", "Standard");
        using var on = Build("https://portal.bitrix24.ru/rest/1/" + Secret + "/", "Enterprise");

        Assert.Empty(off.GetServices<ICrmConnector>());
        Assert.Equal("portal.bitrix24.ru", Assert.Single(on.GetServices<ICrmConnector>()).Account);
        var options = on.GetRequiredService<IOptions<Bitrix24Options>>().Value;
        Assert.Equal((5d, 250, TimeSpan.FromSeconds(30)), (options.EffectiveRequestsPerSecond, options.EffectiveBurst, options.SyncOverlap));
    }
}
