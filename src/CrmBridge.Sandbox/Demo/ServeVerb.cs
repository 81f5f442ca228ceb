using System.CommandLine;
using System.Globalization;
using System.Text;
using CrmBridge.Hosting;
using CrmBridge.Hosting.Cli;
using CrmBridge.Sandbox.Portal;

namespace CrmBridge.Sandbox.Demo;

/// <summary>
/// `crmbridge-sandbox serve`: keeps the sandbox running and writes only its connection settings (URLs and tokens — no
/// people, fields or stages) as environment exports, so a new user can walk "Connect your portal" on it: `setup`,
/// `setup --write`, `once --dry-run --config`, then the worker, exactly as against a real portal.
/// </summary>
internal static class ServeVerb
{
    public const string DefaultEnvFile = "data/sandbox.env";

    public static Command Create(CliContext cli)
    {
        var size = PortalOptions.Size();
        var seed = PortalOptions.Seed();
        var envFile = new Option<string>("--env-file") { Description = $"where to write the connection settings as shell exports (default {DefaultEnvFile})", HelpName = "FILE", DefaultValueFactory = _ => DefaultEnvFile };
        var command = new Command("serve", "keep the sandbox running and write its connection settings, to try setup, once and the worker on it") { size, seed, envFile };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(size), parse.GetValue(seed), parse.GetValue(envFile)!, cli.Output, ready: null, ct));
        return command;
    }

    /// <param name="ready">Called once the sandbox answers and the settings are written (tests drive the product here).</param>
    public static async Task<int> RunAsync(int size, int seed, string envFile, TextWriter output, Func<SandboxServer, Task>? ready, CancellationToken cancellationToken)
    {
        var now = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"));
        var portal = SamplePortal.Generate(new SamplePortalSpec { Size = size, Seed = seed, Now = now });
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Portal = portal }, cancellationToken);

        // Chats that "wrote to the bot", so setup can list them as a real bot's would.
        sandbox.WriteToTelegramBot(DemoConfiguration.HeadChatId, "Руководитель продаж", "/start");
        foreach (var manager in portal.Facts.Users.Where(u => u.Role == PortalUserRole.Manager).Take(2))
        {
            sandbox.WriteToTelegramBot(DemoConfiguration.ManagerChatId(manager), manager.FirstName, "/start");
        }

        await WriteEnvFileAsync(envFile, ConnectionSettings(sandbox), cancellationToken);
        await output.WriteLineAsync($"Sandbox on {sandbox.BaseUri}: {portal.Facts.BitrixCompanies} companies in Bitrix24, {portal.Facts.AmoCompanies} in amoCRM (seed {seed}).");
        await output.WriteLineAsync($"Its connection settings (URLs and tokens only — no people, fields or stages) are in {envFile}. In another shell:");
        await output.WriteLineAsync($"  source {envFile}");
        await output.WriteLineAsync("  dotnet run --project src/CrmBridge -- setup");
        await output.WriteLineAsync("  dotnet run --project src/CrmBridge -- setup --write config/appsettings.Local.json");
        await output.WriteLineAsync("  dotnet run --project src/CrmBridge -- once --dry-run --report r.json --config config/appsettings.Local.json");
        await output.WriteLineAsync("Press Ctrl+C to stop; the sandbox forgets everything when it stops.");

        if (ready is not null)
        {
            await ready(sandbox);
            return ExitCodes.Ok;
        }

        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C is how a person stops it.
        }

        return ExitCodes.Ok;
    }

    /// <summary>The settings an admin would set for a real portal, pointed at the sandbox; nothing the setup proposes.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ConnectionSettings(SandboxServer sandbox)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        var options = sandbox.Options;
        return
        [
            new("Storage:Path", "data/sandbox-state.db"),
            new("Bitrix24:WebhookUrl", sandbox.Bitrix24WebhookUrl.AbsoluteUri),
            new("AmoCrm:BaseUrl", sandbox.AmoCrmBaseUrl.AbsoluteUri.TrimEnd('/')),
            new("AmoCrm:AccessToken", options.AmoAccessToken),
            new("Telegram:BotToken", options.TelegramBotToken),
            new("Telegram:ApiBaseUrl", sandbox.TelegramApiBaseUrl.AbsoluteUri),
            new("Enrichment:DaData:BaseUrl", sandbox.DaDataBaseUrl.AbsoluteUri),
            new("Enrichment:DaData:Token", options.DaDataToken),
            // The sandbox registry has no rate limit; a real one keeps the polite default.
            new("Enrichment:RequestsPerSecond", "200"),
        ];
    }

    private static async Task WriteEnvFileAsync(string path, IReadOnlyList<KeyValuePair<string, string>> settings, CancellationToken cancellationToken)
    {
        var text = new StringBuilder("# CrmBridge sandbox connection settings; `source` this file in the shell that runs crmbridge.\n");
        foreach (var (key, value) in settings)
        {
            text.Append(CultureInfo.InvariantCulture, $"export CRMBRIDGE_{key.Replace(":", "__", StringComparison.Ordinal)}='{value}'\n");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        // Tokens are the sandbox's own, but the file is still its owner's only, as a real one would be.
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var stream = new FileStream(path, options);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await writer.WriteAsync(text, cancellationToken);
    }
}
