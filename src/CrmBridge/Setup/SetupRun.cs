using CrmBridge.AmoCrm;
using CrmBridge.Bitrix24;
using CrmBridge.Bitrix24.Transport;
using CrmBridge.Core.Model;
using CrmBridge.Crm;
using CrmBridge.Kpi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Refit;

namespace CrmBridge.Setup;

/// <summary>
/// Surveys every configured CRM and the bot side by side; a CRM that fails becomes one line in the report and the
/// others are still reported. Nothing is written to any CRM and nothing is stored.
/// </summary>
internal sealed class SetupRun(IServiceProvider services, IOptions<KpiOptions> kpi, IOptions<Bitrix24Options> bitrix24, IOptions<AmoCrmOptions> amoCrm)
{
    public async Task<SetupProposal> RunAsync(CancellationToken cancellationToken)
    {
        var surveys = new List<Task<CrmSurvey>>();
        if (bitrix24.Value.Enabled)
        {
            var host = services.GetRequiredService<Bitrix24Webhook>().Host;
            surveys.Add(Guard(CrmKind.Bitrix24, host, ct => services.GetRequiredService<Bitrix24SetupReader>().ReadAsync(ct), cancellationToken));
        }

        if (amoCrm.Value.Enabled)
        {
            surveys.Add(Guard(CrmKind.AmoCrm, amoCrm.Value.Account, ct => services.GetRequiredService<AmoCrmSetupReader>().ReadAsync(ct), cancellationToken));
        }

        var telegram = services.GetRequiredService<TelegramSetupReader>().ReadAsync(cancellationToken);
        var read = await Task.WhenAll(surveys);
        return SetupProposal.From(read, await telegram, kpi.Value.TopZonePercent);
    }

    /// <summary>A CRM's failure as one line naming the CRM and what it said; the token or webhook never appear.</summary>
    public static async Task<CrmSurvey> Guard(CrmKind crm, string account, Func<CancellationToken, Task<CrmSurvey>> read, CancellationToken cancellationToken)
    {
        var name = crm == CrmKind.Bitrix24 ? $"Bitrix24 portal {account}" : $"amoCRM {account}";
        try
        {
            return await read(cancellationToken);
        }
        catch (Exception exception) when (exception is Bitrix24Exception or CrmStopException)
        {
            return CrmSurvey.Failed(crm, account, exception.Message.StartsWith(name, StringComparison.Ordinal) ? exception.Message : $"{name}: {exception.Message}");
        }
        catch (ApiException exception)
        {
            var problem = AmoCrm.Api.AmoProblem.TryParse(exception.Content)?.Describe();
            return CrmSurvey.Failed(crm, account, $"{name} answered {(int)exception.StatusCode} {exception.StatusCode}" + (string.IsNullOrEmpty(problem) ? "" : $": {problem}"));
        }
        catch (Exception exception) when (exception is HttpRequestException or ApiRequestException or TimeoutException or System.Text.Json.JsonException
            or OperationCanceledException { CancellationToken.IsCancellationRequested: false } && !cancellationToken.IsCancellationRequested)
        {
            return CrmSurvey.Failed(crm, account, $"{name} could not be read: {exception.GetBaseException().Message}");
        }
    }
}
