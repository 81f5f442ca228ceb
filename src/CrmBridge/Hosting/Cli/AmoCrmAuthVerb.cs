using System.CommandLine;
using CrmBridge.AmoCrm.Auth;
using CrmBridge.Foundation;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBridge.Hosting.Cli;

/// <summary>`crmbridge amocrm-auth --code CODE`: exchanges an authorization code for the OAuth token pair and stores it.</summary>
internal static class AmoCrmAuthVerb
{
    public static Command Create(CliContext cli)
    {
        var code = new Option<string>("--code")
        {
            Description = "the authorization code from the integration's settings in amoCRM (valid 20 minutes)",
            HelpName = "CODE",
            Required = true,
        };
        var command = new Command("amocrm-auth", "exchange an amoCRM authorization code for tokens (OAuth mode)") { code };
        command.SetAction((parse, ct) => RunAsync(cli, parse, parse.GetRequiredValue(code), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ParseResult parse, string code, CancellationToken cancellationToken)
    {
        using var host = CrmBridgeHost.Build(cli.Host(parse));
        var tokens = host.Services.GetService<AmoTokenManager>()
            ?? throw new ConfigurationException("AmoCrm:BaseUrl: is empty; set it (and AmoCrm:ClientId, AmoCrm:ClientSecret, AmoCrm:RedirectUri) to use OAuth");
        await tokens.ExchangeCodeAsync(code, cancellationToken);
        await cli.Output.WriteLineAsync("amoCRM tokens stored. The worker will refresh them on its own from now on.");
        return ExitCodes.Ok;
    }
}
