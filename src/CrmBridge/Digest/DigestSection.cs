namespace CrmBridge.Digest;

/// <summary>One section of the digest: a name (for tests and logs) and its Telegram HTML, lines separated by '\n'.</summary>
internal sealed record DigestSection(string Name, string Html);
