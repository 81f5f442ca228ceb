using CrmBridge.Core.Model;
using CrmBridge.Core.People;
using CrmBridge.Foundation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CrmBridge.People;

/// <summary>
/// Rules:OwnershipMode=Release has a pool user for each configured CRM (People:Pool, or the old Rules:PoolUserIds):
/// releasing a card means handing it to that user. A check of its own because `setup`, which proposes the pool, runs
/// without it.
/// </summary>
internal sealed class ReleasePoolValidator(IConfiguration configuration) : IValidateOptions<PeopleOptions>
{
    private const string S = PeopleOptions.Section;

    public ValidateOptionsResult Validate(string? name, PeopleOptions options)
    {
        if (!string.Equals(configuration["Rules:OwnershipMode"], "Release", StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new ConfigurationErrors();

        var pool = new PeopleConfiguration(configuration).Settings.Pool;
        if (pool.Count == 0)
        {
            errors.Add($"{S}:Pool", "Rules:OwnershipMode=Release needs the pool user of each CRM, e.g. People:Pool = [\"bitrix24:1\"] (setup proposes it)");
            return errors.ToResult();
        }

        // A pool named by e-mail is resolved from the CRM users at run time; a pool named by user covers its CRM only.
        if (pool.Any(UserName.IsEmail))
        {
            return ValidateOptionsResult.Success;
        }

        var covered = pool.Select(entry => UserName.TryParse(entry, out var user) ? user.Crm : (CrmKind?)null).OfType<CrmKind>().ToHashSet();
        foreach (var (crm, enabledKey) in new[] { (CrmKind.Bitrix24, "Bitrix24:WebhookUrl"), (CrmKind.AmoCrm, "AmoCrm:BaseUrl") })
        {
            if (!string.IsNullOrWhiteSpace(configuration[enabledKey]) && !covered.Contains(crm))
            {
                errors.Add($"{S}:Pool", $"Rules:OwnershipMode=Release needs a pool user for {CrmRef.CrmName(crm)} too, e.g. \"{CrmRef.CrmName(crm)}:1\"");
            }
        }

        return errors.ToResult();
    }
}
