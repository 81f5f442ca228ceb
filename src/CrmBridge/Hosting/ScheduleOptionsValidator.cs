using CrmBridge.Foundation;
using Microsoft.Extensions.Options;
using Quartz;

namespace CrmBridge.Hosting;

internal sealed class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions options)
    {
        var errors = new ConfigurationErrors();
        CheckCron(errors, $"{ScheduleOptions.Section}:{nameof(options.SyncCron)}", options.SyncCron);
        CheckCron(errors, $"{ScheduleOptions.Section}:{nameof(options.DigestCron)}", options.DigestCron);
        if (!PortalTimeZone.TryFind(options.TimeZone, out _))
        {
            errors.Add($"{ScheduleOptions.Section}:{nameof(options.TimeZone)}", $"'{options.TimeZone}' is not a known time zone (use an IANA id such as Europe/Moscow)");
        }

        return errors.ToResult();
    }

    private static void CheckCron(ConfigurationErrors errors, string key, string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            errors.Add(key, "is empty; a Quartz cron expression is required, e.g. \"0 0 9 ? * MON-FRI\"");
            return;
        }

        try
        {
            _ = CronExpression.Parse(expression);
        }
        catch (FormatException ex)
        {
            errors.Add(key, $"'{expression}' is not a valid Quartz cron expression (seconds minutes hours day-of-month month day-of-week): {FirstLine(ex.Message)}");
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
