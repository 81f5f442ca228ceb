using CrmBridge.Core.Model;

namespace CrmBridge.Telegram;

/// <summary>What /inn shows: INN validation, the cards holding it, and the registry profile (bound to dedupe/enrichment by the host).</summary>
internal interface IInnLookup
{
    Task<InnLookupResult> LookupAsync(string inn, CancellationToken cancellationToken);
}
