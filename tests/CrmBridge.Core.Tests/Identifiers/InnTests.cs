using CrmBridge.Core.Identifiers;

namespace CrmBridge.Core.Tests.Identifiers;

public class InnTests
{
    [Theory]
    [InlineData("7707083893", InnKind.LegalEntity)]
    [InlineData("7736050003", InnKind.LegalEntity)]
    [InlineData("500100732259", InnKind.SoleTrader)]
    public void Real_numbers_parse_with_their_kind(string text, InnKind kind)
    {
        var inn = Inn.Parse(text);

        Assert.Equal(text, inn.ToString());
        Assert.Equal(kind, inn.Kind);
        Assert.Null(Inn.Validate(text));
    }

    [Theory]
    [InlineData(" 7707083893 ")]
    [InlineData("7707 083 893")]
    [InlineData("7707-083-893")]
    [InlineData("7707\u00A0083\u00A0893")]
    [InlineData("7707\u2013083\u2014893")]
    [InlineData("ИНН 7707083893")]
    [InlineData("ИНН: 7707083893")]
    [InlineData("инн№7707083893")]
    [InlineData("ИНН № 7707083893")]
    [InlineData("INN:7707083893")]
    public void Typed_forms_normalize_to_the_digits(string text)
    {
        Assert.Equal("7707083893", Inn.Parse(text).Value);
    }

    [Theory]
    [InlineData(null, IdentifierErrorKind.Empty, "INN is empty")]
    [InlineData("", IdentifierErrorKind.Empty, "INN is empty")]
    [InlineData("  - ", IdentifierErrorKind.Empty, "INN is empty")]
    [InlineData("ИНН:", IdentifierErrorKind.Empty, "INN is empty")]
    [InlineData("770708389", IdentifierErrorKind.WrongLength, "INN has 9 characters, expected 10 (legal entity) or 12 (sole trader)")]
    [InlineData("77070838931", IdentifierErrorKind.WrongLength, "INN has 11 characters, expected 10 (legal entity) or 12 (sole trader)")]
    [InlineData("77O7083893", IdentifierErrorKind.InvalidCharacter, "INN has a non-digit character 'O' at position 3")]
    [InlineData("7707083893/773601001", IdentifierErrorKind.InvalidCharacter, "INN has a non-digit character '/' at position 11")]
    [InlineData("7707083894", IdentifierErrorKind.BadCheckDigit, "INN check digit at position 10 is 4, expected 3")]
    [InlineData("500100732209", IdentifierErrorKind.BadCheckDigit, "INN check digit at position 11 is 0, expected 5")]
    [InlineData("500100732250", IdentifierErrorKind.BadCheckDigit, "INN check digit at position 12 is 0, expected 9")]
    [InlineData("0000000000", IdentifierErrorKind.Placeholder, "INN is all zeros, a placeholder rather than a real number")]
    public void Broken_numbers_are_rejected_with_the_rule_they_break(string? text, IdentifierErrorKind kind, string message)
    {
        var error = Inn.Validate(text);

        Assert.NotNull(error);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(message, error.Message);
        Assert.False(Inn.TryParse(text, out var parsed));
        Assert.Null(parsed);
        Assert.Equal(message, Assert.Throws<FormatException>(() => Inn.Parse(text)).Message);
    }

    [Fact]
    public void Bad_check_digit_names_its_position()
    {
        Assert.Equal(10, Inn.Validate("7707083894")!.Position);
    }

    [Fact]
    public void Numbers_typed_differently_are_equal()
    {
        Assert.Equal(Inn.Parse("ИНН 7707-083-893"), Inn.Parse("7707083893"));
        Assert.NotEqual(Inn.Parse("7707083893"), Inn.Parse("7736050003"));
    }

    [Fact]
    public void TryParse_returns_the_value_for_a_valid_number()
    {
        Assert.True(Inn.TryParse("500100732259", out var inn));
        Assert.Equal(InnKind.SoleTrader, inn.Kind);
    }
}
