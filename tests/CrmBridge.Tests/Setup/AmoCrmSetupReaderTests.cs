using System.Net;
using CrmBridge.Core.Model;
using CrmBridge.Setup;
using CrmBridge.Tests.AmoCrm;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;

namespace CrmBridge.Tests.Setup;

/// <summary>The amoCRM side of setup against WireMock serving amoCRM's shapes: what it reads, proposes and never writes.</summary>
public sealed class AmoCrmSetupReaderTests
{
    [Fact]
    public async Task The_inn_field_is_found_by_content_owners_and_recent_calls_are_counted_and_nothing_is_written()
    {
        using var amo = AmoCrmHarness.LongLived().WithEmptyLists();
        amo.Server.Given(Request.Create().WithPath("/api/v4/users").UsingGet()).RespondWith(AmoCrmHarness.Json("users.json"));
        amo.Server.Given(Request.Create().WithPath("/api/v4/companies/custom_fields").UsingGet()).RespondWith(AmoCrmHarness.Json("companies.custom_fields.json"));
        amo.Server.Given(Request.Create().WithPath("/api/v4/contacts/custom_fields").UsingGet()).RespondWith(AmoCrmHarness.Json("contacts.custom_fields.json"));
        amo.Server.Given(Request.Create().WithPath("/api/v4/companies").UsingGet()).RespondWith(AmoCrmHarness.Json("companies.setup.json"));
        amo.Server.Given(Request.Create().WithPath("/api/v4/companies/notes").UsingGet()).RespondWith(AmoCrmHarness.Json("notes.setup.json"));
        amo.Server.Given(Request.Create().WithPath("/api/v4/leads/pipelines").UsingGet()).RespondWith(AmoCrmHarness.Json("pipelines.json"));

        var survey = await ActivatorUtilities.CreateInstance<AmoCrmSetupReader>(amo.Services).ReadAsync(CancellationToken.None);
        var fields = FieldProposer.Propose([survey]);

        var anna = survey.Users.Single(u => u.Id == "504141");
        Assert.Equal((3, 2, true), (anna.CardsOwned, anna.Contacts30Days, anna.Active));
        var igor = survey.Users.Single(u => u.Id == "504142");
        Assert.Equal((2, 0, false), (igor.CardsOwned, igor.Contacts30Days, igor.Active));

        var inn = fields.Single(f => f.Purpose == FieldPurpose.Inn);
        Assert.Equal(("AmoCrm:InnFieldId", "1388491"), (inn.SettingKey, inn.SettingValue));
        Assert.Equal(
            "1388491 'ИНН клиента': 3 of 5 sampled cards hold a valid value\n" +
            "legal-entity field 1388490 'Юр. лицо' vat_id, read by default: 2 of 5 sampled cards hold a valid value",
            inn.Evidence);
        Assert.Equal("1388492", fields.Single(f => f.Purpose == FieldPurpose.PostponedUntil).SettingValue);
        Assert.Equal("1388493", fields.Single(f => f.Purpose == FieldPurpose.PostponeReason).SettingValue);
        var decisionMaker = fields.Single(f => f.Purpose == FieldPurpose.DecisionMaker);
        Assert.Equal(("AmoCrm:DecisionMakerFieldId", "1388600"), (decisionMaker.SettingKey, decisionMaker.SettingValue));
        Assert.Null(fields.Single(f => f.Purpose == FieldPurpose.Kpp).SettingKey);
        Assert.NotEmpty(survey.Pipelines);

        Assert.All(amo.Server.LogEntries, e => Assert.Equal("GET", e.RequestMessage.Method));
        var customFields = Assert.Single(amo.Requests("/api/v4/companies/custom_fields"));
        Assert.Equal("50", AmoCrmHarness.Query(customFields)["limit"].Single());
        var notes = Assert.Single(amo.Requests("/api/v4/companies/notes"));
        Assert.Equal(["call_in", "call_out"], AmoCrmHarness.Query(notes)["filter[note_type][]"].Order());
        amo.AssertOnlyExpectedRequests();
    }

    [Fact]
    public async Task An_account_that_refuses_the_custom_fields_is_one_line_naming_the_account_and_the_status()
    {
        using var amo = AmoCrmHarness.LongLived().WithEmptyLists();
        amo.Server.Given(Request.Create().WithPath("/api/v4/users").UsingGet()).RespondWith(AmoCrmHarness.Json("users.json"));
        amo.Server.Given(Request.Create().WithPath("/api/v4/companies/custom_fields").UsingGet()).RespondWith(AmoCrmHarness.Json("error.402.json", HttpStatusCode.PaymentRequired));
        var reader = ActivatorUtilities.CreateInstance<AmoCrmSetupReader>(amo.Services);

        var survey = await SetupRun.Guard(CrmKind.AmoCrm, reader.Account, reader.ReadAsync, CancellationToken.None);

        Assert.NotNull(survey.Problem);
        Assert.StartsWith($"amoCRM {reader.Account} answered 402 Payment Required: the account is not paid", survey.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', survey.Problem);
        Assert.Empty(FieldProposer.Propose([survey]));
        amo.AssertNoSecretLeaked();
    }
}
