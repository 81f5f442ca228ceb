using CrmBridge.Core.Identifiers;

namespace CrmBridge.Core.Dedupe;

/// <summary>Turns the raw INN of a card into a dedupe key: normalized digits whose checksum holds.</summary>
internal static class InnKey
{
    /// <param name="key">The normalized INN when valid.</param>
    /// <param name="error">Why the INN is unverified, when invalid.</param>
    public static InnCheck Check(string? raw, out string key, out string error)
    {
        key = "";
        error = "";
        if (string.IsNullOrWhiteSpace(raw))
        {
            return InnCheck.Missing;
        }

        if (Inn.TryParse(raw, out var inn))
        {
            key = inn.Value;
            return InnCheck.Valid;
        }

        error = Inn.Validate(raw)?.Message ?? "INN is invalid";
        return InnCheck.Invalid;
    }
}
