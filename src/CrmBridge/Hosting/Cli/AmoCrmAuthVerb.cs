using CrmBridge.AmoCrm.Auth;
using CrmBridge.Foundation;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBridge.Hosting.Cli;

/// <summary>`crmbridge amocrm-auth --code CODE`: exchanges an authorization code for the OAuth token pair and stores it.</summary>
internal static class AmoCrmAuthVerb
{
    public static async Task<int> RunAsync(VerbArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        var code = args.Value("--code") ?? args.Positional.FirstOrDefault();
        if (string.IsNullOrWhiteSpace(code))
        {
            await output.WriteLineAsync("Usage: crmbridge amocrm-auth --code CODE (copy the code from the integration's settings in amoCRM)");
            return ExitCodes.Usage;
        }

        using var host = CrmBridgeHost.Build(args.ConfigurationArgs);
        var tokens = host.Services.GetService<AmoTokenManager>();
        if (tokens is null)
        {
            throw new ConfigurationException("AmoCrm:BaseUrl: is empty; set it (and AmoCrm:ClientId, AmoCrm:ClientSecret, AmoCrm:RedirectUri) to use OAuth");
        }

        await tokens.ExchangeCodeAsync(code, cancellationToken);
        await output.WriteLineAsync("amoCRM tokens stored. The worker will refresh them on its own from now on.");
        return ExitCodes.Ok;
    }
}
