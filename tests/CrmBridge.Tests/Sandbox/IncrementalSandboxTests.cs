namespace CrmBridge.Tests.Sandbox;

/// <summary>Own sandbox: other tests write to theirs, which would add to the touched companies.</summary>
public class IncrementalSandboxTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Touching_one_percent_makes_exactly_those_companies_show_up_as_updated()
    {
        var since = sandbox.Server.Portal.Clock.Now.ToUnixTimeSeconds();
        var before = await AmoPages.ReadAllAsync(sandbox, $"api/v4/companies?limit=250&filter[updated_at][from]={since + 1}", "companies");

        var touched = sandbox.Server.TouchCompanies(0.01);
        var amo = await AmoPages.ReadAllAsync(sandbox, $"api/v4/companies?limit=250&filter[updated_at][from]={since + 1}", "companies");
        var bitrix = await sandbox.BitrixAsync("crm.company.list", new { filter = new Dictionary<string, object> { [">DATE_MODIFY"] = sandbox.Server.Portal.Clock.Now.ToString("O") }, start = -1 });

        Assert.Empty(before);
        Assert.Equal(50, touched);
        Assert.Equal(touched, amo.Count + bitrix.GetProperty("result").GetArrayLength());
    }
}
