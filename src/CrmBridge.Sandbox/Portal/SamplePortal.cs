using CrmBridge.Core.Model;

namespace CrmBridge.Sandbox.Portal;

/// <summary>
/// A seeded, deterministic sample client base split between a Bitrix24 portal and an amoCRM account. Nothing is
/// materialized: a company and everything bound to it are regenerated from (seed, index) when asked for, so a
/// million-company portal costs a few kilobytes until pages are served.
/// </summary>
public sealed class SamplePortal
{
    private readonly CompanySketcher _sketcher;
    private readonly HashSet<int> _liquidated;
    private readonly Dictionary<int, PlantedRole> _roles;

    private SamplePortal(SamplePortalSpec spec)
    {
        Spec = spec;
        Clock = new PortalClock(spec.Now, spec.UtcOffset);
        BitrixCount = (int)Math.Round(spec.Size * spec.BitrixShare);
        AmoCount = spec.Size - BitrixCount;
        _roles = new Planter(spec.Seed, BitrixCount, AmoCount).Plant();
        _sketcher = new CompanySketcher(spec, BitrixCount, _roles);
        _liquidated = _roles.Where(r => r.Value.Kind == PlantedKind.Liquidated).Select(r => r.Key).ToHashSet();
        Facts = PlantedFactsBuilder.Build(Clock, BitrixCount, AmoCount, _roles, _sketcher.Sketch);
    }

    public SamplePortalSpec Spec { get; }

    public PortalClock Clock { get; }

    public int BitrixCount { get; }

    public int AmoCount { get; }

    public int Size => Spec.Size;

    public PlantedFacts Facts { get; }

    public static SamplePortal Generate(SamplePortalSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        return new SamplePortal(spec);
    }

    public int CountIn(CrmKind crm) => crm == CrmKind.Bitrix24 ? BitrixCount : AmoCount;

    /// <summary>The company at a global index (Bitrix24 first, then amoCRM).</summary>
    public PortalCompany Company(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Size);
        return _sketcher.Sketch(index);
    }

    /// <summary>The company at a local index of one CRM.</summary>
    public PortalCompany Company(CrmKind crm, int local) => Company(crm == CrmKind.Bitrix24 ? local : BitrixCount + local);

    /// <summary>The company with this id in this CRM, or null.</summary>
    public PortalCompany? FindCompany(CrmKind crm, long id)
    {
        var local = PortalIds.LocalOf(crm, id, PortalIds.AmoCompanyBase, 1);
        return local >= 0 && local < CountIn(crm) ? Company(crm, local) : null;
    }

    /// <summary>What the registry knows about an INN, or null when no generated legal entity has it.</summary>
    public RegistryEntry? Registry(string inn)
    {
        ArgumentNullException.ThrowIfNull(inn);
        var index = LegalIdentity.IndexOfInn(Spec.Seed, inn, Size);
        if (index < 0)
        {
            return null;
        }

        var hasBranch = _roles.Any(r => r.Value.Kind == PlantedKind.BranchOffice && r.Value.LegalIndex == index);
        return RegistryEntry.For(Spec.Seed, LegalIdentity.For(Spec.Seed, index), _liquidated.Contains(index), hasBranch ? 1 : 0);
    }
}
