namespace CrmBridge.Core.Kpi;

/// <summary>
/// Amounts per ISO currency. Deals in different currencies are never added into one number unless the
/// <see cref="CurrencyPolicy"/> converted them first: a bag with RUB and USD shows both.
/// </summary>
public sealed record MoneyBag
{
    private readonly SortedDictionary<string, decimal> amounts;

    private MoneyBag(SortedDictionary<string, decimal> amounts) => this.amounts = amounts;

    public static MoneyBag Empty { get; } = new(new SortedDictionary<string, decimal>(StringComparer.Ordinal));

    public IReadOnlyDictionary<string, decimal> Amounts => amounts;

    public bool IsEmpty => amounts.Count == 0;

    /// <summary>The amount in one currency, zero when the bag has none of it.</summary>
    public decimal this[string currency] => amounts.GetValueOrDefault(currency);

    public static MoneyBag Of(string currency, decimal amount) => Empty.Add(currency, amount);

    public static MoneyBag Sum(IEnumerable<(string Currency, decimal Amount)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var sums = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (currency, amount) in items)
        {
            sums[currency] = sums.GetValueOrDefault(currency) + amount;
        }

        return new MoneyBag(sums);
    }

    public MoneyBag Add(string currency, decimal amount) =>
        Sum(amounts.Select(pair => (pair.Key, pair.Value)).Append((currency, amount)));

    /// <summary>Each currency divided by the same count (an average check); empty for a zero count.</summary>
    public MoneyBag DivideBy(int count) =>
        count == 0 ? Empty : Sum(amounts.Select(pair => (pair.Key, pair.Value / count)));

    public bool Equals(MoneyBag? other) =>
        other is not null && amounts.Count == other.amounts.Count
        && amounts.All(pair => other.amounts.TryGetValue(pair.Key, out var value) && value == pair.Value);

    public override int GetHashCode() => amounts.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value));

    public override string ToString() => IsEmpty ? "0" : string.Join(" + ", amounts.Select(pair => $"{pair.Value:0.##} {pair.Key}"));
}
