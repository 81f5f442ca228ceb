using CrmBridge.Core.Model;
using CrmBridge.Outbox;
using CrmBridge.Storage;
using CrmBridge.Sync;

namespace CrmBridge.Tests.Sync;

public sealed class CrmActionExecutorTests
{
    private readonly RecordingConnector bitrix = new(CrmKind.Bitrix24, "portal.bitrix24.ru");
    private readonly RecordingConnector amo = new(CrmKind.AmoCrm, "firm.amocrm.ru");

    [Fact]
    public async Task A_stored_fill_action_reaches_the_connector_of_the_cards_account_with_its_fields_and_inn()
    {
        var executor = new CrmActionExecutor([bitrix, amo]);
        var planned = new CompanyFieldsPayload(
            new CrmRef(CrmKind.AmoCrm, "FIRM.amocrm.ru", "2002"),
            new SortedDictionary<string, string>(StringComparer.Ordinal) { ["KPP"] = "770401001", ["OGRN"] = "1027700229193" },
            "dadata")
        { Inn = "7736207543" };
        var (type, json) = OutboxPayloadSerializer.Serialize(planned);

        Assert.True(executor.CanExecute(ActionKinds.CrmFillEmptyFields));
        await executor.ExecuteAsync(new ActionAttempt(ActionKinds.CrmFillEmptyFields, "fill|2002", OutboxPayloadSerializer.Deserialize(type, json), MayHaveRun: false), CancellationToken.None);

        Assert.Empty(bitrix.Fills);
        var fill = Assert.Single(amo.Fills);
        Assert.Equal("2002", fill.Company.Id);
        Assert.Equal([("KPP", "770401001"), ("OGRN", "1027700229193")], fill.Fields.OrderBy(f => f.Key).Select(f => (f.Key, f.Value)));
        Assert.Equal("7736207543", fill.Inn);
    }

    [Fact]
    public async Task A_fill_for_an_account_that_is_not_configured_fails_for_good()
    {
        var executor = new CrmActionExecutor([bitrix]);
        var payload = new CompanyFieldsPayload(new CrmRef(CrmKind.AmoCrm, "firm.amocrm.ru", "2002"), new Dictionary<string, string> { ["KPP"] = "770401001" }, "dadata");

        var error = await Assert.ThrowsAsync<PermanentActionException>(() => executor.ExecuteAsync(new ActionAttempt(ActionKinds.CrmFillEmptyFields, "fill|2002", payload, MayHaveRun: false), CancellationToken.None));

        Assert.Contains("firm.amocrm.ru", error.Message, StringComparison.Ordinal);
        Assert.Empty(bitrix.Fills);
    }
}
