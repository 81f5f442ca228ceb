using System.Text;
using CrmBridge.Core.Dedupe;
using CrmBridge.Core.Model;

namespace CrmBridge.Dedupe;

/// <summary>
/// The `dedupe --report FILE.csv` report: UTF-8 with BOM and ';' so that Excel with Russian regional settings opens it
/// as columns. One row per card: INN groups (master, duplicates, branches), probable groups, unverified INNs.
/// </summary>
internal static class DedupeReportWriter
{
    public static readonly string[] Columns = ["group", "inn", "kpp", "role", "crm", "account", "id", "title", "owner", "reason", "link"];

    /// <summary>Writes the report and returns the number of card rows.</summary>
    public static async Task<int> WriteAsync(Stream stream, DedupeResult result, Func<CrmRef, Uri?> cardUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(cardUrl);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(CsvField.Separator, Columns));
        var rows = 0;

        async Task Row(string group, string? inn, string? kpp, string role, Company card, string reason)
        {
            string?[] fields =
            [
                group, inn, kpp, role, CrmRef.CrmName(card.Ref.Crm), card.Ref.Account, card.Ref.Id, card.Title, card.OwnerId, reason,
                cardUrl(card.Ref)?.ToString(),
            ];
            await writer.WriteLineAsync(string.Join(CsvField.Separator, fields.Select(CsvField.Quote)).AsMemory(), cancellationToken);
            rows++;
        }

        var number = 0;
        foreach (var group in result.InnGroups)
        {
            number++;
            foreach (var member in group.Members)
            {
                var reason = member.Role switch
                {
                    DedupeRole.Master => $"master: {group.MasterReason}",
                    DedupeRole.Duplicate => $"duplicate of {member.PointsTo}: {member.Reason}",
                    _ => member.Reason,
                };
                await Row($"G{number}", group.Inn, member.Kpp, Role(member.Role), member.Card, reason);
            }
        }

        number = 0;
        foreach (var group in result.ProbableGroups)
        {
            number++;
            foreach (var card in group.Cards)
            {
                await Row($"P{number}", card.Inn, card.Kpp, Role(DedupeRole.Probable), card, string.Join("; ", group.Reasons));
            }
        }

        var invalidReasons = result.Findings.Where(f => f.Rule == RuleNames.InvalidInn)
            .ToDictionary(f => f.Subject, f => f.Data.GetValueOrDefault(DedupeDataKeys.Reason) ?? "");
        number = 0;
        foreach (var card in result.Unverified)
        {
            number++;
            await Row($"U{number}", card.Inn, card.Kpp, Role(DedupeRole.Unverified), card, invalidReasons.GetValueOrDefault(card.Ref) ?? "");
        }

        await writer.FlushAsync(cancellationToken);
        return rows;
    }

    private static string Role(DedupeRole role) => role.ToString().ToLowerInvariant();
}
