using CrmBridge.Core.Dedupe;

namespace CrmBridge.Core.Tests.Dedupe;

public class NormalizerTests
{
    [Theory]
    [InlineData("ООО «Ромашка»", "ромашка")]
    [InlineData("Ромашка, ООО", "ромашка")]
    [InlineData("OOO \"Romashka\"", "romashka")]
    [InlineData("  ооо   'РОМАШКА'  ", "ромашка")]
    [InlineData("Общество с ограниченной ответственностью \"Ромашка\"", "ромашка")]
    [InlineData("АО «Фёдоров и партнёры»", "федоров и партнеры")]
    [InlineData("ИП Иванов И.И.", "иванов и и")]
    [InlineData("ПАО \"Звезда-Север\"", "звезда север")]
    public void Names_differing_in_form_quotes_case_and_yo_normalize_alike(string title, string expected)
    {
        Assert.Equal(expected, NameNormalizer.Normalize(title));
    }

    [Theory]
    [InlineData("ООО")]
    [InlineData("«»")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_title_with_nothing_but_a_legal_form_has_no_key(string? title)
    {
        Assert.Null(NameNormalizer.Normalize(title));
    }

    [Fact]
    public void Different_words_stay_different()
    {
        Assert.NotEqual(NameNormalizer.Normalize("Ромашка"), NameNormalizer.Normalize("Ромашка Плюс"));
        Assert.NotEqual(NameNormalizer.Normalize("Ромашка"), NameNormalizer.Normalize("Ромашко"));
    }

    [Theory]
    [InlineData("8 (495) 123-45-67", "+74951234567")]
    [InlineData("+7 495 123 45 67", "+74951234567")]
    [InlineData("74951234567", "+74951234567")]
    [InlineData("495-123-45-67", "+74951234567")]
    [InlineData("8-495-123-45-67 доб. 123", "+74951234567")]
    [InlineData("+375 29 123-45-67", "+375291234567")]
    public void Phones_written_many_ways_normalize_to_plus_seven(string phone, string expected)
    {
        Assert.Equal(expected, PhoneNormalizer.Normalize(phone));
    }

    [Theory]
    [InlineData("123-45")]
    [InlineData("нет")]
    [InlineData("")]
    [InlineData("9 495 123 45 67")]
    public void Phones_that_are_not_numbers_have_no_key(string phone)
    {
        Assert.Null(PhoneNormalizer.Normalize(phone));
    }

    [Theory]
    [InlineData("Sales@Romashka.RU", "romashka.ru")]
    [InlineData("info@romashka-trade.com", "romashka-trade.com")]
    public void Company_mail_domains_are_keys(string email, string expected)
    {
        Assert.Equal(expected, EmailDomain.CompanyDomain(email));
    }

    [Theory]
    [InlineData("ivan@mail.ru")]
    [InlineData("ivan@GMAIL.com")]
    [InlineData("ivan@yandex.ru")]
    [InlineData("ivan@ya.ru")]
    [InlineData("ivan@bk.ru")]
    [InlineData("not an address")]
    [InlineData("ivan@localhost")]
    public void Free_mail_and_broken_addresses_are_not_keys(string email)
    {
        Assert.Null(EmailDomain.CompanyDomain(email));
    }
}
