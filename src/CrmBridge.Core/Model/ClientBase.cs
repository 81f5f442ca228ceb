namespace CrmBridge.Core.Model;

/// <summary>The normalized client base the pure core works on: everything the Store holds, across CRMs.</summary>
public sealed record ClientBase
{
    public IReadOnlyList<Company> Companies { get; init; } = [];

    public IReadOnlyList<Person> Persons { get; init; } = [];

    public IReadOnlyList<Deal> Deals { get; init; } = [];

    public IReadOnlyList<Activity> Activities { get; init; } = [];

    public IReadOnlyList<Manager> Managers { get; init; } = [];

    public IReadOnlyList<Pipeline> Pipelines { get; init; } = [];

    public IReadOnlyList<StageChange> StageChanges { get; init; } = [];

    public IReadOnlyList<OwnerChange> OwnerChanges { get; init; } = [];

    /// <summary>What the registries know, by INN (the enrichment cache): the potential ABCDE reads.</summary>
    public IReadOnlyList<CompanyProfile> Profiles { get; init; } = [];

    public static ClientBase Empty { get; } = new();
}
