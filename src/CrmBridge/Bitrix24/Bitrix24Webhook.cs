namespace CrmBridge.Bitrix24;

/// <summary>The parsed webhook: the portal host is safe to show, the rest of the path is a secret.</summary>
internal sealed class Bitrix24Webhook
{
    private readonly string secretPath;

    public Bitrix24Webhook(string webhookUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(webhookUrl);
        var trimmed = webhookUrl.Trim();
        BaseAddress = new Uri(trimmed.EndsWith('/') ? trimmed : trimmed + "/", UriKind.Absolute);
        Host = BaseAddress.IsDefaultPort ? BaseAddress.Host : $"{BaseAddress.Host}:{BaseAddress.Port}";
        secretPath = BaseAddress.AbsolutePath.Trim('/');
    }

    public Uri BaseAddress { get; }

    /// <summary>The portal host (with a non-default port): the account of every CrmRef, and all a log line may show.</summary>
    public string Host { get; }

    /// <summary>Removes the webhook path (USER_ID/SECRET) from a text that might quote a request address.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (secretPath.Length == 0)
        {
            return text;
        }

        var redacted = text.Replace(secretPath, "rest/***", StringComparison.OrdinalIgnoreCase);
        var secret = secretPath[(secretPath.LastIndexOf('/') + 1)..];
        return secret.Length < 4 ? redacted : redacted.Replace(secret, "***", StringComparison.OrdinalIgnoreCase);
    }
}
