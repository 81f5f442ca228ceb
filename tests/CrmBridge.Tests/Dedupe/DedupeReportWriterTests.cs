using System.Text;
using CrmBridge.Core.Dedupe;
using CrmBridge.Core.Model;
using CrmBridge.Dedupe;
using static CrmBridge.Tests.Dedupe.DedupeCards;

namespace CrmBridge.Tests.Dedupe;

public class DedupeReportWriterTests
{
    private static async Task<(byte[] Bytes, string[] Lines, int Rows)> WriteAsync(params Company[] cards)
    {
        var result = DuplicateFinder.Find(cards, Now);
        using var stream = new MemoryStream();
        var rows = await DedupeReportWriter.WriteAsync(stream, result, Url, CancellationToken.None);
        var bytes = stream.ToArray();
        var text = new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3);
        return (bytes, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries), rows);
    }

    [Fact]
    public async Task Excel_gets_a_BOM_semicolons_and_the_expected_columns()
    {
        var (bytes, lines, _) = await WriteAsync(Card(CrmKind.Bitrix24, "1", "Ромашка", "7707083893"), Card(CrmKind.AmoCrm, "2", "Ромашка", "7707083893", ageDays: 5));

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("group;inn;kpp;role;crm;account;id;title;owner;reason;link", lines[0]);
    }

    [Fact]
    public async Task A_group_spanning_both_CRMs_lists_master_and_duplicate_with_reason_and_link()
    {
        var (_, lines, rows) = await WriteAsync(
            Card(CrmKind.AmoCrm, "2", "Ромашка", "7707083893", ageDays: 5, owner: "501"),
            Card(CrmKind.Bitrix24, "1", "Ромашка", "7707083893"));

        Assert.Equal(2, rows);
        Assert.Equal("G1;7707083893;;master;bitrix24;portal.bitrix24.ru;1;Ромашка;7;master: oldest;https://portal.bitrix24.ru/crm/company/details/1/", lines[1]);
        Assert.Equal("G1;7707083893;;duplicate;amocrm;firm.amocrm.ru;2;Ромашка;501;duplicate of bitrix24:portal.bitrix24.ru:1: oldest;https://firm.amocrm.ru/crm/company/details/2/", lines[2]);
    }

    [Fact]
    public async Task Branches_probable_and_unverified_cards_get_their_own_roles()
    {
        var (_, lines, _) = await WriteAsync(
            Card(CrmKind.Bitrix24, "1", "Сбер", "7707083893", "773601001"),
            Card(CrmKind.Bitrix24, "2", "Сбер Сибирь", "7707083893", "540602001", ageDays: 10),
            Card(CrmKind.Bitrix24, "3", "Ромашка", null),
            Card(CrmKind.AmoCrm, "4", "ООО Ромашка", null),
            Card(CrmKind.AmoCrm, "5", "Битый", "7707083894"));

        var roles = lines.Skip(1).Select(l => l.Split(';')[3]).ToList();
        Assert.Equal(["master", "branch", "probable", "probable", "unverified"], roles);
        Assert.Contains("branch: KPP 540602001", lines[2], StringComparison.Ordinal);
        Assert.Contains("same name: ромашка", lines[3], StringComparison.Ordinal);
        Assert.Contains("INN check digit at position 10 is 4, expected 3", lines[5], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Titles_with_semicolons_and_quotes_are_quoted_so_columns_do_not_shift()
    {
        var (_, lines, _) = await WriteAsync(
            Card(CrmKind.Bitrix24, "1", "ООО \"Рога; Копыта\"", "7707083893"),
            Card(CrmKind.Bitrix24, "2", "Рога и копыта", "7707083893", ageDays: 1));

        Assert.Contains(";\"ООО \"\"Рога; Копыта\"\"\";", lines[1], StringComparison.Ordinal);
        var fields = ParseCsvLine(lines[1]);
        Assert.Equal(11, fields.Count);
        Assert.Equal("ООО \"Рога; Копыта\"", fields[7]);
    }

    // A minimal reader of one quoted ';' line, the way Excel splits it.
    private static List<string> ParseCsvLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ';' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
