namespace CrmBridge.Core.Kpi;

/// <summary>
/// How deals in two currencies (a RUB portal and a USD pipeline, say) are summed. Default: kept apart, because a
/// rate nobody maintains silently distorts the plan. With <see cref="CurrencyMode.Convert"/> each configured rate
/// means "one unit of that currency is worth Rate units of the base currency"; a currency without a rate is kept
/// apart rather than dropped or guessed.
/// </summary>
public sealed record CurrencyPolicy
{
    public CurrencyMode Mode { get; init; } = CurrencyMode.KeepApart;

    public string BaseCurrency { get; init; } = "RUB";

    public IReadOnlyDictionary<string, decimal> Rates { get; init; } = new Dictionary<string, decimal>();

    public (string Currency, decimal Amount) Normalize(string? currency, decimal amount)
    {
        var code = string.IsNullOrWhiteSpace(currency) ? BaseCurrency : currency.Trim().ToUpperInvariant();
        if (Mode == CurrencyMode.Convert && code != BaseCurrency && Rates.TryGetValue(code, out var rate))
        {
            return (BaseCurrency, amount * rate);
        }

        return (code, amount);
    }
}
