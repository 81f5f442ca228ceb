namespace CrmBridge.Bitrix24;

/// <summary>The portal's plan decides the leaky bucket (https://apidocs.bitrix24.com/limits.html).</summary>
internal enum Bitrix24Plan
{
    /// <summary>Every plan but Enterprise: 2 requests per second, burst 50.</summary>
    Standard,

    /// <summary>Enterprise: 5 requests per second, burst 250.</summary>
    Enterprise,
}
