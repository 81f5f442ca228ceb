namespace CrmBridge.Dedupe;

/// <summary>Excel-style CSV quoting for a ';'-separated file: quote when the value holds ; " or a line break.</summary>
internal static class CsvField
{
    public const char Separator = ';';

    public static string Quote(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var needsQuotes = value.AsSpan().IndexOfAny([Separator, '"', '\r', '\n']) >= 0 || value[0] == ' ' || value[^1] == ' ';
        return needsQuotes ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
