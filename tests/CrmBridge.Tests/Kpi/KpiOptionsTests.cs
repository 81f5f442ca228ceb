using CrmBridge.Core.Kpi;
using CrmBridge.Core.Model;
using CrmBridge.Kpi;
using CrmBridge.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace CrmBridge.Tests.Kpi;

public class KpiOptionsTests
{
    private static KpiOptions Bind(string json)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Build();
        return configuration.GetSection(KpiOptions.Section).Get<KpiOptions>() ?? new KpiOptions();
    }

    private static List<string> Errors(KpiOptions options) =>
        new KpiOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void The_shipped_appsettings_section_is_valid_and_keeps_the_documented_defaults()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "config", "appsettings.json");
        var options = Bind(File.ReadAllText(path));

        Assert.Empty(Errors(options));
        var settings = KpiSettingsFactory.Create(options, TestPeople.None);
        Assert.Equal(50, settings.WeeklyNorms.NewCategoryACompanies);
        Assert.Equal(CurrencyMode.KeepApart, settings.Currency.Mode);
        Assert.Equal(CrmKpiMapping.Default.DecisionMakerPositions, settings.MappingFor(CrmKind.Bitrix24).DecisionMakerPositions);
        Assert.Equal([ActivityKind.Proposal], settings.MappingFor(CrmKind.AmoCrm).ProposalActivityKinds);
    }

    [Fact]
    public void Plans_probabilities_and_mappings_bind_from_configuration()
    {
        var options = Bind("""
            {"Kpi":{
              "DepartmentMonthlyPlan": 2000000,
              "Managers": {
                "anna@x.ru": {"PlanSharePercent": 60, "Daily": {"Calls": 30, "Meetings": 2, "DealsCreated": 1, "DealsWon": 1}},
                "bitrix24.9": {"PlanSharePercent": 40}
              },
              "Bitrix24": {"NeedStageIds": ["C1:PREPARATION"], "StageProbabilities": [{"StageId": "C1:NEW", "Probability": 0.1}]},
              "Currency": {"Mode": "Convert", "Rates": {"usd": 92.5}},
              "ExcludedManagers": ["bitrix24.1"]
            }}
            """);

        Assert.Empty(Errors(options));
        var settings = KpiSettingsFactory.Create(options, TestPeople.Configuration(("Kpi:ExcludedManagers:0", "bitrix24.1")));
        Assert.Equal(new DailyPlan(30, 2, 1, 1), settings.ManagerPlans["anna@x.ru"].Daily);
        Assert.Null(settings.ManagerPlans["bitrix24:9"].Daily);
        Assert.Equal(["C1:PREPARATION"], settings.MappingFor(CrmKind.Bitrix24).NeedStageIds);
        Assert.Equal(0.1m, settings.MappingFor(CrmKind.Bitrix24).StageProbabilities["C1:NEW"]);
        Assert.Equal(92.5m, settings.Currency.Rates["USD"]);
        Assert.Equal(["bitrix24:1"], settings.People.Technical);
    }

    [Fact]
    public void Bad_values_are_reported_one_line_each_with_their_key()
    {
        var options = new KpiOptions
        {
            DepartmentMonthlyPlan = -1,
            Managers = new() { ["a@x.ru"] = new() { PlanSharePercent = 70 }, ["b@x.ru"] = new() { PlanSharePercent = 50 } },
            TopZonePercent = 0,
            Currency = new CurrencyOptions { BaseCurrency = "рубль", Rates = new() { ["USD"] = 0 } },
            KeyAccountWindow = TimeSpan.Zero,
        };
        options.Bitrix24.StageProbabilities.Add(new StageProbabilityOptions { StageId = "NEW", Probability = 1.5m });

        var errors = Errors(options);

        Assert.Equal(
            [
                "Kpi:DepartmentMonthlyPlan:", "Kpi:Managers:", "Kpi:Bitrix24:StageProbabilities:0:Probability:", "Kpi:TopZonePercent:",
                "Kpi:Currency:BaseCurrency:", "Kpi:Currency:Rates:USD:", "Kpi:KeyAccountWindow:",
            ],
            errors.Select(error => error[..(error.IndexOf(": ", StringComparison.Ordinal) + 1)]));
    }
}
