using System.Text.Encodings.Web;
using System.Text.Json;

namespace CrmBridge.Rules;

/// <summary>
/// What one rule evaluation found and what it did or would do; the "findings" and "actions" of
/// <c>once --report FILE.json</c>. Property names serialize in camelCase (see <see cref="ToJson"/>).
/// </summary>
internal sealed record RuleReport(
    DateTimeOffset GeneratedAt,
    bool FirstRun,
    IReadOnlyList<RuleReportFinding> Findings,
    IReadOnlyList<RuleReportAction> Actions)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Russian names and reasons stay readable in the file.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
