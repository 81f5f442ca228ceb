using System.Security.Cryptography;
using System.Text;

namespace CrmBridge.Outbox;

/// <summary>
/// A short tag derived from an action's idempotency key, appended to comment, note and task texts
/// ("… [cb:3f9a0c12de]"), so a repeated attempt can find out whether the first one landed.
/// </summary>
internal static class IdempotencyMarker
{
    public static string For(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return $"[cb:{Convert.ToHexStringLower(hash.AsSpan(0, 5))}]";
    }

    /// <summary>The text with the marker appended on its own line (once, however often it is applied).</summary>
    public static string Append(string text, string marker)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(marker);
        return text.Contains(marker, StringComparison.Ordinal) ? text : $"{text.TrimEnd()}\n{marker}";
    }
}
