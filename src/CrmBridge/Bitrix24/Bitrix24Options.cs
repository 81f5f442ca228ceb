namespace CrmBridge.Bitrix24;

internal sealed class Bitrix24Options
{
    public const string Section = "Bitrix24";

    /// <summary>Inbound webhook https://PORTAL/rest/USER_ID/SECRET/; empty turns Bitrix24 off. A secret: environment only.</summary>
    public string? WebhookUrl { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(WebhookUrl);
}
