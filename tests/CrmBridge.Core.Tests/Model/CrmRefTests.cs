using CrmBridge.Core.Model;

namespace CrmBridge.Core.Tests.Model;

public sealed class CrmRefTests
{
    [Theory]
    [InlineData(CrmKind.Bitrix24, "portal.bitrix24.ru", "2919")]
    [InlineData(CrmKind.AmoCrm, "sales.amocrm.ru", "20000006")]
    [InlineData(CrmKind.Bitrix24, "127.0.0.1:5081", "14")]
    public void A_key_parses_back_to_the_same_reference_even_with_a_port_in_the_account(CrmKind crm, string account, string id)
    {
        var reference = new CrmRef(crm, account, id);

        Assert.Equal(reference, CrmRef.ParseKey(reference.Key));
    }

    [Theory]
    [InlineData("bitrix24:portal")]
    [InlineData("salesforce:portal:1")]
    [InlineData("bitrix24::1")]
    [InlineData("bitrix24:portal:")]
    public void A_malformed_key_is_refused_with_a_clear_error(string key)
    {
        Assert.Throws<FormatException>(() => CrmRef.ParseKey(key));
    }
}
