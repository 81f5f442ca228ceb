using CrmBridge.Notifications;
using CrmBridge.Telegram;
using CrmBridge.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmBridge.Tests.Telegram;

/// <summary>The real AddTelegram graph with only configuration (token, WireMock base URL, chats) and the clock overridden.</summary>
internal static class TelegramTestServices
{
    public static ServiceProvider Build(FakeTelegramApi api, LogCapture logs, TimeProvider time, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? more = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeTelegramApi.Token,
            ["Telegram:ApiBaseUrl"] = api.BaseUrl,
            ["Telegram:HeadChatIds:0"] = "555001",
            ["Telegram:ManagerChats:bitrix24.7"] = "555007",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton(time);
        services.AddNotifications(configuration);
        services.AddTelegram(configuration, worker: false);
        more?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false });
    }
}
