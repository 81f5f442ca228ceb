using CrmBridge.Core.Identifiers;

namespace CrmBridge.Storage;

/// <summary>How an INN is indexed: the bare digits when it is valid, otherwise the trimmed raw text (so a broken one can still be found).</summary>
internal static class InnKey
{
    public static string? Of(string? inn)
    {
        if (string.IsNullOrWhiteSpace(inn))
        {
            return null;
        }

        return Inn.TryParse(inn, out var valid) ? valid.Value : inn.Trim();
    }
}
