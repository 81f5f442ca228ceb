using CrmBridge.Digest;
using CrmBridge.Notifications;

namespace CrmBridge.Tests.Digest;

public sealed class ShortMoneyTests
{
    // Hand-checked: one decimal below 100 units, none from 100 up, half away from zero, and a value that rounds to
    // 1 000 of a unit is written in the next unit.
    [Theory]
    [InlineData(25_600_000, "RUB", "25,6 млн ₽")] // 25.6 million
    [InlineData(830_000, "RUB", "830 тыс ₽")] // 830 thousand, ≥ 100 so no decimal
    [InlineData(20_000_000, "RUB", "20 млн ₽")] // the old "20,000,000": a trailing ",0" is dropped
    [InlineData(950_000, "RUB", "950 тыс ₽")] // below a million stays in thousands
    [InlineData(999_960, "RUB", "1 млн ₽")] // 999.96 thousand rounds to 1 000 thousand = 1 million
    [InlineData(1_500, "RUB", "1,5 тыс ₽")]
    [InlineData(999, "RUB", "999 ₽")]
    [InlineData(0, "RUB", "0 ₽")]
    [InlineData(123_456_789, "RUB", "123 млн ₽")] // 123.46 million, ≥ 100 so no decimal
    [InlineData(1_250_000_000, "RUB", "1,3 млрд ₽")] // 1.25 billion, half away from zero
    [InlineData(-2_340_000, "RUB", "-2,3 млн ₽")]
    [InlineData(12_000, "USD", "12 тыс $")]
    [InlineData(12_000, "EUR", "12 тыс €")]
    [InlineData(12_000, "KZT", "12 тыс KZT")] // no symbol known: the ISO code
    public void Russian_amounts_read_at_a_glance(double amount, string currency, string expected) =>
        Assert.Equal(expected, ShortMoney.Format((decimal)amount, currency, BotLanguage.Ru));

    [Theory]
    [InlineData(25_600_000, "25.6M ₽")]
    [InlineData(830_000, "830k ₽")]
    [InlineData(999, "999 ₽")]
    public void English_amounts_use_short_suffixes(double amount, string expected) =>
        Assert.Equal(expected, ShortMoney.Format((decimal)amount, "RUB", BotLanguage.En));
}
