using CrmBridge.Foundation;
using Microsoft.Extensions.Options;

namespace CrmBridge.Enrichment;

/// <summary>One line per bad Enrichment setting, naming the key; never echoes the token.</summary>
internal sealed class EnrichmentOptionsValidator : IValidateOptions<EnrichmentOptions>
{
    private const string S = EnrichmentOptions.Section;

    public ValidateOptionsResult Validate(string? name, EnrichmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ConfigurationErrors();
        if (options.DaData.Enabled && !ConfigurationErrors.IsAbsoluteHttpUrl(options.DaData.BaseUrl))
        {
            errors.Add($"{S}:DaData:BaseUrl", "must be an absolute http(s) URL such as https://suggestions.dadata.ru");
        }

        if (options.DaData.Token is { } token && token.Length > 0 && token.Any(char.IsWhiteSpace))
        {
            errors.Add($"{S}:DaData:Token", "contains whitespace; paste the API key alone");
        }

        Positive(errors, $"{S}:DaData:Timeout", options.DaData.Timeout);
        Positive(errors, $"{S}:Html:Timeout", options.Html.Timeout);
        if (options.Html.Enabled && !File.Exists(options.Html.ConfigPath))
        {
            errors.Add($"{S}:Html:ConfigPath", $"file '{options.Html.ConfigPath}' does not exist");
        }

        Positive(errors, $"{S}:CacheTtl", options.CacheTtl);
        if (options.LookupsPerTick < 0)
        {
            errors.Add($"{S}:LookupsPerTick", $"must be 0 (enrichment paused) or more, got {options.LookupsPerTick}");
        }

        if (options.PauseAfterFailures < 1)
        {
            errors.Add($"{S}:PauseAfterFailures", $"must be 1 or more, got {options.PauseAfterFailures}");
        }

        if (!(options.RequestsPerSecond > 0) || double.IsInfinity(options.RequestsPerSecond))
        {
            errors.Add($"{S}:RequestsPerSecond", $"must be a positive number, got {options.RequestsPerSecond}");
        }

        var criteria = options.CategoryCriteria;
        NotNegative(errors, $"{S}:CategoryCriteria:MinHeadcount", criteria.MinHeadcount);
        NotNegative(errors, $"{S}:CategoryCriteria:MinYearsOnMarket", criteria.MinYearsOnMarket);
        NotNegative(errors, $"{S}:CategoryCriteria:MinBranches", criteria.MinBranches);
        if (criteria.MinRevenue < 0)
        {
            errors.Add($"{S}:CategoryCriteria:MinRevenue", $"must not be negative, got {criteria.MinRevenue}");
        }

        if (criteria.AllowedRegions.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{S}:CategoryCriteria:AllowedRegions", "holds an empty region name");
        }

        return errors.ToResult();
    }

    private static void Positive(ConfigurationErrors errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add(key, $"must be a positive time span such as 30.00:00:00, got {value}");
        }
    }

    private static void NotNegative(ConfigurationErrors errors, string key, int? value)
    {
        if (value < 0)
        {
            errors.Add(key, $"must not be negative, got {value}");
        }
    }
}
