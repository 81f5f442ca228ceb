using CrmBridge.AmoCrm;
using CrmBridge.Crm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmBridge.Tests.AmoCrm;

public sealed class AmoCrmOptionsValidatorTests
{
    private readonly AmoCrmOptionsValidator _validator = new();

    [Fact]
    public void A_long_lived_token_on_an_https_account_is_valid()
    {
        var result = _validator.Validate(null, new AmoCrmOptions { BaseUrl = "https://example.amocrm.ru", AccessToken = AmoFixture.LongLivedToken });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Postponement_fields_are_chosen_by_id_or_by_code_and_must_differ()
    {
        AmoCrmOptions With(Action<AmoCrmOptions> set)
        {
            var options = new AmoCrmOptions { BaseUrl = "https://example.amocrm.ru", AccessToken = AmoFixture.LongLivedToken };
            set(options);
            return options;
        }

        string Keys(AmoCrmOptions options) =>
            string.Join(" ", _validator.Validate(null, options).Failures?.Select(f => f[..f.IndexOf(": ", StringComparison.Ordinal)]) ?? []);

        Assert.Equal("", Keys(With(o => (o.PostponedUntilFieldId, o.PostponeReasonFieldCode) = (900105, "POSTPONE_REASON"))));
        Assert.Equal("AmoCrm:PostponedUntilFieldCode", Keys(With(o => (o.PostponedUntilFieldId, o.PostponedUntilFieldCode) = (900105, "POSTPONED_UNTIL"))));
        Assert.Equal("AmoCrm:PostponeReasonFieldId", Keys(With(o => o.PostponeReasonFieldId = 0)));
        Assert.Equal("AmoCrm:PostponeReasonFieldId", Keys(With(o => (o.PostponedUntilFieldId, o.PostponeReasonFieldId) = (900105, 900105))));
    }

    [Fact]
    public void Plain_http_outside_loopback_is_refused_by_key()
    {
        var result = _validator.Validate(null, new AmoCrmOptions { BaseUrl = "http://example.amocrm.ru", AccessToken = AmoFixture.LongLivedToken });

        Assert.Contains(result.Failures!, f => f.StartsWith("AmoCrm:BaseUrl:", StringComparison.Ordinal));
    }

    [Fact]
    public void Both_modes_at_once_are_refused_without_echoing_a_secret()
    {
        var result = _validator.Validate(null, new AmoCrmOptions
        {
            BaseUrl = "https://example.amocrm.ru",
            AccessToken = AmoFixture.LongLivedToken,
            ClientId = "id",
            ClientSecret = AmoFixture.ClientSecret,
        });

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("AmoCrm:AccessToken:", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(AmoFixture.ClientSecret, failure, StringComparison.Ordinal);
        Assert.DoesNotContain(AmoFixture.LongLivedToken, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void OAuth_without_a_secret_and_redirect_names_each_missing_key()
    {
        var result = _validator.Validate(null, new AmoCrmOptions { BaseUrl = "https://example.amocrm.ru", ClientId = "id" });

        Assert.Equal(["AmoCrm:ClientSecret", "AmoCrm:RedirectUri"], result.Failures!.Select(f => f[..f.IndexOf(": ", StringComparison.Ordinal)]));
    }

    [Fact]
    public void Without_a_base_url_amoCRM_is_off_and_no_connector_is_registered()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AmoCrm:BaseUrl"] = "" }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddAmoCrm(configuration).BuildServiceProvider();

        Assert.Empty(services.GetServices<ICrmConnector>());
        Assert.False(services.GetRequiredService<IOptions<AmoCrmOptions>>().Value.Enabled);
    }

    [Fact]
    public void With_a_base_url_the_connector_is_registered_and_bad_settings_fail_at_start()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AmoCrm:BaseUrl"] = "https://example.amocrm.ru",
            ["AmoCrm:RequestsPerSecond"] = "0",
            ["AmoCrm:AccessToken"] = AmoFixture.LongLivedToken,
        }).Build();
        using var store = new ObservedCrmStore(TimeProvider.System);
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging()
            .AddSingleton<CrmBridge.Storage.ICrmStore>(store).AddSingleton(new CrmBridge.Foundation.PortalTimeZone(TimeZoneInfo.Utc))
            .AddAmoCrm(configuration).BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<ICrmConnector>());

        Assert.Contains("AmoCrm:RequestsPerSecond:", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AmoFixture.LongLivedToken, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_retry_budget_names_its_key()
    {
        var result = _validator.Validate(null, new AmoCrmOptions { BaseUrl = "https://example.amocrm.ru", AccessToken = AmoFixture.LongLivedToken, RetryBudgetPerTick = -1 });

        Assert.Equal("AmoCrm:RetryBudgetPerTick: must be 0 (no retries) or more.", Assert.Single(result.Failures!));
    }
}
