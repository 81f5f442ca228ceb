using CrmBridge.Core.Identifiers;

namespace CrmBridge.Core.Tests.Identifiers;

public class KppTests
{
    [Theory]
    [InlineData("773601001", "773601001")]
    [InlineData("КПП 773601001", "773601001")]
    [InlineData("КПП: 7736 01 001", "773601001")]
    [InlineData("KPP:773601001", "773601001")]
    [InlineData("7736AB001", "7736AB001")]
    [InlineData("77360Z001", "77360Z001")]
    public void Valid_codes_normalize_to_the_bare_code(string text, string code)
    {
        Assert.Equal(code, Kpp.Parse(text).ToString());
        Assert.Null(Kpp.Validate(text));
    }

    [Theory]
    [InlineData(null, IdentifierErrorKind.Empty, "KPP is empty")]
    [InlineData("77360100", IdentifierErrorKind.WrongLength, "KPP has 8 characters, expected 9")]
    [InlineData("7736010011", IdentifierErrorKind.WrongLength, "KPP has 10 characters, expected 9")]
    [InlineData("7736ab001", IdentifierErrorKind.InvalidCharacter, "KPP has character 'a' at position 5, expected a digit or an uppercase Latin letter")]
    [InlineData("7736ЖЖ001", IdentifierErrorKind.InvalidCharacter, "KPP has character 'Ж' at position 5, expected a digit or an uppercase Latin letter")]
    [InlineData("77A601001", IdentifierErrorKind.InvalidCharacter, "KPP has a non-digit character 'A' at position 3")]
    [InlineData("77360100Z", IdentifierErrorKind.InvalidCharacter, "KPP has a non-digit character 'Z' at position 9")]
    [InlineData("000000000", IdentifierErrorKind.Placeholder, "KPP is all zeros, a placeholder rather than a real number")]
    public void Broken_codes_are_rejected_with_the_rule_they_break(string? text, IdentifierErrorKind kind, string message)
    {
        var error = Kpp.Validate(text);

        Assert.NotNull(error);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(message, error.Message);
        Assert.False(Kpp.TryParse(text, out _));
        Assert.Equal(message, Assert.Throws<FormatException>(() => Kpp.Parse(text)).Message);
    }

    [Fact]
    public void Codes_typed_differently_are_equal()
    {
        Assert.Equal(Kpp.Parse("КПП 773601001"), Kpp.Parse("773601001"));
    }
}
