namespace CrmBridge.Hosting;

internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The input given on the command line is invalid (e.g. an INN that fails its check).</summary>
    public const int InvalidInput = 1;

    public const int Configuration = 2;

    /// <summary>A CRM refused in a way the admin must fix (token, blocked account).</summary>
    public const int CrmStopped = 3;

    public const int Usage = 64;
}
