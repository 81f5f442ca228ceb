namespace CrmBridge.Storage.Bson;

/// <summary>
/// One string instance per distinct value while a base is read: owner ids, stage and pipeline ids, currencies repeat
/// across hundreds of thousands of records and would otherwise each hold their own copy.
/// </summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    public string Intern(string value)
    {
        if (_strings.TryGetValue(value, out var known))
        {
            return known;
        }

        _strings[value] = value;
        return value;
    }
}
