using Microsoft.Extensions.Options;

namespace CrmBridge.AmoCrm;

/// <summary>Stops start-up on a bad amoCRM setting; each message names the key and never echoes a value.</summary>
internal sealed class AmoCrmOptionsValidator : IValidateOptions<AmoCrmOptions>
{
    public ValidateOptionsResult Validate(string? name, AmoCrmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        ValidateBaseUrl(options.BaseUrl!, failures);
        ValidateMode(options, failures);
        ValidateLimits(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateBaseUrl(string baseUrl, List<string> failures)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri))
        {
            failures.Add("AmoCrm:BaseUrl: must be an absolute URL such as https://SUBDOMAIN.amocrm.ru.");
            return;
        }

        // Plain http is allowed only on loopback, for the sandbox and tests.
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        {
            failures.Add("AmoCrm:BaseUrl: must use https (http only for a loopback sandbox).");
        }

        if (uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            failures.Add("AmoCrm:BaseUrl: must be the account root only, e.g. https://SUBDOMAIN.amocrm.ru, without a path, query or credentials.");
        }
    }

    private static void ValidateMode(AmoCrmOptions options, List<string> failures)
    {
        var oauthKeys = new[] { options.ClientId, options.ClientSecret, options.RedirectUri };
        var anyOAuth = oauthKeys.Any(v => !string.IsNullOrWhiteSpace(v));
        if (options.UsesLongLivedToken && anyOAuth)
        {
            failures.Add("AmoCrm:AccessToken: choose one mode: a long-lived AccessToken, or OAuth (ClientId, ClientSecret, RedirectUri), not both.");
            return;
        }

        if (options.UsesLongLivedToken)
        {
            return;
        }

        if (!anyOAuth)
        {
            failures.Add("AmoCrm:AccessToken: set a long-lived token (environment CRMBRIDGE_AmoCrm__AccessToken) or the OAuth keys AmoCrm:ClientId, AmoCrm:ClientSecret, AmoCrm:RedirectUri.");
            return;
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add("AmoCrm:ClientId: required in OAuth mode (the integration id from the amoCRM integration settings).");
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add("AmoCrm:ClientSecret: required in OAuth mode (environment CRMBRIDGE_AmoCrm__ClientSecret).");
        }

        if (string.IsNullOrWhiteSpace(options.RedirectUri))
        {
            failures.Add("AmoCrm:RedirectUri: required in OAuth mode (the redirect URI registered in the integration).");
        }
        else if (!Uri.TryCreate(options.RedirectUri, UriKind.Absolute, out _))
        {
            failures.Add("AmoCrm:RedirectUri: must be an absolute URL, exactly as registered in the integration.");
        }
    }

    private static void ValidateLimits(AmoCrmOptions options, List<string> failures)
    {
        if (options.RequestsPerSecond is < 1 or > 50)
        {
            failures.Add("AmoCrm:RequestsPerSecond: must be between 1 and 50 (amoCRM documents 7).");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add("AmoCrm:MaxRetries: must be between 0 and 10.");
        }

        if (options.RetryBudgetPerTick < 0)
        {
            failures.Add("AmoCrm:RetryBudgetPerTick: must be 0 (no retries) or more.");
        }

        if (options.RetryDelay < TimeSpan.Zero)
        {
            failures.Add("AmoCrm:RetryDelay: must not be negative.");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add("AmoCrm:Timeout: must be positive.");
        }

        if (options.SyncOverlap < TimeSpan.Zero)
        {
            failures.Add("AmoCrm:SyncOverlap: must not be negative.");
        }

        if (options.ReferenceRefreshMinutes is < 0 or > 10080)
        {
            failures.Add("AmoCrm:ReferenceRefreshMinutes: must be between 0 and 10080 (a week).");
        }

        if (options.TokenRefreshMargin < TimeSpan.Zero || options.TokenRefreshMargin > TimeSpan.FromHours(12))
        {
            failures.Add("AmoCrm:TokenRefreshMargin: must be between 0 and 12 hours (access tokens live 24 hours).");
        }

        if (options.InnFieldId is not null && !string.IsNullOrWhiteSpace(options.InnFieldCode))
        {
            failures.Add("AmoCrm:InnFieldCode: set either InnFieldId or InnFieldCode, not both.");
        }

        if (options.KppFieldId is not null && !string.IsNullOrWhiteSpace(options.KppFieldCode))
        {
            failures.Add("AmoCrm:KppFieldCode: set either KppFieldId or KppFieldCode, not both.");
        }

        if (options.OgrnFieldId is not null && !string.IsNullOrWhiteSpace(options.OgrnFieldCode))
        {
            failures.Add("AmoCrm:OgrnFieldCode: set either OgrnFieldId or OgrnFieldCode, not both.");
        }

        ValidateField(failures, "PostponedUntil", options.PostponedUntilFieldId, options.PostponedUntilFieldCode);
        ValidateField(failures, "PostponeReason", options.PostponeReasonFieldId, options.PostponeReasonFieldCode);
        if (options.ReadsPostponedUntil && options.ReadsPostponeReason
            && ((options.PostponedUntilFieldId is { } id && id == options.PostponeReasonFieldId)
                || (!string.IsNullOrWhiteSpace(options.PostponedUntilFieldCode)
                    && string.Equals(options.PostponedUntilFieldCode.Trim(), options.PostponeReasonFieldCode?.Trim(), StringComparison.OrdinalIgnoreCase))))
        {
            failures.Add("AmoCrm:PostponeReasonFieldId: the reason field must differ from the PostponedUntil field (one holds the date, the other the reason).");
        }
    }

    private static void ValidateField(List<string> failures, string name, long? id, string? code)
    {
        if (id is not null && !string.IsNullOrWhiteSpace(code))
        {
            failures.Add($"AmoCrm:{name}FieldCode: set either {name}FieldId or {name}FieldCode, not both.");
        }

        if (id is <= 0)
        {
            failures.Add($"AmoCrm:{name}FieldId: must be a positive custom field id (GET /api/v4/companies/custom_fields).");
        }
    }
}
