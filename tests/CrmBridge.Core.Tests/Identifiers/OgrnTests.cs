using CrmBridge.Core.Identifiers;

namespace CrmBridge.Core.Tests.Identifiers;

public class OgrnTests
{
    [Theory]
    [InlineData("1027700132195", OgrnKind.Ogrn)]
    [InlineData("1027739642281", OgrnKind.Ogrn)]
    [InlineData("304500116000157", OgrnKind.Ogrnip)]
    public void Real_numbers_parse_with_their_kind(string text, OgrnKind kind)
    {
        var ogrn = Ogrn.Parse(text);

        Assert.Equal(text, ogrn.ToString());
        Assert.Equal(kind, ogrn.Kind);
        Assert.Equal(kind == OgrnKind.Ogrnip, ogrn.IsOgrnip);
    }

    [Theory]
    [InlineData("ОГРН 1027700132195", "1027700132195")]
    [InlineData("ОГРН: 1 027 700 132 195", "1027700132195")]
    [InlineData("ОГРНИП 304500116000157", "304500116000157")]
    [InlineData("ОГРНИП № 304-500-116-000-157", "304500116000157")]
    [InlineData("OGRN:1027739642281", "1027739642281")]
    public void Typed_forms_normalize_to_the_digits(string text, string digits)
    {
        Assert.Equal(digits, Ogrn.Parse(text).Value);
    }

    [Theory]
    [InlineData(" ", IdentifierErrorKind.Empty, "OGRN is empty")]
    [InlineData("102770013219", IdentifierErrorKind.WrongLength, "OGRN has 12 characters, expected 13 (OGRN) or 15 (OGRNIP)")]
    [InlineData("10277001321950", IdentifierErrorKind.WrongLength, "OGRN has 14 characters, expected 13 (OGRN) or 15 (OGRNIP)")]
    [InlineData("10277001321x5", IdentifierErrorKind.InvalidCharacter, "OGRN has a non-digit character 'x' at position 12")]
    [InlineData("1027700132194", IdentifierErrorKind.BadCheckDigit, "OGRN check digit at position 13 is 4, expected 5")]
    [InlineData("304500116000158", IdentifierErrorKind.BadCheckDigit, "OGRNIP check digit at position 15 is 8, expected 7")]
    [InlineData("0000000000000", IdentifierErrorKind.Placeholder, "OGRN is all zeros, a placeholder rather than a real number")]
    public void Broken_numbers_are_rejected_with_the_rule_they_break(string text, IdentifierErrorKind kind, string message)
    {
        var error = Ogrn.Validate(text);

        Assert.NotNull(error);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(message, error.Message);
        Assert.False(Ogrn.TryParse(text, out _));
        Assert.Equal(message, Assert.Throws<FormatException>(() => Ogrn.Parse(text)).Message);
    }

    [Fact]
    public void Numbers_typed_differently_are_equal()
    {
        Assert.Equal(Ogrn.Parse("ОГРН 1027700132195"), Ogrn.Parse("1027700132195"));
    }
}
