using System.Globalization;
using CrmBridge.Core.Identifiers;
using CrmBridge.Core.Model;
using CrmBridge.Hosting;
using CrmBridge.Hosting.Cli;
using CrmBridge.Sandbox;
using CrmBridge.Sandbox.Demo;
using CrmBridge.Sandbox.Portal;
using CrmBridge.Tests.Support;

namespace CrmBridge.Tests.Setup;

/// <summary>The lines of `crmbridge setup` a person reads, and its refusals, against the sandbox with a fresh config.</summary>
public sealed class SetupReportTests : SandboxCommandTests
{
    private const long HeadChat = 1_000_001;
    private const long SalesGroup = -1_001_234_567_890;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Sandbox.WriteToTelegramBot(HeadChat, "Иван Петров", "/start");
        Sandbox.WriteToTelegramBot(SalesGroup, "Анна", "/start", groupTitle: "Отдел продаж");
    }

    [Fact]
    public async Task The_report_names_the_pool_with_evidence_the_inn_field_with_its_sample_the_stage_mapping_and_the_bots_chats()
    {
        var (code, output, _) = await SetupAsync([]);

        Assert.Equal(ExitCodes.Ok, code);
        var pool = PortalUsers.All[PortalUsers.Pool];
        var poolCards = Enumerable.Range(0, Sandbox.Portal.BitrixCount).Count(i => Sandbox.Portal.Company(CrmKind.Bitrix24, i).OwnerUser == PortalUsers.Pool);
        Assert.Contains($"pool candidate: Свободная база (Bitrix24 #{pool.BitrixId}) → \"pool@sales.example\"", output, StringComparison.Ordinal);
        Assert.Contains("name 'Свободная база' looks like a free base ('свободн')", output, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"owns {poolCards} cards, 0 contacts in 30 days"), output, StringComparison.Ordinal);
        Assert.Contains("technical candidate: Интеграция 1С (amoCRM #8100008) → \"integration@sales.example\"", output, StringComparison.Ordinal);
        Assert.Contains("webhook owner (Bitrix24 user.current)", output, StringComparison.Ordinal);

        var amoCards = Enumerable.Range(0, Sandbox.Portal.AmoCount).Select(i => Sandbox.Portal.Company(CrmKind.AmoCrm, i)).ToList();
        var validInns = amoCards.Count(c => c.Inn is not null && Inn.Validate(c.Inn) is null);
        Assert.Contains("amoCRM INN: AmoCrm:InnFieldId = 900102", output, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"900102 'ИНН': {validInns} of {amoCards.Count} sampled cards hold a valid value"), output, StringComparison.Ordinal);
        Assert.Contains("Bitrix24 INN: no setting", output, StringComparison.Ordinal);
        Assert.Contains("requisites RQ_INN (the default source, no setting needed)", output, StringComparison.Ordinal);

        Assert.Contains("need identified: PREPARATION 'Подготовка документов' — 2nd open stage (no stage is named like a need) → Kpi:Bitrix24:NeedStageIds", output, StringComparison.Ordinal);
        Assert.Contains("TOP zone: 7001105 'Финальный счёт' — name matches 'финальн' → Kpi:AmoCrm:TopZoneStageIds", output, StringComparison.Ordinal);
        Assert.Contains("a.smirnova@sales.example: Bitrix24 #3 Анна Смирнова · amoCRM #8100003 Анна Смирнова", output, StringComparison.Ordinal);

        Assert.Contains("Telegram bot: CrmBridge Sandbox (@crmbridge_sandbox_bot)", output, StringComparison.Ordinal);
        Assert.Contains("1000001", output, StringComparison.Ordinal);
        Assert.Contains("Иван Петров", output, StringComparison.Ordinal);
        Assert.Contains("-1001234567890", output, StringComparison.Ordinal);
        Assert.Contains("Отдел продаж", output, StringComparison.Ordinal);
        Assert.Empty(Sandbox.CrmWrites);
    }

    [Fact]
    public async Task Reading_the_chats_confirms_no_update_so_a_second_run_and_the_worker_still_see_them()
    {
        await SetupAsync([]);

        var (_, output, _) = await SetupAsync([]);

        Assert.Contains("Иван Петров", output, StringComparison.Ordinal);
        Assert.Contains("Отдел продаж", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_refuses_an_existing_file_with_one_line_and_exit_2_and_leaves_it_untouched()
    {
        var file = Path.Combine(Folder, "appsettings.Local.json");
        await File.WriteAllTextAsync(file, "{ \"mine\": true }");
        var before = Sandbox.Counters.Requests(SandboxService.Bitrix24) + Sandbox.Counters.Requests(SandboxService.AmoCrm);

        var (code, output, error) = await SetupAsync(["--write", file]);

        Assert.Equal(ExitCodes.Configuration, code);
        Assert.Equal($"crmbridge setup: {file} exists; add --force to overwrite it", error.Trim());
        Assert.Equal("{ \"mine\": true }", await File.ReadAllTextAsync(file));
        Assert.Empty(output);
        Assert.Equal(before, Sandbox.Counters.Requests(SandboxService.Bitrix24) + Sandbox.Counters.Requests(SandboxService.AmoCrm));
    }

    [Fact]
    public async Task Write_with_force_overwrites_the_file_with_the_proposal()
    {
        var file = Path.Combine(Folder, "appsettings.Local.json");
        await File.WriteAllTextAsync(file, "{ \"mine\": true }");

        var (code, output, _) = await SetupAsync(["--write", file, "--force"]);

        Assert.Equal(ExitCodes.Ok, code);
        var written = await File.ReadAllTextAsync(file);
        Assert.DoesNotContain("mine", written, StringComparison.Ordinal);
        Assert.Contains("\"pool@sales.example\"", written, StringComparison.Ordinal);
        Assert.Contains($"Proposed settings written to {file}.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crm_that_refuses_is_one_clear_line_the_other_crm_is_still_reported_and_nothing_is_written()
    {
        var file = Path.Combine(Folder, "appsettings.Local.json");

        var (code, output, error) = await SetupAsync(["--write", file, "--AmoCrm:AccessToken=revoked-token"]);

        Assert.Equal(ExitCodes.CrmStopped, code);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var amoLine = Assert.Single(lines, line => line.StartsWith("crmbridge setup: amoCRM 127.0.0.1", StringComparison.Ordinal));
        Assert.Contains("401", amoLine, StringComparison.Ordinal);
        Assert.DoesNotContain("revoked-token", output + error, StringComparison.Ordinal);
        Assert.Contains("pool candidate: Свободная база (Bitrix24 #2)", output, StringComparison.Ordinal);
        Assert.Contains("nothing written", error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task Write_without_any_crm_configured_says_so_in_one_line_and_writes_nothing()
    {
        var file = Path.Combine(Folder, "appsettings.Local.json");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await CommandLine.RunAsync(
            ["setup", "--no-color", "--write", file, $"--Storage:Path={Path.Combine(Folder, "empty.db")}"], output, error, CancellationToken.None);

        Assert.Equal(ExitCodes.Configuration, code);
        Assert.Equal(
            $"crmbridge setup: nothing written to {file}: no CRM is configured (Bitrix24:WebhookUrl, AmoCrm:BaseUrl)",
            error.ToString().Trim());
        Assert.False(File.Exists(file));
    }

    /// <summary>A new admin's configuration: the demo's URLs and tokens without its people, fields and stages.</summary>
    private async Task<(int Code, string Output, string Error)> SetupAsync(string[] arguments)
    {
        var settings = DemoConfiguration.For(Sandbox, Path.Combine(Folder, "store.db"))
            .Where(s => !s.Key.StartsWith("People:", StringComparison.Ordinal)
                && !s.Key.EndsWith("FieldId", StringComparison.Ordinal)
                && !s.Key.EndsWith("Field", StringComparison.Ordinal))
            .Select(s => $"--{s.Key}={s.Value}")
            .Where(s => !arguments.Any(a => a.StartsWith(s[..(s.IndexOf('=', StringComparison.Ordinal) + 1)], StringComparison.Ordinal)));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(["setup", "--no-color", .. arguments, .. settings], output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
