namespace CrmBridge.Bitrix24.Transport;

/// <summary>One command of a batch: Query is the URL-encoded parameter string after "method?".</summary>
internal sealed record BatchCommand(string Key, string Method, string Query)
{
    public string Text => Query.Length == 0 ? Method : $"{Method}?{Query}";
}
