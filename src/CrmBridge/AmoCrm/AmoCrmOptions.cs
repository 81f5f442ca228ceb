namespace CrmBridge.AmoCrm;

internal sealed class AmoCrmOptions
{
    public const string Section = "AmoCrm";

    /// <summary>https://SUBDOMAIN.amocrm.ru; empty turns amoCRM off.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>A long-lived token. A secret: environment only.</summary>
    public string? AccessToken { get; set; }

    public string? ClientId { get; set; }

    /// <summary>OAuth2 client secret. A secret: environment only.</summary>
    public string? ClientSecret { get; set; }

    public string? RedirectUri { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(BaseUrl);
}
