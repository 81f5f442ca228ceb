namespace CrmBridge.Enrichment.Html;

/// <summary>Field names an HTML registry config may give a selector for (the JSON "fields" keys).</summary>
internal static class HtmlRegistryFields
{
    public const string Inn = "inn";
    public const string FullName = "fullName";
    public const string ShortName = "shortName";
    public const string Ogrn = "ogrn";
    public const string Kpp = "kpp";
    public const string Address = "address";
    public const string Region = "region";
    public const string Director = "director";
    public const string RegisteredOn = "registeredOn";
    public const string Status = "status";
    public const string Okved = "okved";
    public const string Headcount = "headcount";
    public const string Revenue = "revenue";
    public const string BranchCount = "branchCount";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        Inn, FullName, ShortName, Ogrn, Kpp, Address, Region, Director, RegisteredOn, Status, Okved, Headcount, Revenue, BranchCount,
    };
}
